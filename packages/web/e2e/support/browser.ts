import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, screenshotsDir } from './paths';

export const VIEWPORT = { width: 1280, height: 800 };

export interface Session {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** Debian's Chromium, headless, with a throwaway profile; never a downloaded browser. */
export async function openBrowser(baseURL: string): Promise<Session> {
  const profile = mkdtempSync(path.join(tmpdir(), 'e2e-chromium-'));
  // A fresh profile per session, passed as the persistent context's user data dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    baseURL,
    viewport: VIEWPORT,
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
      if (errors.length) console.warn(`[e2e] page errors:\n${errors.join('\n')}`);
    },
  };
}

/** A 1280x800 PNG of the page for docs/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  const size = page.viewportSize();
  if (!size || size.width !== VIEWPORT.width || size.height !== VIEWPORT.height)
    await page.setViewportSize(VIEWPORT);
  // Let charts and fonts settle; hide the caret so shots are stable.
  const style = await page.addStyleTag({
    content: '* { caret-color: transparent !important; } .toasts { display: none !important; }',
  });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: false });
  await style.evaluate((el) => (el as Element).remove());
}

export const PHONE = { width: 390, height: 844 };

/** A 390x844 PNG of the page (the phone layout) for docs/screenshots/. */
export async function phoneScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  await page.setViewportSize(PHONE);
  const style = await page.addStyleTag({
    content: '* { caret-color: transparent !important; } .toasts { display: none !important; }',
  });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: false });
  await style.evaluate((el) => (el as Element).remove());
}
