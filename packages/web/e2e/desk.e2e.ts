import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './support/browser';
import { createAccount, createKey, issueLicense } from './support/api';
import { AccountPage, AuditPage, SignInPage, TicketsPage } from './pages';

/**
 * Issue 15's day at the desk: a partner opens a ticket; a specialist finds it
 * in the queue under "open", charges it from there and it leaves that tab;
 * the audit trail shows both actions with the keys' names.
 */
describe('the support desk', () => {
  const suffix = Math.random().toString(36).slice(2, 7);
  const accountName = `Desk Shop ${suffix}`;
  const domain = `desk-${suffix}.example`;
  const subject = `Checkout hangs ${suffix}`;
  const partnerName = `Partner Desk ${suffix}`;
  const specialistName = `Specialist Desk ${suffix}`;
  let accountId = '';
  let partner: Session;
  let specialist: Session;
  let partnerSecret = '';
  let specialistSecret = '';

  beforeAll(async () => {
    accountId = await createAccount(accountName, `desk-${suffix}@example.com`);
    await issueLicense(accountId, 'OWNED', domain);
    partnerSecret = (await createKey(partnerName, 'PARTNER', [accountId])).secret;
    specialistSecret = (await createKey(specialistName, 'SPECIALIST')).secret;
    partner = await openBrowser(inject('baseUrl'));
    specialist = await openBrowser(inject('baseUrl'));
    for (const [s, secret] of [
      [partner, partnerSecret],
      [specialist, specialistSecret],
    ] as const) {
      await new SignInPage(s.page).goto();
      await new SignInPage(s.page).signInAndWait(secret);
    }
  });
  afterAll(async () => {
    await partner?.close();
    await specialist?.close();
  });

  it('a partner opens a ticket from the account page', async () => {
    const account = new AccountPage(partner.page);
    await account.goto(accountId);
    await account.fillTicket(domain, 'ROOT_CAUSE_ANALYSIS', subject);
    await account.submitTicket();
  });

  it('a specialist finds it under "open" and charges it from the queue; it leaves the open tab', async () => {
    const queue = new TicketsPage(specialist.page);
    await queue.goto();
    expect(await queue.currentTab().innerText()).toMatch(/^Open/);
    const row = queue.row(subject);
    await row.waitFor();
    expect(await row.innerText()).toContain(partnerName);
    expect(await row.innerText()).toContain(accountName);
    await screenshot(specialist.page, 'ticket-queue');
    await queue.charge(subject, 30);
    await row.waitFor({ state: 'detached' });
    await queue.tab(/^Charged/).click();
    await queue.row(subject).waitFor();
    expect(await queue.row(subject).innerText()).toContain('30');
  });

  it('the audit trail shows both actions with their key names', async () => {
    const audit = new AuditPage(specialist.page);
    await audit.goto(`account=${encodeURIComponent(accountId)}`);
    const charge = audit.rows('chargeTicket').first();
    const open = audit.rows('openTicket').first();
    await charge.waitFor();
    expect(await charge.innerText()).toContain(specialistName);
    expect(await charge.innerText()).toContain('Support specialist');
    expect(await open.innerText()).toContain(partnerName);
    expect(await open.innerText()).toContain('Partner');
    await screenshot(specialist.page, 'audit-trail');
  });
});
