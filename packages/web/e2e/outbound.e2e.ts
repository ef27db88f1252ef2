import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './support/browser';
import { createAccount, createKey, gql, issueLicense, openTicket } from './support/api';
import { waitFor } from './support/poll';
import { AccountPage, MailboxPage, SignInPage, WebhooksPage } from './pages';

/**
 * Outbound in the browser, against the built gateway with its in-process job
 * worker: a statement's delivery status and resend, the local mailbox, and
 * the webhooks page with a real receiver in this process.
 */
describe('outbound: statements, mailbox, webhooks', () => {
  let s: Session;
  const suffix = Math.random().toString(36).slice(2, 7);
  const email = `outbound-${suffix}@example.com`;
  const subject = `Checkout broken ${suffix}`;
  let accountId = '';

  // A partner-side receiver that verifies every request with a Standard Webhooks library.
  let secret = '';
  const received: { id: string; type: string; verified: boolean }[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      let verified = true;
      try {
        new Webhook(secret).verify(body, req.headers as Record<string, string>);
      } catch {
        verified = false;
      }
      const p = JSON.parse(body) as { type: string };
      received.push({ id: String(req.headers['webhook-id']), type: p.type, verified });
      res.writeHead(verified ? 200 : 401).end();
    });
  });
  let hookUrl = '';

  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    accountId = await createAccount(`Outbound Shop ${suffix}`, email);
    const license = await issueLicense(accountId, 'OWNED', `outbound-${suffix}.example`);
    const ticketId = await openTicket(license, 'ROOT_CAUSE_ANALYSIS', subject);
    await gql('mutation($i: ChargeTicketInput!) { chargeTicket(input: $i) { id } }', {
      i: { ticketId, credits: 25 },
    });
    s = await openBrowser(inject('baseUrl'));
    await new SignInPage(s.page).goto();
    await new SignInPage(s.page).signInAndWait(inject('adminKey'));
  });
  afterAll(async () => {
    await s?.close();
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  });

  async function statementStatus(): Promise<string> {
    return (await s.page.getByTestId('statement-delivery').first().innerText()).trim();
  }

  async function waitForStatementSent(account: AccountPage) {
    await waitFor(
      async () => {
        await account.goto(accountId);
        return (await statementStatus()) === 'Sent';
      },
      'the statement to be sent',
      10_000,
    );
  }

  it("shows each statement's delivery status, and staff can resend it", async () => {
    const account = new AccountPage(s.page);
    await waitForStatementSent(account);
    await screenshot(s.page, 'account-statement-sent');
    await s.page.getByTestId('statement').first().getByRole('button', { name: 'Resend' }).click();
    await s.page.getByText('Statement queued to be sent again').waitFor();
    await waitForStatementSent(account);
  });

  it('shows the e-mail the customer got in the local mailbox', async () => {
    const mailbox = new MailboxPage(s.page);
    await mailbox.goto();
    const text = await mailbox.open(subject);
    expect(text).toContain('Credits charged: 25');
    expect(text).toContain('Balance left:');
    expect(text).toContain('Credits expiring within 30 days');
    expect(await mailbox.message(subject).first().innerText()).toContain(email);
    await screenshot(s.page, 'mailbox');
  });

  it('registers an endpoint (secret shown once), receives signed events, replays, rotates, disables', async () => {
    const page = new WebhooksPage(s.page);
    await page.goto();
    secret = await page.create(hookUrl, ['credits.purchased'], 'e2e receiver');
    expect(secret).toMatch(/^whsec_/);
    await page.dismissSecret();
    expect(await s.page.getByTestId('webhook-secret').count()).toBe(0);

    await gql('mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }', {
      i: { accountId, credits: 10, paymentReference: `e2e-${suffix}` },
    });
    await page.waitForDelivery(hookUrl, 'delivered');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ type: 'credits.purchased', verified: true });
    await screenshot(s.page, 'webhooks');

    await page.click(hookUrl, 'Replay');
    await s.page.getByText('Delivery queued again').waitFor();
    await waitFor(() => received.length >= 2, 'the replayed delivery', 8_000, 100);
    expect(received.map((r) => r.id)).toEqual([received[0]!.id, received[0]!.id]);

    await page.click(hookUrl, 'Rotate secret');
    const rotated = await page.shownSecret();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.dismissSecret();

    await page.click(hookUrl, 'Disable');
    await page.endpoint(hookUrl).getByText('Disabled', { exact: true }).waitFor();
  });

  it("a partner sees its own endpoints only, not the admin's", async () => {
    const partner = await createKey(`Hooks partner ${suffix}`, 'PARTNER', [accountId]);
    const partnerUrl = `${hookUrl}/partner`;
    await gql(
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }',
      { i: { url: partnerUrl, eventTypes: ['charge.created'] } },
      partner.secret,
    );
    const ps = await openBrowser(inject('baseUrl'));
    try {
      await new SignInPage(ps.page).goto();
      await new SignInPage(ps.page).signInAndWait(partner.secret);
      const page = new WebhooksPage(ps.page);
      await page.goto();
      await page.endpoint(partnerUrl).waitFor();
      expect(await page.endpointUrls()).toEqual([partnerUrl]);
    } finally {
      await ps.close();
    }
  });
});
