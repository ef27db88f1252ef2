import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { retireJobSql } from '../src/db/read-rules';
import type { JobRunner } from '../src/jobs/runner';
import { statementJobKey } from '../src/jobs/tasks/statement-mail';
import {
  CHARGE,
  REFUND,
  createAccount,
  issueLicense,
  monthsAgo,
  openTicket,
  purchase,
} from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { SmtpSink, startTestWorker, waitFor } from './support/outbound';

// P18 statements leave by e-mail: a real SMTP server in this process, a real
// job worker over the test database.

let g: TestGateway;
let smtp: SmtpSink;
let worker: JobRunner | null = null;

beforeAll(async () => {
  g = await startGateway();
  smtp = await SmtpSink.start();
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
  smtp.mode = 'accept';
});
afterAll(async () => {
  await smtp.down();
  await g.close();
});

// Statements only: receipts for the grant and the purchase go to the same address.
const statementsTo = (email: string) =>
  smtp.to(email).filter((m) => m.subject?.startsWith('Statement'));

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const humanDay = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso));

async function accountWithTicket() {
  const accountId = await createAccount(g);
  // Ordered 12 months ago less 10 days: the grant expires within 30 days.
  const orderDate = new Date(monthsAgo(12).getTime() + 10 * 86_400_000);
  const license = await issueLicense(g, accountId, { edition: 'OWNED', orderDate });
  await purchase(g, accountId, 100);
  const ticketId = await openTicket(g, license.id);
  const { account } = await g.ok<{ account: { email: string } }>(
    'query($id: ID!) { account(id: $id) { email } }',
    { id: accountId },
  );
  return { accountId, email: account.email, ticketId, license };
}

interface StatementView {
  id: string;
  kind: string;
  delivery: {
    status: string;
    attempts: number;
    nextAttemptAt: string | null;
    lastError: string | null;
  };
}

async function statements(accountId: string): Promise<StatementView[]> {
  const d = await g.ok<{ account: { statements: { nodes: StatementView[] } } }>(
    `query($id: ID!) { account(id: $id) { statements(first: 50) { nodes {
       id kind delivery { status attempts nextAttemptAt lastError } } } } }`,
    { id: accountId },
  );
  return d.account.statements.nodes;
}

