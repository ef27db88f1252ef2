import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './support/browser';
import { createAccount, issueLicense, openTicket } from './support/api';
import { ExplorerPage, SignInPage } from './pages';

/**
 * Every page under the gateway's Content-Security-Policy (issue 19, finding
 * 7): the dashboard's routes and the explorer, a query run there included,
 * with no violation reported, neither as a `securitypolicyviolation` event
 * nor as a console error.
 */
describe('the dashboard and the explorer under the CSP', () => {
  let s: Session;
  let accountId = '';
  let ticketId = '';
  const violations: string[] = [];

  const watch = async (page: Page) => {
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as unknown as { __csp?: string[] };
        (w.__csp ??= []).push(
          `${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
    page.on('console', (m) => {
      if (
        /Content.Security.Policy|Refused to (load|execute|apply|create|connect|evaluate)/i.test(
          m.text(),
        )
      )
        violations.push(`console: ${m.text()}`);
    });
  };

  const collect = async (page: Page, where: string) => {
    const events = await page.evaluate(() => {
      const w = window as unknown as { __csp?: string[] };
      const found = w.__csp ?? [];
      w.__csp = [];
      return found;
    });
    for (const e of events) violations.push(`${where}: ${e}`);
  };

  beforeAll(async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    accountId = await createAccount(`CSP Shop ${suffix}`, `csp-${suffix}@example.com`);
    const license = await issueLicense(accountId, 'OWNED', `csp-${suffix}.example`);
    ticketId = await openTicket(license, 'SETUP', 'CSP check');
    s = await openBrowser(inject('baseUrl'));
    await watch(s.page);
    await new SignInPage(s.page).goto();
    await new SignInPage(s.page).signInAndWait(inject('adminKey'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the gateway sends the policy with the pages', async () => {
    const r = await s.page.request.get('/accounts');
    const csp = r.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(r.headers()['x-frame-options']).toBe('DENY');
  });

  it('every dashboard route renders with no violation', async () => {
    const routes = [
      '/accounts',
      `/accounts/${accountId}`,
      `/tickets/${ticketId}`,
      '/charges',
      '/pricing',
      '/keys',
      '/webhooks',
      '/mailbox',
      '/operations',
      '/no-such-page',
    ];
    for (const route of routes) {
      await s.page.goto(route);
      await s.page.getByRole('navigation', { name: 'Main' }).waitFor();
      await s.page.waitForLoadState('networkidle');
      await collect(s.page, route);
    }
    expect(violations).toEqual([]);
  });

  it('the explorer loads its editor and workers and runs a query with no violation', async () => {
    const explorer = new ExplorerPage(s.page);
    await explorer.openFromEndpoint('{ me { role } }');
    const text = await explorer.run(/"role":\s+"ADMIN"/);
    expect(text).toContain('"role": "ADMIN"');
    // Typing drives the editor's language worker (completion, validation).
    await s.page.locator('.graphiql-query-editor .monaco-editor').first().click();
    await s.page.keyboard.type(' ');
    await s.page.waitForLoadState('networkidle');
    await collect(s.page, '/explorer');
    expect(violations).toEqual([]);
  });

  it("the explorer's documentation pane searches the schema with no violation", async () => {
    const explorer = new ExplorerPage(s.page);
    await explorer.openFromEndpoint('{ me { role } }');
    expect(await explorer.openDocs('Account')).toBe('Account');
    await collect(s.page, '/explorer (documentation)');
    expect(violations).toEqual([]);
  });
});
