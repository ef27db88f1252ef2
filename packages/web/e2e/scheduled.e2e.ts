import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './support/browser';
import { createAccount, createKey, gql, issueLicense, openTicket } from './support/api';
import { waitFor } from './support/poll';
import type { Page } from 'playwright-core';
import { AccountPage, OperationsPage, SignInPage } from './pages';

function navLabels(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
}

/**
 * Scheduled work in the browser: the low-balance card (threshold, edit,
 * notices sent) and the staff Operations page. The e2e gateway runs expiry
 * and reconciliation every minute (global-setup), so the runs shown are
 * real ones recorded by its own worker.
 */
describe('scheduled work: low balance, operations', () => {
  let s: Session;
  const suffix = Math.random().toString(36).slice(2, 7);
  let accountId = '';
  let licenseId = '';

  beforeAll(async () => {
    accountId = await createAccount(`Scheduled Shop ${suffix}`, `scheduled-${suffix}@example.com`);
    licenseId = await issueLicense(accountId, 'OWNED', `scheduled-${suffix}.example`);
    s = await openBrowser(inject('baseUrl'));
    await new SignInPage(s.page).goto();
    await new SignInPage(s.page).signInAndWait(inject('adminKey'));
  });
  afterAll(async () => {
    await s?.close();
  });

  async function balance(): Promise<number> {
    const d = await gql<{ account: { balance: number } }>(
      'query($id: ID!) { account(id: $id) { balance } }',
      { id: accountId },
    );
    return d.account.balance;
  }

  it('shows the default threshold, sets one, and lists the notice a charge below it sent', async () => {
    const account = new AccountPage(s.page);
    await account.goto(accountId);
    expect(await account.lowBalanceThreshold()).toBe('0 credits');
    await account.lowBalance().getByText('default', { exact: true }).waitFor();
    expect(await account.sentNotices().count()).toBe(0);

    const before = await balance();
    expect(before).toBeGreaterThan(30);
    const threshold = before - 10;
    await account.setLowBalanceThreshold(String(threshold));
    await s.page
      .getByText(`Low-balance threshold set to ${threshold.toLocaleString('en-US')}`)
      .waitFor();
    expect(await account.lowBalanceThreshold()).toBe(
      `${threshold.toLocaleString('en-US')} credits`,
    );
    await account.lowBalance().getByText('this account', { exact: true }).waitFor();

    // The server holds it, not just the page.
    const d = await gql<{ account: { lowBalance: { threshold: number; isDefault: boolean } } }>(
      'query($id: ID!) { account(id: $id) { lowBalance { threshold isDefault } } }',
      { id: accountId },
    );
    expect(d.account.lowBalance).toEqual({ threshold, isDefault: false });

    const ticketId = await openTicket(licenseId, 'ROOT_CAUSE_ANALYSIS', `Below ${suffix}`);
    await gql('mutation($i: ChargeTicketInput!) { chargeTicket(input: $i) { id } }', {
      i: { ticketId, credits: 25 },
    });
    await account.goto(accountId);
    await account.sentNotices().first().waitFor();
    expect(await account.sentNotices().count()).toBe(1);
    const notice = await account.sentNotices().first().innerText();
    expect(notice).toContain('Low balance');
    expect(notice).toContain(`Balance ${(before - 25).toLocaleString('en-US')} credits`);
    expect(notice).toContain(`below ${threshold.toLocaleString('en-US')} credits`);
    expect(await account.lowBalance().getByTestId('low-balance-state').innerText()).toContain(
      'Below the threshold',
    );
    await screenshot(s.page, 'account-low-balance');

    // Empty: back to the default.
    await account.setLowBalanceThreshold('');
    await account.lowBalance().getByText('default', { exact: true }).waitFor();
    expect(await account.lowBalanceThreshold()).toBe('0 credits');
  });

  it('a partner sets the threshold of its own account; an analyst cannot edit it', async () => {
    const partner = await createKey(`Scheduled partner ${suffix}`, 'PARTNER', [accountId]);
    const analyst = await createKey(`Scheduled analyst ${suffix}`, 'ANALYST');
    const ps = await openBrowser(inject('baseUrl'));
    try {
      await new SignInPage(ps.page).goto();
      await new SignInPage(ps.page).signInAndWait(partner.secret);
      const account = new AccountPage(ps.page);
      await account.goto(accountId);
      await account.setLowBalanceThreshold('5');
      expect(await account.lowBalanceThreshold()).toBe('5 credits');
      // No Operations page in a partner's nav.
      expect(await navLabels(ps.page)).not.toContain('Operations');
    } finally {
      await ps.close();
    }
    const as = await openBrowser(inject('baseUrl'));
    try {
      await new SignInPage(as.page).goto();
      await new SignInPage(as.page).signInAndWait(analyst.secret);
      const account = new AccountPage(as.page);
      await account.goto(accountId);
      expect(await account.lowBalanceThreshold()).toBe('5 credits');
      expect(
        await account.lowBalance().getByRole('button', { name: 'Edit threshold' }).count(),
      ).toBe(0);
    } finally {
      await as.close();
    }
  });

  it('lists the expiring-soon notice the worker sent for a lot expiring within 30 days', async () => {
    const soonId = await createAccount(`Expiring Shop ${suffix}`, `expiring-${suffix}@example.com`);
    // A grant is valid 12 months from the order date: this one expires in about 20 days.
    const orderDate = new Date(Date.now() - 345 * 24 * 3600_000).toISOString();
    await gql('mutation($input: IssueLicenseInput!) { issueLicense(input: $input) { id } }', {
      input: {
        accountId: soonId,
        edition: 'OWNED',
        hostingPlan: null,
        domain: `expiring-${suffix}.example`,
        orderDate,
        listPriceCents: 100000,
        paidPriceCents: 100000,
      },
    });
    const account = new AccountPage(s.page);
    // The notices job runs with the expiry schedule (every minute here).
    await waitFor(
      async () => {
        await account.goto(soonId);
        return (await account.sentNotices().count()) > 0;
      },
      "the worker's expiring-soon notice",
      80_000,
      2_000,
    );
    expect(await account.sentNotices().count()).toBe(1);
    const notice = account.sentNotices().first();
    expect(await notice.getAttribute('data-notice-kind')).toBe('expiry');
    const text = await notice.innerText();
    expect(text).toContain('Expiring soon');
    expect(text).toContain("30 days' notice");
    expect(text).toMatch(/[\d,]+ credits? expire/);
  });

  it("shows the worker's last expiry run and the latest reconciliation report", async () => {
    type Ops = {
      expirySchedule: { lastRun: { ranAt: string; lots: number; credits: number } | null };
      reconciliationReports: {
        id: string;
        ok: boolean;
        accountsChecked: number;
        lotsChecked: number;
      }[];
    };
    const q =
      '{ expirySchedule { lastRun { ranAt lots credits } } reconciliationReports(first: 1) { id ok accountsChecked lotsChecked } }';
    // The worker's every-minute ticks: wait (at most 100 s) for the first of each.
    const ops = await waitFor(
      async () => {
        const o = await gql<Ops>(q);
        return o.expirySchedule.lastRun && o.reconciliationReports.length > 0 && o;
      },
      "the worker's first expiry run and reconciliation report",
      100_000,
      1_000,
    );
    const run = ops.expirySchedule.lastRun;
    expect(run).not.toBeNull();
    const [report] = ops.reconciliationReports;
    expect(report).toBeDefined();
    expect(report!.ok).toBe(true);
    expect(report!.accountsChecked).toBeGreaterThan(0);

    const page = new OperationsPage(s.page);
    await page.goto();
    expect(await navLabels(s.page)).toContain('Operations');
    const last = await page.lastRun();
    expect(last).not.toContain('No run yet');
    expect(last).toMatch(/\d+ lots?, [\d,]+ credits? expired/);
    const first = page.reports().first();
    expect(await first.getAttribute('data-ok')).toBe('true');
    const text = await first.innerText();
    expect(text).toContain('Clean');
    expect(text).toContain('Every invariant holds.');
    expect(text).toMatch(/[\d,]+ accounts, [\d,]+ lots checked/);
    await screenshot(s.page, 'operations');
  });
});