async function pendingJobs(statementId: string): Promise<number> {
  const rows = await g.ds.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = $1`,
    [statementJobKey(statementId)],
  );
  return rows[0].n;
}

describe('statement e-mails (P18)', () => {
  it('a charge and a refund each send exactly one message with the figures', async () => {
    const { accountId, email, ticketId, license } = await accountWithTicket();
    worker = await startTestWorker(g, { mail: { smtpUrl: smtp.url } });
    const charge = await g.ok(CHARGE, {
      i: { ticketId, credits: 30 },
    });
    const [mail] = await waitFor(() => {
      const m = statementsTo(email);
      return m.length ? m : undefined;
    }, 'the charge statement');
    expect(mail!.subject).toContain('30 credits charged');
    expect(mail!.text).toContain('Credits charged: 30');
    expect(mail!.text).toContain(`Balance left: ${charge.chargeTicket.balanceAfter}`);
    // A short ticket number, no UUID anywhere in what the customer reads.
    expect(mail!.text).toContain(`T-${ticketId.replace(/-/g, '').slice(-8).toUpperCase()}`);
    expect(mail!.text).not.toMatch(UUID);
    expect(mail!.html).not.toMatch(UUID);
    // The grant lot expires within 30 days: amount and date ("1 Jan 2027") are listed.
    const expiresOn = humanDay(license.creditLot!.expiresAt!);
    expect(mail!.text).toMatch(new RegExp(`\\d+ credits? expire on ${expiresOn}`));
    expect(mail!.html).toContain('Balance left');
    expect(mail!.html).toContain(expiresOn);

    const refund = await g.ok(REFUND, {
      i: { ticketId, reason: 'vendor bug' },
    });
    await waitFor(() => statementsTo(email).length === 2, 'the refund statement');
    const refundMail = statementsTo(email)[1]!;
    expect(refundMail.text).toContain(`Credits refunded: ${refund.refundTicket.credits}`);
    expect(refundMail.text).toContain(`Balance left: ${refund.refundTicket.balanceAfter}`);

    const views = await waitFor(async () => {
      const s = await statements(accountId);
      return s.every((x) => x.delivery.status === 'SENT') ? s : undefined;
    }, 'both statements SENT');
    expect(views.map((s) => s.delivery.attempts)).toEqual([1, 1]);

    // A redelivered job (same statement) sends nothing to a healthy server.
    const id = views[0]!.id;
    await g.ds.query(
      `SELECT graphile_worker.add_job('statement_mail', json_build_object('statementId', $1::text), job_key := $2)`,
      [id, `statement:${id}`],
    );
    await waitFor(async () => (await pendingJobs(id)) === 0, 'the redelivered job to finish');
    expect(statementsTo(email)).toHaveLength(2);
  });

  it('SMTP down, then back: delivered once, after retries', async () => {
    const { accountId, email, ticketId } = await accountWithTicket();
    await smtp.down();
    worker = await startTestWorker(g, { mail: { smtpUrl: smtp.url } });
    await g.ok(CHARGE, { i: { ticketId, credits: 20 } });
    const retrying = await waitFor(async () => {
      const [s] = await statements(accountId);
      // attempts counts a claim as it starts: the last one seen may still be in
      // flight, and succeed once SMTP is up, so wait for a third.
      return s && s.delivery.status === 'RETRYING' && s.delivery.attempts >= 3 ? s : undefined;
    }, 'retries while SMTP is down');
    expect(retrying.delivery.nextAttemptAt).not.toBeNull();
    expect(retrying.delivery.lastError).toBeTruthy();
    await smtp.up();
    const sent = await waitFor(async () => {
      const [s] = await statements(accountId);
      return s?.delivery.status === 'SENT' ? s : undefined;
    }, 'delivery after SMTP is back');
    expect(sent.delivery.attempts).toBeGreaterThan(2);
    await waitFor(async () => (await pendingJobs(sent.id)) === 0, 'no job left');
    expect(statementsTo(email)).toHaveLength(1);
  });

  it('a 5xx answer marks the statement failed with the reason, and nothing is resent', async () => {
    const { accountId, email, ticketId } = await accountWithTicket();
    smtp.mode = 'reject-permanent';
    worker = await startTestWorker(g, { mail: { smtpUrl: smtp.url } });
    await g.ok(CHARGE, { i: { ticketId, credits: 20 } });
    const failed = await waitFor(async () => {
      const [s] = await statements(accountId);
      return s?.delivery.status === 'FAILED' ? s : undefined;
    }, 'the statement FAILED');
    expect(failed.delivery.attempts).toBe(1);
    expect(failed.delivery.lastError).toMatch(/550/);
    expect(await pendingJobs(failed.id)).toBe(0);
    smtp.mode = 'accept';
    expect(statementsTo(email)).toHaveLength(0);
    expect((await statements(accountId))[0]!.delivery.attempts).toBe(1);
  });

  it("a sent row's job is retired without a NOTIFY, whose commit lock every charge's commit takes too", async () => {
    const { accountId, ticketId } = await accountWithTicket();
    await g.ok(CHARGE, { i: { ticketId, credits: 20 } }); // no worker: its statement's job waits
    const [s] = await statements(accountId);
    const listener = new Client({ connectionString: g.databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    try {
      await listener.query('LISTEN "jobs:insert"');
      await g.ds.query(`SELECT ${retireJobSql('$1::text')}`, [statementJobKey(s!.id)]);
      // The listener has any notification of that commit before this answer.
      await listener.query('SELECT 1');
      expect(await pendingJobs(s!.id)).toBe(0);
      expect(heard).toEqual([]);
      // The listener does hear one: graphile-worker's remove_job notifies.
      await g.ds.query(`SELECT graphile_worker.add_job('statement_mail', '{}', job_key := 'x')`);
      await g.ds.query(`SELECT graphile_worker.remove_job('x')`);
      await listener.query('SELECT 1');
      expect(heard).toEqual(['jobs:insert', 'jobs:insert']);
    } finally {
      await listener.end();
      // Its row, left waiting with no job, would go out in a later test's run.
      await g.ds.query(`UPDATE outbox SET status = 'FAILED' WHERE id = $1`, [s!.id]);
    }
  });

  it('a backlog goes out in runs over two workers: each message once; a refusal ends a run and is retried', async () => {
    const { accountId, email, license } = await accountWithTicket();
    const n = 30;
    await purchase(g, accountId, 20 * n);
    const tickets = [];
    for (let i = 0; i < n; i++) tickets.push(await openTicket(g, license.id));
    for (const ticketId of tickets) await g.ok(CHARGE, { i: { ticketId, credits: 20 } });
    // Two of its statements refused: a notice (the account's grant expires
    // soon) or an earlier test's message must not take them.
    smtp.refuseNext = 2;
    smtp.refuseOnly = (m) =>
      !!m.subject?.startsWith('Statement:') &&
      (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) =>
        a.value.some((v) => v.address === email),
      );
    const [a, b] = await Promise.all(
      [1, 2].map(() => startTestWorker(g, { concurrency: 2, mail: { smtpUrl: smtp.url } })),
    );
    try {
      const views = await waitFor(async () => {
        const s = (await statements(accountId)).filter((x) => x.kind === 'CHARGE');
        return s.length === n && s.every((x) => x.delivery.status === 'SENT') ? s : undefined;
      }, 'every statement SENT');
      for (const x of views)
        await waitFor(async () => (await pendingJobs(x.id)) === 0, 'no job left');
      // The two refused statements were retried to SENT.
      const rows = await waitFor(async () => {
        const r = await g.ds.query<{ status: string; attempts: number }[]>(
          `SELECT status, attempts FROM outbox WHERE account_id = $1`,
          [accountId],
        );
        return r.every((x) => x.status === 'SENT') ? r : undefined;
      }, 'every message of the account SENT');
      expect(smtp.refuseNext).toBe(0);
      expect(rows.filter((x) => x.attempts > 1).length).toBeGreaterThanOrEqual(1);
    } finally {
      smtp.refuseOnly = null;
      await Promise.all([a!.stop(), b!.stop()]);
    }
    const mails = statementsTo(email);
    expect(mails).toHaveLength(n);
    for (const ticketId of tickets) {
      const code = `T-${ticketId.replace(/-/g, '').slice(-8).toUpperCase()}`;
      expect(mails.filter((m) => m.text?.includes(code))).toHaveLength(1);
    }
  });

  it('a new message wakes the messages runner on its own channel: a statement and its resend go out with no poll', async () => {
    const { accountId, email, ticketId } = await accountWithTicket();
    // No poll within the test: a message goes out only because its notification woke a slot.
    worker = await startTestWorker(g, { pollIntervalMs: 600_000, mail: { smtpUrl: smtp.url } });
    await waitFor(async () => {
      const [r] = await g.ds.query<[{ listening: number; busy: number; waiting: number }]>(
        `SELECT (SELECT count(*)::int FROM pg_stat_activity
                  WHERE query LIKE 'LISTEN "credits:message_jobs"%') AS listening,
                (SELECT count(*)::int FROM graphile_worker.jobs WHERE locked_at IS NOT NULL) AS busy,
                (SELECT count(*)::int FROM outbox WHERE account_id = $1 AND status <> 'SENT') AS waiting`,
        [accountId],
      );
      return r.listening === 1 && r.busy === 0 && r.waiting === 0;
    }, 'the runner listening and its receipts sent');
    // Each slot looks once more after its last job: let those looks pass.
    await new Promise((r) => setTimeout(r, 300));
    await g.ok(CHARGE, { i: { ticketId, credits: 20 } });
    await waitFor(() => statementsTo(email).length === 1, 'the statement');
    const [s] = await statements(accountId);
    await g.ok('mutation($id: ID!) { resendStatement(id: $id) { id } }', { id: s!.id });
    await waitFor(() => statementsTo(email).length === 2, 'the resent statement');
  });

  it('staff resend a statement: it goes out again', async () => {
    const { accountId, email, ticketId } = await accountWithTicket();
    worker = await startTestWorker(g, { mail: { smtpUrl: smtp.url } });
    await g.ok(CHARGE, { i: { ticketId, credits: 20 } });
    await waitFor(() => statementsTo(email).length === 1, 'the first message');
    const [s] = await statements(accountId);
    const r = await g.ok<{ resendStatement: { delivery: { status: string } } }>(
      'mutation($id: ID!) { resendStatement(id: $id) { delivery { status } } }',
      { id: s!.id },
    );
    expect(r.resendStatement.delivery.status).toBe('QUEUED');
    await waitFor(() => statementsTo(email).length === 2, 'the resent message');
  });

  it("a resend while a worker holds the statement's earlier job queues a job of its own", async () => {
    // The charge's trigger enqueues without looking for a running job with the
    // key (a new row has none); a resend must look, or a job in flight would
    // swallow it (read-rules.ts addJobSql).
    const { accountId, email, ticketId } = await accountWithTicket();
    await g.ok(CHARGE, { i: { ticketId, credits: 20 } });
    const [s] = await statements(accountId);
    const key = statementJobKey(s!.id);
    expect(await pendingJobs(s!.id)).toBe(1);
    // A worker took that job and has not finished it.
    await g.ds.query(
      `UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'elsewhere'
        WHERE key = $1`,
      [key],
    );
    await g.ok('mutation($id: ID!) { resendStatement(id: $id) { id } }', { id: s!.id });
    const waiting = await g.ds.query<{ locked: boolean }[]>(
      `SELECT locked_at IS NOT NULL AS locked FROM graphile_worker.jobs WHERE key = $1`,
      [key],
    );
    expect(waiting).toEqual([{ locked: false }]);
    worker = await startTestWorker(g, { mail: { smtpUrl: smtp.url } });
    await waitFor(() => statementsTo(email).length === 1, 'the resent message');
  });

  it('a charge whose transaction rolls back enqueues nothing', async () => {
    const { accountId, ticketId } = await accountWithTicket();
    // Fails the charge's transaction at COMMIT, after the charge, its ledger
    // entries, its statement and the statement's job were all written.
    await g.ds.query(`CREATE FUNCTION test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'rolled back by the test'; END $$`);
    await g.ds.query(`CREATE CONSTRAINT TRIGGER test_fail_commit AFTER INSERT ON outbox
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_commit()`);
    try {
      const before = await g.ds.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM graphile_worker.jobs`,
      );
      const r = await g.gql(CHARGE, { i: { ticketId, credits: 20 } });
      expect(r.errors?.[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const after = await g.ds.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM graphile_worker.jobs`,
      );
      expect(after[0].n).toBe(before[0].n);
      expect(await statements(accountId)).toHaveLength(0);
    } finally {
      await g.ds.query(`DROP TRIGGER test_fail_commit ON outbox`);
      await g.ds.query(`DROP FUNCTION test_fail_commit()`);
    }
  });
});

describe('receipts (issue 16)', () => {
  it('a purchase and a license grant each send a receipt: credits, expiry, amount paid, balance after', async () => {
    const accountId = await createAccount(g);
    const { account } = await g.ok<{ account: { email: string } }>(
      'query($id: ID!) { account(id: $id) { email } }',
      { id: accountId },
    );
    const orderDate = new Date('2026-01-01T00:00:00.000Z');
    await issueLicense(g, accountId, { edition: 'OWNED', orderDate });
    await g.ok(`mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }`, {
      i: {
        accountId,
        credits: 100,
        paymentReference: 'order-5521',
        amountPaidCents: 4_999,
        currency: 'EUR',
      },
    });
    // Both receipts are in the outbox, written with the lot, before any worker runs.
    const queued = await g.ds.query<{ kind: string }[]>(
      `SELECT payload->>'kind' AS kind FROM outbox WHERE account_id = $1 AND topic = 'receipt' ORDER BY id`,
      [accountId],
    );
    expect(queued.map((r) => r.kind)).toEqual(['GRANT', 'PURCHASE']);

    worker = await startTestWorker(g, { mail: { smtpUrl: smtp.url } });
    const mails = await waitFor(() => {
      const m = smtp.to(account.email);
      return m.length === 2 ? m : undefined;
    }, 'two receipts');
    const grant = mails.find((m) => m.subject?.startsWith('License registered'))!;
    const bought = mails.find((m) => m.subject?.startsWith('Receipt'))!;

    expect(grant.subject).toBe('License registered: 200 credits of support included');
    expect(grant.text).toContain('Credits added: 200');
    expect(grant.text).toContain('These credits: expire on 1 Jan 2027');
    expect(grant.text).toContain('Amount paid: free with your license');
    expect(grant.text).toContain('Balance now: 200 credits');

    expect(bought.subject).toBe('Receipt: 100 credits added to your support account');
    expect(bought.text).toContain('Credits added: 100');
    expect(bought.text).toContain('These credits: never expire');
    expect(bought.text).toContain('Amount paid: €49.99');
    expect(bought.text).toContain('Payment reference: order-5521');
    expect(bought.text).toContain('Balance now: 300 credits');
    for (const m of [grant, bought]) {
      expect(m.html).toContain('<table>');
      expect(m.text).not.toMatch(UUID);
      expect(m.html).not.toMatch(UUID);
    }
    await waitFor(async () => {
      const rows = await g.ds.query<{ status: string }[]>(
        `SELECT status FROM outbox WHERE account_id = $1 AND topic = 'receipt'`,
        [accountId],
      );
      return rows.every((r) => r.status === 'SENT') || undefined;
    }, 'both receipts SENT');
  });
});
