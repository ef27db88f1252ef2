import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/jobs/runner';
import { CHARGE, createAccount, issueLicense, openTicket, purchase } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { SmtpSink, WebhookReceiver, startTestWorker, waitFor } from './support/outbound';
import { type TripKind, TripLog } from './support/round-trips';

// Issue 17: where an outbound job's time goes, counted rather than timed. A
// job's cost is its round trips to Postgres (each a wait on the database's
// answer, and work for it) and, for an e-mail, the SMTP connections it opens.
// Every query() of the worker's pool is logged (support/round-trips.ts), so
// these counts are exact; the bounds below hold them where the redesign put
// them (docs/outbound.md, "Round trips per job"), and a change that adds a
// trip to every job fails here.

const N = 24;
const MESSAGE_SLOTS = 4; // WORKER_CONCURRENCY (8 by default)
const WEBHOOK_SLOTS = 4; // WEBHOOK_CONCURRENCY's default

let g: TestGateway;
let smtp: SmtpSink;
let inbox: WebhookReceiver;
const tickets: string[] = [];

beforeAll(async () => {
  g = await startGateway();
  smtp = await SmtpSink.start();
  inbox = await WebhookReceiver.start();
  const accounts = await Promise.all([1, 2, 3].map(() => createAccount(g)));
  for (const accountId of accounts) {
    const license = await issueLicense(g, accountId, { edition: 'OWNED' });
    await purchase(g, accountId, 100 * N);
    for (let i = 0; i < 2 * N; i++) tickets.push(await openTicket(g, license.id));
  }
  const { createWebhookEndpoint } = await g.ok<{ createWebhookEndpoint: { secret: string } }>(
    `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
    { i: { url: inbox.url, eventTypes: ['charge.created'] } },
  );
  inbox.secret = createWebhookEndpoint.secret;
  // The set-up's own messages (receipts) are not counted: drop their jobs.
  await dropJobs();
});
afterAll(async () => {
  await inbox.close();
  await smtp.down();
  await g.close();
});

/**
 * Drops the waiting jobs (of one task, or all) and marks their e-mails sent,
 * since an e-mail job in a backlog goes on with its topic's waiting rows.
 */
async function dropJobs(task?: 'statement_mail'): Promise<void> {
  await g.ds.query(
    `SELECT graphile_worker.remove_job(key) FROM graphile_worker.jobs
      WHERE key IS NOT NULL AND ($1::text IS NULL OR task_identifier = $1)`,
    [task ?? null],
  );
  await g.ds.query(
    `UPDATE outbox SET status = 'SENT', delivered_at = now()
      WHERE status IN ('QUEUED', 'RETRYING') AND ($1::text IS NULL OR topic = 'statement')`,
    [task ?? null],
  );
}

const waitingJobs = async () =>
  (await g.ds.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM graphile_worker.jobs`))[0].n;

const charge = () => g.ok(CHARGE, { i: { ticketId: tickets.pop()!, credits: 20 } });

/**
 * A worker with the default slots and polling switched off (new jobs still
 * arrive by LISTEN/NOTIFY), so that nothing but jobs makes it query.
 */
async function countingWorker(log: TripLog): Promise<JobRunner> {
  return startTestWorker(g, {
    concurrency: MESSAGE_SLOTS,
    webhookConcurrency: WEBHOOK_SLOTS,
    pollIntervalMs: 600_000,
    pgClient: log.client(),
    mail: { smtpUrl: smtp.url },
  });
}

/**
 * Quiet: no job waiting, and every slot has come back for more and found
 * nothing (one empty claim per slot since `emptiesBefore`), so no trip is
 * still to come.
 */
async function quiet(log: TripLog, emptiesBefore = 0): Promise<void> {
  await waitFor(
    async () =>
      (await waitingJobs()) === 0 &&
      log.byKind()['empty claim'] - emptiesBefore >= MESSAGE_SLOTS + WEBHOOK_SLOTS,
    'the worker idle',
  );
}

/** What a worker costs with nothing to do: start-up and one empty claim per slot. */
async function idleCost(): Promise<TripLog> {
  const log = new TripLog();
  const worker = await countingWorker(log);
  try {
    await quiet(log);
    return log;
  } finally {
    await worker.stop();
  }
}

/** Round trips per job, in all and by kind, beyond `base` (an idle worker's, or a quiet moment's). */
function perJob(
  what: string,
  log: TripLog,
  base: { count: number; kinds: Record<TripKind, number> },
  jobs: number,
): { all: number } & Record<TripKind, number> {
  const now = log.byKind();
  const kinds = Object.fromEntries(
    Object.entries(now).map(([k, n]) => [k, (n - base.kinds[k as TripKind]) / jobs]),
  ) as Record<TripKind, number>;
  const all = (log.count - base.count) / jobs;
  const shown = Object.entries(kinds)
    .filter(([k, n]) => n !== 0 && k !== 'housekeeping')
    .map(([k, n]) => `${k} ${n.toFixed(2)}`)
    .join(', ');
  console.log(`${what}: ${all.toFixed(2)} round trips per job (${shown})`);
  return { all, ...kinds };
}

const snapshot = (log: TripLog) => ({ count: log.count, kinds: log.byKind() });

describe('round trips per delivered job (issue 17)', () => {
  it('a statement e-mail in a backlog: about one round trip each (a run); a few SMTP connections for all', async () => {
    const idle = snapshot(await idleCost());
    // Statements alone: no webhook is made while the endpoint is off.
    // Twice N: a backlog long enough for runs to pay off their start.
    const n = 2 * N;
    await g.ds.query(`UPDATE webhook_endpoints SET enabled = false`);
    for (let i = 0; i < n; i++) await charge();
    await g.ds.query(`UPDATE webhook_endpoints SET enabled = true`);
    expect(await waitingJobs()).toBe(n);
    const sentBefore = smtp.statements().length;
    const connectionsBefore = smtp.connections;

    const log = new TripLog();
    const worker = await countingWorker(log);
    try {
      await waitFor(() => smtp.statements().length - sentBefore === n, 'the statements');
      await quiet(log);
    } finally {
      await worker.stop();
    }
    const trips = perJob('statement e-mail (backlog)', log, idle, n).all;
    const smtpConnections = smtp.connections - connectionsBefore;
    console.log(`  SMTP connections for ${n} messages: ${smtpConnections}`);
    // A run records one message and claims the next in one statement; what
    // is left is each job's own claim and completion, and the few jobs that
    // find their message in another slot's run and come back later.
    expect(trips).toBeLessThanOrEqual(2);
    // Pooled: at most one connection per slot, however many messages.
    expect(smtpConnections).toBeLessThanOrEqual(MESSAGE_SLOTS);
  });

  it('a webhook delivery to one endpoint: about one round trip per delivery in a backlog', async () => {
    const idle = snapshot(await idleCost());
    for (let i = 0; i < N; i++) await charge();
    await dropJobs('statement_mail'); // counted above
    expect(await waitingJobs()).toBe(N);
    const before = inbox.delivered.length;

    const log = new TripLog();
    const worker = await countingWorker(log);
    try {
      await waitFor(() => inbox.delivered.length - before === N, 'the webhooks');
      await quiet(log);
    } finally {
      await worker.stop();
    }
    const trips = perJob('webhook delivery (backlog, one endpoint)', log, idle, N).all;
    expect(inbox.maxInFlightPerId).toBe(1);
    expect(trips).toBeLessThanOrEqual(1.5);
  });

  it('one charge at a time with the worker waiting: its statement and webhook, and the nudges', async () => {
    const log = new TripLog();
    const worker = await countingWorker(log);
    const n = 8;
    try {
      await quiet(log);
      const from = snapshot(log);
      const empties = from.kinds['empty claim'];
      const sent = smtp.statements().length;
      const hooks = inbox.delivered.length;
      for (let i = 1; i <= n; i++) {
        await charge();
        await waitFor(
          () => smtp.statements().length - sent === i && inbox.delivered.length - hooks === i,
          'the charge delivered',
        );
      }
      await quiet(log, empties);
      const trips = perJob('one charge: statement + webhook (worker waiting)', log, from, n);
      // The tasks' own: claim and record, for the statement and for the webhook.
      expect(trips.task + trips.transaction).toBeLessThanOrEqual(4);
      expect(trips.complete).toBeLessThanOrEqual(2);
      // graphile-worker's: each runner hears only its own job's notification
      // (read-rules.ts JOB_CHANNELS; when both heard both, two slots woke for
      // the other runner's job), and each slot that finished a job looks
      // once more: 2 empty claims.
      expect(trips['empty claim']).toBeLessThanOrEqual(2.5);
    } finally {
      await worker.stop();
    }
  });
});
