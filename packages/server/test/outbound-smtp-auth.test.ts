import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/jobs/runner';
import { CHARGE, createAccount, issueLicense, openTicket, purchase } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { freePort, startTestWorker, waitFor } from './support/outbound';

// Issue 19, findings 6 and 10 (SMTP): a real smtp-server that offers AUTH but
// no STARTTLS, and would take a password in clear text. The gateway must not
// send it unless the URL says so; bad credentials (535) are retried, not final.

let g: TestGateway;
let worker: JobRunner | null = null;
let server: SMTPServer;
let port: number;
const logins: { user: string; pass: string }[] = [];
const received: string[] = [];
let acceptLogins = true;

beforeAll(async () => {
  g = await startGateway();
  port = await freePort();
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true, // as a careless relay does
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', pass: auth.password ?? '' });
      if (!acceptLogins)
        return callback(
          Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }),
        );
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((m) => {
          received.push(m.messageId ?? '');
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
  logins.length = 0;
  acceptLogins = true;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await g.close();
});

async function chargeOnce(): Promise<string> {
  const accountId = await createAccount(g);
  const license = await issueLicense(g, accountId, { edition: 'OWNED' });
  await purchase(g, accountId, 100);
  const ticketId = await openTicket(g, license.id);
  await g.ok(CHARGE, { i: { ticketId, credits: 20 } });
  return accountId;
}

const statement = async (accountId: string) =>
  (
    await g.ds.query<{ status: string; attempts: number; last_error: string | null }[]>(
      `SELECT status, attempts, last_error FROM outbox WHERE account_id = $1`,
      [accountId],
    )
  )[0];

describe('SMTP credentials', () => {
  it('an authenticated smtp:// URL requires STARTTLS: no password goes out in clear text', async () => {
    worker = await startTestWorker(g, {
      mail: { smtpUrl: `smtp://mailer:s3cret@127.0.0.1:${port}` },
    });
    const accountId = await chargeOnce();
    const s = await waitFor(async () => {
      const row = await statement(accountId);
      return row && row.attempts >= 2 ? row : undefined;
    }, 'retried attempts');
    expect(s.status).toBe('RETRYING');
    expect(s.last_error).toMatch(/STARTTLS/i);
    expect(logins).toEqual([]);
  });

  it('?tls=off says otherwise explicitly (a local relay): the message goes through', async () => {
    worker = await startTestWorker(g, {
      mail: { smtpUrl: `smtp://mailer:s3cret@127.0.0.1:${port}?tls=off` },
    });
    const accountId = await chargeOnce();
    await waitFor(
      async () => (await statement(accountId))?.status === 'SENT',
      'the statement SENT',
    );
    expect(logins[0]).toEqual({ user: 'mailer', pass: 's3cret' });
  });

  it('535 bad credentials is retried with backoff, and goes out once the setting is fixed', async () => {
    acceptLogins = false;
    worker = await startTestWorker(g, {
      mail: { smtpUrl: `smtp://mailer:wrong@127.0.0.1:${port}?tls=off` },
    });
    const accountId = await chargeOnce();
    const s = await waitFor(async () => {
      const row = await statement(accountId);
      return row && row.attempts >= 2 ? row : undefined;
    }, 'retried attempts');
    expect(s.status).toBe('RETRYING');
    expect(s.last_error).toMatch(/535/);
    // The Operations page shows it as the gateway's own fault.
    const shown = await g.ok<{
      mailDelivery: { retryingStatements: number; configurationFault: string | null };
    }>('{ mailDelivery { retryingStatements configurationFault faultSince } }');
    expect(shown.mailDelivery.retryingStatements).toBeGreaterThan(0);
    expect(shown.mailDelivery.configurationFault).toMatch(/535/);
    acceptLogins = true; // the operator fixes the credentials
    await waitFor(
      async () => (await statement(accountId))?.status === 'SENT',
      'the statement SENT',
    );
  });
});
