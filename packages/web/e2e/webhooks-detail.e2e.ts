import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, type Session } from './support/browser';
import { SignInPage, WebhooksPage } from './pages';

/**
 * The Webhooks page's test event and attempt detail, against the built
 * gateway and its worker: an endpoint pointing at a receiver in this process
 * that verifies the signature and answers with a body and headers of its own.
 */
describe('webhooks: test event and attempt detail', () => {
  let s: Session;
  let secret = '';
  const received: { type: string; verified: boolean }[] = [];
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
      received.push({ type: (JSON.parse(body) as { type: string }).type, verified });
      res
        .writeHead(verified ? 202 : 401, {
          'content-type': 'application/json',
          'x-request-id': 'rcv-e2e-1',
        })
        .end(JSON.stringify({ accepted: verified }));
    });
  });
  let hookUrl = '';

  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/detail-hooks`;
    s = await openBrowser(inject('baseUrl'));
    await new SignInPage(s.page).goto();
    await new SignInPage(s.page).signInAndWait(inject('adminKey'));
  });
  afterAll(async () => {
    await s?.close();
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  });

  it('copies the secret, sends a test event and shows the attempt: request headers, status, body', async () => {
    const page = new WebhooksPage(s.page);
    await page.goto();
    secret = await page.create(hookUrl, ['charge.created'], 'detail receiver');
    const banner = s.page.getByRole('status', { name: 'Signing secret' });
    await banner.getByRole('button', { name: 'Copy signing secret' }).click();
    // Headless Chromium may refuse the clipboard: then the secret is selected instead.
    await expect
      .poll(async () => banner.getByText(/Copied to the clipboard|press Ctrl\+C/).count())
      .toBe(1);
    await page.dismissSecret();

    const status = await page.sendTest(hookUrl);
    await page.waitForDelivery(hookUrl, 'delivered');
    expect(received).toEqual([{ type: 'webhook.test', verified: true }]);
    await expect.poll(() => status.innerText()).toContain('delivered');

    const { request, response } = page.attempt(hookUrl, 1);
    await response.waitFor();
    const req = await request.innerText();
    expect(req).toContain(`POST ${hookUrl}`);
    expect(req).toContain('webhook-signature');
    expect(req).toContain('webhook-id');
    const res = await response.innerText();
    expect(res).toMatch(/Status\s*202/);
    expect(res).toContain('rcv-e2e-1');
    expect(await response.getByLabel('Response body excerpt').innerText()).toBe(
      '{"accepted":true}',
    );
    await response.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'webhooks-attempt-detail');
  });
});
