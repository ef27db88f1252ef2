import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './support/browser';
import { createAccount, issueLicense } from './support/api';
import { AccountsPage, AppShell, ExplorerPage, KeysPage, SignInPage } from './pages';

/** An admin onboards a reseller from the dashboard; the reseller explores the API with its key. */
describe('partner onboarding', () => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const keyName = `Reseller Nord ${suffix}`;
  const ownName = `Nord Shop ${suffix}`;
  const otherName = `Elsewhere Ltd ${suffix}`;
  let otherAccount = '';
  let admin: Session;
  let partner: Session;
  let secret = '';

  beforeAll(async () => {
    const own = await createAccount(ownName, `nord-${suffix}@example.com`);
    otherAccount = await createAccount(otherName, `else-${suffix}@example.com`);
    await issueLicense(own, 'OWNED', `nord-${suffix}.example`);
    admin = await openBrowser(inject('baseUrl'));
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: inject('baseUrl'),
    });
    await new SignInPage(admin.page).goto();
    await new SignInPage(admin.page).signInAndWait(inject('adminKey'));
  });
  afterAll(async () => {
    await admin?.close();
    await partner?.close();
  });

  it('an admin creates a partner key on the keys page and copies its secret', async () => {
    await new AppShell(admin.page).goTo('API keys');
    const keys = new KeysPage(admin.page);
    await keys.createPartnerKey(keyName, [ownName]);
    secret = await keys.secretField.inputValue();
    expect(secret).toMatch(/^cgk_[A-Za-z0-9_-]{43}$/);
    await keys.copySecret();
    expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshot(admin.page, 'api-key-created');
    await keys.closeSecret();
    const row = keys.row(keyName);
    expect(await row.innerText()).toContain(ownName);
    expect(await row.innerText()).toContain('Never');
    // The secret is gone from the page once the dialog closes.
    expect(await admin.page.getByText(secret).count()).toBe(0);
  });

  it('the key signs in in a fresh browser and sees only its accounts', async () => {
    partner = await openBrowser(inject('baseUrl'));
    await new SignInPage(partner.page).goto();
    await new SignInPage(partner.page).signInAndWait(secret);
    expect(await new AppShell(partner.page).roleBadge()).toBe('Partner');
    const accounts = new AccountsPage(partner.page);
    await accounts.goto();
    const names = await accounts.names();
    expect(names).toEqual([ownName]);
    // Partners get no keys page.
    expect(await new AppShell(partner.page).nav('API keys').count()).toBe(0);

    const keys = new KeysPage(admin.page);
    await keys.goto();
    expect(await keys.row(keyName).innerText()).not.toContain('Never');
    await screenshot(admin.page, 'api-keys');
  });

  it('the explorer runs a query with the signed-in key and shows the result', async () => {
    const explorer = new ExplorerPage(partner.page);
    await explorer.openFromEndpoint(
      '{ me { role keyName } accounts(first: 5) { nodes { name } } }',
    );
    const text = await explorer.run(/"role":\s+"PARTNER"/);
    expect(text).toContain(`"keyName": "${keyName}"`);
    expect(text).toContain(ownName);
    expect(text).not.toContain(otherName);
    await screenshot(partner.page, 'explorer');
  });

  it("another partner's account answers as missing in the explorer", async () => {
    const explorer = new ExplorerPage(partner.page);
    await explorer.openFromEndpoint(`{ account(id: "${otherAccount}") { id name } }`);
    const text = await explorer.run(/"account":\s+null/);
    expect(text).not.toContain(otherName);
    expect(text).not.toContain('"errors"');
  });

  it("revoking the key on the keys page signs the partner's session out on its next request", async () => {
    await new KeysPage(admin.page).revoke(keyName);
    await new AppShell(partner.page).nav('Accounts').click();
    const signIn = new SignInPage(partner.page);
    await signIn.heading.waitFor();
    await signIn.sessionEndedNotice().waitFor();
    expect(
      await partner.page.evaluate(() => window.sessionStorage.getItem('credits.apiKey')),
    ).toBeNull();
  });
});
