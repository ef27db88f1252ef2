import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, PHONE, phoneScreenshot, VIEWPORT, type Session } from './support/browser';
import { horizontalOverflow } from './support/overflow';
import {
  MENU_OPEN,
  ROUTES,
  routerPatterns,
  seedRouteFixtures,
  type RouteCase,
  type RouteFixtures,
} from './support/routes';
import { SignInPage } from './pages';

const SIZES = [{ width: 1366, height: 900 }, PHONE];

/**
 * Issue 15, every width: each route of the router (deep ones on this file's
 * own records, with their dialogs and panels open) at a laptop's 1366x900 and
 * a phone's 390x844 never scrolls sideways, and below 720 px the navigation
 * is a menu button.
 */
describe('every page at every width', () => {
  let f: RouteFixtures;
  let s: Session;
  let guest: Page;

  beforeAll(async () => {
    f = await seedRouteFixtures('Widths');
    s = await openBrowser(inject('baseUrl'));
    // The key lives in the tab's sessionStorage: a second tab has none.
    guest = await s.context.newPage();
    await new SignInPage(s.page).goto();
    await new SignInPage(s.page).signInAndWait(inject('adminKey'));
  });
  afterAll(async () => {
    await s?.close();
    await f?.close();
  });

  it('the list covers every route of the router', () => {
    expect(ROUTES.map((r) => r.pattern).sort()).toEqual(routerPatterns());
  });

  const visit = async (route: RouteCase, size: { width: number; height: number }) => {
    const page = route.signedIn ? s.page : guest;
    await page.setViewportSize(size);
    await page.goto(route.path(f));
    await route.ready(page, f);
    return page;
  };

  for (const route of ROUTES) {
    for (const size of SIZES) {
      it(`${route.pattern} at ${size.width}x${size.height} does not scroll sideways`, async () => {
        const page = await visit(route, size);
        const where = `${route.path(f)} at ${size.width}px`;
        const found: string[] = [];
        const check = async (state: string) => {
          const problem = await horizontalOverflow(page);
          if (problem) found.push(`${where}${state}: ${problem}`);
        };
        await check('');
        const states = [...route.states];
        if (route.signedIn && size.width < 720) states.push(MENU_OPEN);
        for (const state of states) {
          await state.open(page, f);
          await check(` with ${state.name}`);
          await state.close(page);
        }
        expect(found).toEqual([]);
      });
    }
  }

  it('below 720 px the navigation is a menu button: expands, takes focus, closes on Escape and on a link', async () => {
    const page = s.page;
    await page.setViewportSize(PHONE);
    await page.goto('/tickets');
    await page.getByRole('table', { name: 'Ticket queue' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Charges' }).isVisible()).toBe(false);
    // The queue reflowed: one labelled block per ticket.
    await phoneScreenshot(page, 'phone-tickets');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Charges' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Accounts');
    await phoneScreenshot(page, 'phone-menu');

    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
    expect(await nav.getByRole('link', { name: 'Charges' }).isVisible()).toBe(false);

    await menu.click();
    await nav.getByRole('link', { name: 'Charges' }).click();
    await page.getByRole('heading', { level: 1, name: 'Charges' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await menu.isVisible()).toBe(false);
    expect(await nav.getByRole('link', { name: 'Charges' }).isVisible()).toBe(true);
    await page.setViewportSize(VIEWPORT);
  });
});
