import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './support/browser';
import { createAccount, createKey, issueLicense, openTicket, revokeKey } from './support/api';
import { AccountPage, AccountsPage, AppShell, ChargesPage, SignInPage, TicketPage } from './pages';

/** What each role sees: partners only their accounts and allowed actions; analysts no write actions. */
describe('roles in the browser', () => {
  let partnerAccount = '';
  let otherAccount = '';
  let partnerTicket = '';
  let partnerKey = { id: '', secret: '' };
  let analystKey = { id: '', secret: '' };
  const suffix = Math.random().toString(36).slice(2, 7);
  const partnerName = `Partner Shop ${suffix}`;
  const otherName = `Outside Store ${suffix}`;

  beforeAll(async () => {
    partnerAccount = await createAccount(partnerName, `p-${suffix}@example.com`);
    otherAccount = await createAccount(otherName, `o-${suffix}@example.com`);
    const license = await issueLicense(partnerAccount, 'LEASED', `leased-${suffix}.example`);
    await issueLicense(otherAccount, 'OWNED', `owned-${suffix}.example`);
    partnerTicket = await openTicket(license, 'SETUP', 'Shipping module question');
    partnerKey = await createKey(`Reseller ${suffix}`, 'PARTNER', [partnerAccount]);
    analystKey = await createKey(`Analyst ${suffix}`, 'ANALYST');
  });

  describe('a partner key', () => {
    let s: Session;
    beforeAll(async () => {
      s = await openBrowser(inject('baseUrl'));
      await new SignInPage(s.page).goto();
      await new SignInPage(s.page).signInAndWait(partnerKey.secret);
    });
    afterAll(async () => {
      await s?.close();
    });

    it('sees only its own accounts', async () => {
      const shell = new AppShell(s.page);
      expect(await shell.roleBadge()).toBe('Partner');
      const accounts = new AccountsPage(s.page);
      await accounts.goto();
      const names = await accounts.names();
      expect(names).toContain(partnerName);
      expect(names).not.toContain(otherName);
      await screenshot(s.page, 'accounts-partner');
    });

    it('cannot open an account outside its scope by URL', async () => {
      const account = new AccountPage(s.page);
      await account.goto(otherAccount);
      expect(await s.page.getByText('Account not found').isVisible()).toBe(true);
      expect(await s.page.getByText(otherName).count()).toBe(0);
    });

    it('gets the actions a partner may take, and no charge or refund', async () => {
      const account = new AccountPage(s.page);
      await account.goto(partnerAccount);
      expect(await account.writeButtons().allInnerTexts()).toEqual([
        'Portal link',
        'Issue license',
        'Purchase credits',
        'Open ticket',
      ]);
      const ticket = new TicketPage(s.page);
      await ticket.goto(partnerTicket);
      await ticket.waitForStatus('Open');
      expect(await ticket.costField.count()).toBe(0);
      expect(await s.page.getByText('Waiting for a support specialist').isVisible()).toBe(true);
    });

    it('can open a ticket on its account', async () => {
      const account = new AccountPage(s.page);
      await account.goto(partnerAccount);
      await account.fillTicket(
        `leased-${suffix}.example`,
        'BUG_REPORT',
        'Checkout bug seen by a reseller',
      );
      expect(await account.quote().innerText()).toContain('Included');
      await account.submitTicket();
      await new TicketPage(s.page).waitForStatus('Open');
    });

    it('sees only its accounts’ charges', async () => {
      const charges = new ChargesPage(s.page);
      await charges.goto();
      expect(await s.page.getByText('Charge history of your accounts.').isVisible()).toBe(true);
    });

    it('is sent back to sign-in once its key is revoked', async () => {
      await revokeKey(partnerKey.id);
      await s.page.goto('/accounts');
      const signIn = new SignInPage(s.page);
      await signIn.heading.waitFor();
      await signIn.sessionEndedNotice().waitFor();
      expect(
        await s.page.evaluate(() => window.sessionStorage.getItem('credits.apiKey')),
      ).toBeNull();
    });
  });

  describe('an analyst key', () => {
    let s: Session;
    beforeAll(async () => {
      s = await openBrowser(inject('baseUrl'));
      await new SignInPage(s.page).goto();
      await new SignInPage(s.page).signInAndWait(analystKey.secret);
    });
    afterAll(async () => {
      await s?.close();
    });

    it('reads every account but has no create button', async () => {
      const accounts = new AccountsPage(s.page);
      await accounts.goto();
      expect(await new AppShell(s.page).roleBadge()).toBe('Analyst');
      const names = await accounts.names();
      expect(names).toEqual(expect.arrayContaining([partnerName, otherName]));
      expect(await accounts.createButton.count()).toBe(0);
    });

    it('sees no write actions on an account or a ticket', async () => {
      const account = new AccountPage(s.page);
      await account.goto(partnerAccount);
      expect(await account.writeButtons().count()).toBe(0);
      expect(
        await s.page
          .getByRole('button', { name: /Issue license|Purchase credits|Open ticket/ })
          .count(),
      ).toBe(0);
      await screenshot(s.page, 'account-analyst');
      const ticket = new TicketPage(s.page);
      await ticket.goto(partnerTicket);
      await ticket.waitForStatus('Open');
      expect(await ticket.costField.count()).toBe(0);
      expect(await s.page.getByRole('button', { name: /Charge|Refund/ }).count()).toBe(0);
    });

    it('cannot reach a write dialog through its URL either', async () => {
      await s.page.goto(`/accounts/${partnerAccount}?action=purchase`);
      await s.page.getByTestId('account-balance').waitFor();
      expect(await s.page.getByRole('dialog').count()).toBe(0);
    });

    it('browses and exports charges', async () => {
      const charges = new ChargesPage(s.page);
      await charges.goto();
      expect(await s.page.getByRole('button', { name: 'Download CSV' }).count()).toBe(1);
    });
  });
});
