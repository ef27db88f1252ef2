import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { openBrowser, screenshot, VIEWPORT, type Session } from './support/browser';
import { resultsDir } from './support/paths';
import {
  AccountPage,
  AccountsPage,
  AppShell,
  ChargesPage,
  PricingPage,
  SignInPage,
  TicketPage,
} from './pages';

/**
 * The credit lifecycle as support staff work it, against the real gateway and
 * Postgres: sign in -> create account -> issue license -> open ticket -> charge
 * -> statement and ledger -> refund -> filter charges -> CSV. The steps share one
 * browser and build on each other, so they run in order.
 */
describe('credit lifecycle in the browser', () => {
  let s: Session;
  let shell: AppShell;
  let accountId = '';
  let ticketId = '';
  const accountName = 'Acme Robotics, Ltd.';
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    s = await openBrowser(inject('baseUrl'));
    shell = new AppShell(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sends a visitor to sign-in and refuses an unknown key', async () => {
    await s.page.goto('/accounts');
    const signIn = new SignInPage(s.page);
    await signIn.heading.waitFor();
    expect(new URL(s.page.url()).pathname).toBe('/sign-in');
    await screenshot(s.page, 'sign-in');
    await signIn.signIn('not-a-real-key-000000000000');
    await signIn.fieldError().waitFor();
    expect(await signIn.fieldError().innerText()).toContain('does not know this key');
  });

  it('signs in with the admin key and keeps it for the tab only', async () => {
    const signIn = new SignInPage(s.page);
    await signIn.signInAndWait(inject('adminKey'));
    expect(new URL(s.page.url()).pathname).toBe('/accounts');
    expect(await shell.roleBadge()).toBe('Admin');
    const stored = await s.page.evaluate(() => ({
      session: window.sessionStorage.getItem('credits.apiKey'),
      local: window.localStorage.length,
    }));
    expect(stored.session).toBe(inject('adminKey'));
    expect(stored.local).toBe(0);
  });

  it('creates an account', async () => {
    const accounts = new AccountsPage(s.page);
    accountId = await accounts.createAccount(accountName, 'ops@acme.example');
    expect(accountId).not.toBe('');
    expect(await new AccountPage(s.page).balance()).toBe(0);
  });

  it('previews the grant live, then issues the license (P1, P2)', async () => {
    const account = new AccountPage(s.page);
    // 25% off an Owned license: no credits (P2) — shown before saving.
    await account.fillLicense({
      edition: 'OWNED',
      domain: 'shop.acme.example',
      orderDate: today,
      listPrice: '1200',
      paidPrice: '900',
    });
    expect(await account.previewCredits()).toBe('0 credits');
    expect(await account.grantPreview().innerText()).toContain('25.00%');
    // Exactly... 16.67% off: the full 200 credits.
    await account.issueLicenseDialog.getByLabel('Paid price ($)').fill('1000');
    await s.page.waitForFunction(
      () => document.querySelector('[data-testid="grant-credits"]')?.textContent === '200 credits',
    );
    expect(await account.grantPreview().innerText()).toContain('16.67%');
    await screenshot(s.page, 'issue-license');
    await account.submitLicense();
    await account.waitForBalance(200);
    expect(await account.licenses().count()).toBe(1);
    expect(await account.licenses().first().innerText()).toContain('200 credits granted');
    expect(await account.lots().count()).toBe(1);
    expect(await account.lots().first().innerText()).toMatch(/expires in 36[45] days/);
  });

  it('opens a ticket after reading its quote (P8)', async () => {
    const account = new AccountPage(s.page);
    await account.fillTicket(
      'shop.acme.example',
      'ROOT_CAUSE_ANALYSIS',
      'Checkout crashes on coupon',
    );
    const quote = await account.quote().innerText();
    expect(quote).toContain('20–60 credits');
    expect(quote).toContain('covers the top of the range');
    await screenshot(s.page, 'open-ticket');
    ticketId = await account.submitTicket();
    const ticket = new TicketPage(s.page);
    await ticket.waitForStatus('Open');
    expect(await ticket.priceRange()).toBe('20–60 credits');
  });

  it('bounds the cost by the range, then charges and shows the statement (P10, P12, P18)', async () => {
    const ticket = new TicketPage(s.page);
    await ticket.setCost(61);
    expect(await ticket.costError().innerText()).toContain('between 20 and 60');
    await ticket.setCost(45);
    await ticket.charge();
    await ticket.waitForStatus('Charged');
    expect(await ticket.chargedCredits()).toBe(45);
    expect(await ticket.balanceAfter()).toBe(155);
    const lots = await ticket.lotsDrawnFrom();
    expect(lots).toHaveLength(1);
    expect(lots[0]).toContain('License grant');
    expect(lots[0]).toContain('45');
    expect(await ticket.history()).toEqual(expect.arrayContaining(['Open', 'Charged']));
    await screenshot(s.page, 'ticket-charged');
  });

  it('shows the charge in the ledger and the balance on the account', async () => {
    const account = new AccountPage(s.page);
    await account.goto(accountId);
    await account.waitForBalance(155);
    const kinds = await account.ledgerKinds();
    expect(kinds[0]).toBe('CHARGE');
    expect(kinds).toContain('GRANT');
    expect(await account.lots().first().innerText()).toContain('155');
    await screenshot(s.page, 'account');
  });

  it('refunds a vendor bug in full (P15, P16)', async () => {
    const account = new AccountPage(s.page);
    await account.ticketLink('Checkout crashes on coupon').click();
    const ticket = new TicketPage(s.page);
    await ticket.waitForStatus('Charged');
    await ticket.refund('Coupon module bug, fixed in 4.2.1');
    const statement = await ticket.refundStatement().innerText();
    expect(statement).toContain('45');
    expect(statement).toContain('Coupon module bug');
    expect(await ticket.history()).toEqual(expect.arrayContaining(['Open', 'Charged', 'Refunded']));
    await screenshot(s.page, 'ticket-refunded');
    await account.goto(accountId);
    await account.waitForBalance(200);
    expect((await account.ledgerKinds())[0]).toBe('REFUND');
  });

  it('refuses a charge above the balance with the shortfall and a way to buy credits (P13)', async () => {
    const account = new AccountPage(s.page);
    // Spend the 200 granted credits, then try one more ticket.
    await account.fillTicket(
      'shop.acme.example',
      'ROOT_CAUSE_DEBUGGING',
      'Deep debugging of payments',
    );
    await account.submitTicket();
    const ticket = new TicketPage(s.page);
    await ticket.setCost(200);
    await ticket.charge();
    await ticket.waitForStatus('Charged');
    expect(await ticket.balanceAfter()).toBe(0);

    await account.goto(accountId);
    await account.fillTicket('shop.acme.example', 'SETUP', 'Tax module setup');
    expect(await account.quote().innerText()).toContain('does not cover');
    const setupTicket = await account.submitTicket();
    await ticket.setCost(30);
    await ticket.charge();
    const notice = ticket.errorNotice();
    await notice.waitFor();
    expect(await notice.getAttribute('data-error-code')).toBe('INSUFFICIENT_CREDITS');
    const text = await notice.innerText();
    expect(text).toContain('balance is 0 credits');
    expect(text).toContain('30 credits short');
    expect(await ticket.status()).toBe('Open');
    await screenshot(s.page, 'insufficient-credits');

    // The notice's action opens the purchase dialog with the shortfall filled in.
    await notice.getByRole('link', { name: 'Purchase credits' }).click();
    await account.purchaseDialog.waitFor();
    expect(await account.purchaseDialog.getByLabel('Credits').inputValue()).toBe('30');
    await account.purchaseCredits(null, 'INV-2025-0042');
    // ...and brings the user back to the ticket that was short.
    await s.page.waitForURL((u) => u.pathname === `/tickets/${setupTicket}`);
    await ticket.waitForStatus('Open');
    await ticket.setCost(30);
    await ticket.charge();
    await ticket.waitForStatus('Charged');
    expect(await ticket.balanceAfter()).toBe(0);
  });

  it('filters charges with the filter in the URL, shows totals and charts', async () => {
    const charges = new ChargesPage(s.page);
    await shell.goTo('Charges');
    await charges.waitForResults();
    // Other files' charges are in the same database: unfiltered, ours are among them.
    expect((await charges.totals()).charges).toBeGreaterThanOrEqual(3);
    await charges.setAccount(accountId, accountName);
    await charges.waitForTotalCharges(3);
    expect(await charges.totals()).toEqual({ charges: 3, credits: 275 });
    await charges.toggleCategory('Root-cause analysis');
    await s.page.waitForURL((u) => u.searchParams.get('category') === 'ROOT_CAUSE_ANALYSIS');
    await charges.waitForTotalCharges(1);
    expect(await charges.totals()).toEqual({ charges: 1, credits: 45 });
    await charges.toggleCategory('Root-cause analysis');
    await charges.setRefunded('Not refunded');
    await s.page.waitForURL(
      (u) => u.searchParams.get('refunded') === 'false' && !u.searchParams.has('category'),
    );
    await charges.waitForTotalCharges(2);
    expect(await charges.totals()).toEqual({ charges: 2, credits: 230 });

    // A deep link reproduces the same view.
    const url = new URL(s.page.url());
    await charges.goto(url.search.slice(1));
    await charges.waitForTotalCharges(2);
    expect(await charges.tableRows().count()).toBe(2);

    await charges.goto(`account=${encodeURIComponent(accountId)}`);
    await charges.waitForTotalCharges(3);
    await charges.charts().first().waitFor();
    expect(await charges.charts().count()).toBe(2);
    await s.page.locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(s.page, 'charges');
  });

  it('downloads the filtered charges as CSV, fields quoted', async () => {
    const charges = new ChargesPage(s.page);
    await charges.goto(`account=${encodeURIComponent(accountId)}&refunded=true`);
    await charges.waitForTotalCharges(1);
    const { fileName, text } = await charges.downloadCsv();
    expect(fileName).toMatch(/^charges_.*\.csv$/);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'charge_id,charged_at,account_id,account_name,ticket_id,ticket_subject,category,level,license_domain,edition,hosting_plan,credits,included,balance_after,refunded,refunded_at,refunded_credits,refund_reason',
    );
    expect(lines[1]).toContain(
      `,${accountId},"Acme Robotics, Ltd.",${ticketId},Checkout crashes on coupon,ROOT_CAUSE_ANALYSIS,LEVEL_2,`,
    );
    expect(lines[1]).toContain(',OWNED,,45,false,155,true,');
    expect(lines[1]).toMatch(/,"?Coupon module bug, fixed in 4\.2\.1"?$/);

    const all = await (async () => {
      await charges.goto('');
      return charges.downloadCsv();
    })();
    const allLines = all.text.trimEnd().split('\r\n');
    expect(allLines[0]).toBe(lines[0]);
    expect(allLines.filter((l) => l.includes(`,${accountId},`))).toHaveLength(3);
  });

  it('shows the pricing the server states', async () => {
    const pricing = new PricingPage(s.page);
    await shell.goTo('Pricing');
    expect(await pricing.price('Root-cause analysis', 'Owned')).toBe('20–60');
    expect(await pricing.price('General', 'Leased')).toBe('Included');
    expect(await pricing.grantCredits('SaaS · Standard')).toBe('200');
    await screenshot(s.page, 'pricing');
  });

  it('lists the account with its balance and licenses; search narrows it', async () => {
    const accounts = new AccountsPage(s.page);
    await accounts.goto();
    await accounts.createAccount('Globex Corporation', 'it@globex.example');
    await accounts.goto();
    expect(await accounts.names()).toEqual(
      expect.arrayContaining([accountName, 'Globex Corporation']),
    );
    const row = await accounts.row(accountName).innerText();
    expect(row).toContain('Owned');
    await screenshot(s.page, 'accounts');
    await accounts.search('Acme');
    // Other files' accounts share the database: every row left matches, ours among them.
    await s.page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('table[aria-label="Accounts"] tbody tr')];
      return rows.length > 0 && rows.every((r) => r.textContent?.includes('Acme'));
    });
    const found = await accounts.names();
    expect(found).toContain(accountName);
    expect(found.filter((n) => !n.includes('Acme'))).toEqual([]);
  });

  it('stays readable in a narrow window', async () => {
    const account = new AccountPage(s.page);
    await s.page.setViewportSize({ width: 420, height: 800 });
    await account.goto(accountId);
    await account.waitForBalance(0);
    expect(await shell.hasHorizontalOverflow()).toBe(false);
    // Kept beside the gateway log for a look; docs/ keeps the 1280x800 set.
    await s.page.screenshot({ path: path.join(resultsDir, 'account-narrow.png'), fullPage: true });
    await new ChargesPage(s.page).goto(`account=${encodeURIComponent(accountId)}`);
    expect(await shell.hasHorizontalOverflow()).toBe(false);
    await s.page.screenshot({ path: path.join(resultsDir, 'charges-narrow.png'), fullPage: true });
    await s.page.setViewportSize(VIEWPORT);
  });

  it('signs out and forgets the key', async () => {
    await shell.signOut();
    expect(await s.page.evaluate(() => window.sessionStorage.getItem('credits.apiKey'))).toBeNull();
    await s.page.goto(`/accounts/${accountId}`);
    await new SignInPage(s.page).heading.waitFor();
  });
});
