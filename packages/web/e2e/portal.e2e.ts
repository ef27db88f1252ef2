import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Session } from './support/browser';
import { createAccount, gql, issueLicense } from './support/api';
import { screenshotsDir } from './support/paths';
import { AccountPage, MailboxPage, PortalPage, SignInPage } from './pages';

/** An iPhone 12-14's window: the portal is read on a phone. */
const PHONE = { width: 390, height: 844 };
const LINK = /https?:\/\/\S+\/portal\/cgp_[A-Za-z0-9_-]{43}/;

/**
 * The customer portal, as a customer meets it: the link in a receipt the
 * gateway's worker delivered (read from the run's mailbox, as the outbound
 * tests read it), opened on a phone-sized window without signing in; and as
 * staff hand it out and take it back from the account page.
 */
describe('customer portal', () => {
  let staff: Session;
  let phone: Session;
  const suffix = Math.random().toString(36).slice(2, 7);
  const name = `Portal Shop ${suffix}`;
  const email = `portal-${suffix}@example.com`;
  let accountId = '';
  let balance = 0;

  beforeAll(async () => {
    accountId = await createAccount(name, email);
    await issueLicense(accountId, 'OWNED', `portal-${suffix}.example`);
    await gql('mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }', {
      i: {
        accountId,
        credits: 40,
        paymentReference: `portal-${suffix}`,
        amountPaidCents: 4_999,
        currency: 'EUR',
      },
    });
    const d = await gql<{ account: { balance: number } }>(
      'query($id: ID!) { account(id: $id) { balance } }',
      { id: accountId },
    );
    balance = d.account.balance;
    staff = await openBrowser(inject('baseUrl'));
    await new SignInPage(staff.page).goto();
    await new SignInPage(staff.page).signInAndWait(inject('adminKey'));
    phone = await openBrowser(inject('baseUrl'));
    await phone.page.setViewportSize(PHONE);
  });
  afterAll(async () => {
    await phone?.close();
    await staff?.close();
  });

  it('opens the link in a purchase receipt on a phone: the balance and the lots, nothing wider than the screen', async () => {
    const mailbox = new MailboxPage(staff.page);
    await mailbox.goto();
    const text = await mailbox.open('Receipt:', email);
    const url = LINK.exec(text)?.[0];
    expect(url, `a portal link in the receipt:\n${text}`).toBeDefined();

    const portal = new PortalPage(phone.page);
    await portal.open(url!);
    expect(new URL(phone.page.url()).pathname).toMatch(/^\/portal\//);
    expect(await portal.heading().innerText()).toBe(name);
    expect(await portal.balance()).toBe(balance);
    // The license's grant and the purchase.
    expect(await portal.lots().count()).toBe(2);
    expect(await portal.lots().filter({ hasText: 'Never expires' }).count()).toBe(1);
    expect(await portal.receipts().filter({ hasText: '€49.99' }).count()).toBe(1);
    // No dashboard around it, and no horizontal scrolling at 390 px.
    expect(await phone.page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await portal.overflowX()).toBe(0);
    await phone.page.screenshot({ path: path.join(screenshotsDir, 'portal-phone.png') });
  });

  it('staff make a link on the account page; once revoked, the page says so clearly', async () => {
    const account = new AccountPage(staff.page);
    await account.goto(accountId);
    const url = await account.createPortalLink();
    expect(url).toMatch(LINK);

    const portal = new PortalPage(phone.page);
    await portal.open(url);
    expect(await portal.balance()).toBe(balance);

    await account.revokePortalLinks();
    await portal.open(url);
    expect(await portal.refused().innerText()).toContain('This link no longer works');
    // Still the portal: not sent to the dashboard's sign-in.
    expect(new URL(phone.page.url()).pathname).toMatch(/^\/portal\//);
    expect(await portal.overflowX()).toBe(0);
  });
});
