import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, migrate } from '../src/db/data-source';
import { QueryCounter } from '../src/db/query-counter';
import { buildGatewaySchema } from '../src/graphql/schema';
import { createGateway, type Gateway } from '../src/http/app';
import { CHARGE, createAccount, issueLicense, openTicket, purchase } from './support/fixtures';
import { ADMIN_KEY, type TestGateway, clientFor } from './support/gateway';
import { SmtpSink, waitFor } from './support/outbound';
import {
  createThrowawayPostgres,
  postgresBinDir,
  type ThrowawayPostgres,
} from './support/throwaway-postgres';

// Issue 19, finding 12: workers that survive the database. Two worker
// processes (two mail slots each) send statements through a real SMTP server
// that holds its answers, so every slot is inside a send when Postgres stops
// (a throwaway cluster). The server then accepts the messages: each job
// finishes while Postgres refuses connections and cannot be released. After
// the restart every statement must end SENT, no job stay locked, every
// worker run all its slots again, its liveness sweep free the jobs of a
// worker killed after the restart, and the resends be counted.

const binDir = postgresBinDir();
const CONCURRENCY = 2;
const COST = 20;

interface Child {
  proc: ChildProcess;
  lines: string[];
}

describe.skipIf(!binDir)('job workers across a database restart', () => {
  let pg: ThrowawayPostgres;
  let ds: DataSource;
  let gateway: Gateway;
  let g: TestGateway;
  let smtp: SmtpSink;
  const children: Child[] = [];

  beforeAll(async () => {
    pg = await createThrowawayPostgres(binDir!);
    ds = createDataSource(pg.url, { poolSize: 10 });
    await ds.initialize();
    await migrate(ds);
    gateway = await createGateway({
      ds,
      schema: await buildGatewaySchema(),
      config: { adminKey: ADMIN_KEY, bodyLimit: '100kb', webDist: '/nonexistent' },
      log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    });
    const url = await gateway.listen(0, '127.0.0.1');
    g = { url, ds, queries: new QueryCounter(), ...clientFor(url), close: () => Promise.resolve() };
    smtp = await SmtpSink.start();
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    await smtp?.down();
    await gateway?.close();
    await ds?.destroy().catch(() => undefined);
    await pg?.destroy();
  });

  async function spawnWorker(): Promise<Child> {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'support', 'worker-child.ts')],
      {
        env: {
          ...process.env,
          DATABASE_URL: pg.url,
          SMTP_URL: smtp.url,
          WORKER_CONCURRENCY: String(CONCURRENCY),
          SWEEP_EVERY_MS: '300',
          DEAD_WORKER_GRACE_MS: '500',
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const child: Child = { proc, lines: [] };
    let buffered = '';
    proc.stdout.on('data', (b: Buffer) => {
      buffered += b.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      child.lines.push(...parts);
    });
    await waitFor(() => child.lines.includes('ready'), 'a worker ready', 60_000);
    children.push(child);
    return child;
  }

  async function counter(child: Child, name: string): Promise<number> {
    const before = child.lines.length;
    child.proc.stdin!.write('metrics\n');
    const line = await waitFor(
      () => child.lines.slice(before).find((l) => l.startsWith('metrics ')),
      'the worker metrics',
    );
    const metrics = JSON.parse(line.slice('metrics '.length)) as {
      name: string;
      values: { value: number }[];
    }[];
    return (metrics.find((m) => m.name === name)?.values ?? []).reduce((a, v) => a + v.value, 0);
  }

  /** A charge retried with its idempotency key until the gateway answers 200. */
  async function charge(ticketId: string): Promise<void> {
    for (;;) {
      const res = await fetch(`${g.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({
          query: CHARGE.toString(),
          variables: { i: { ticketId, credits: COST, idempotencyKey: `recovery-${ticketId}` } },
        }),
      }).catch(() => null);
      if (res?.status === 200) {
        const body = (await res.json()) as { errors?: unknown[] };
        if (!body.errors) return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const lockedJobs = async () =>
    (
      await ds.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE locked_by IS NOT NULL`,
      )
    )[0].n;

  const unsent = async (accountId: string) =>
    (
      await ds.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM outbox WHERE account_id = $1 AND status <> 'SENT'`,
        [accountId],
      )
    )[0].n;

  it('frees jobs that could not be released, gets every slot back, converges to SENT and counts the resends', async () => {
    const [w1, w2] = [await spawnWorker(), await spawnWorker()];
    const slots = 2 * CONCURRENCY;
    const accountId = await createAccount(g);
    const license = await issueLicense(g, accountId, { edition: 'OWNED' });
    const tickets: string[] = [];
    for (let i = 0; i < 5 * slots; i++) tickets.push(await openTicket(g, license.id));
    await purchase(g, accountId, tickets.length * COST);
    // The grant's and the purchase's receipts go out first, so the slots below hold statements.
    await waitFor(() => smtp.received.length === 2, 'the receipts of the grant and the purchase');

    // Every slot inside a send when Postgres stops; the sends then succeed.
    let release = smtp.hold();
    for (const t of tickets.slice(0, slots)) await charge(t);
    await waitFor(() => smtp.held === slots, 'every mail slot inside a send');
    await pg.stop();
    release();
    await waitFor(() => smtp.statements().length >= slots, 'the held messages accepted');
    // Charging load through the outage and the restart.
    const load = Promise.all(tickets.slice(slots, 3 * slots).map((t) => charge(t)));
    await new Promise((r) => setTimeout(r, 1_000)); // the jobs' releases meet a closed database
    await pg.start();
    await load;

    await waitFor(async () => (await unsent(accountId)) === 0, 'every statement SENT', 60_000);
    await waitFor(async () => (await lockedJobs()) === 0, 'no job left locked', 20_000);

    // Every worker runs all its slots again.
    release = smtp.hold();
    for (const t of tickets.slice(3 * slots, 4 * slots)) await charge(t);
    await waitFor(() => smtp.held === slots, 'every slot of both workers busy', 20_000);
    expect(await lockedJobs()).toBe(slots);

    // A worker killed after the restart: the survivor's sweep (reconnected) frees its jobs.
    w1.proc.kill('SIGKILL');
    await new Promise((r) => w1.proc.once('exit', r));
    release();
    for (const t of tickets.slice(4 * slots)) await charge(t);
    await waitFor(
      async () => (await unsent(accountId)) === 0,
      'every statement SENT again',
      30_000,
    );
    await waitFor(async () => (await lockedJobs()) === 0, 'no job left locked again', 20_000);

    // Duplicates happened only at the fault instants, and the survivor counted its resends.
    const ids = smtp.statements().map((m) => m.messageId);
    const duplicates = ids.length - new Set(ids).size;
    expect(new Set(ids).size).toBe(tickets.length);
    expect(duplicates).toBeGreaterThan(0);
    expect(await counter(w2, 'credits_job_runner_recoveries_total')).toBeGreaterThan(0);
    expect(await counter(w2, 'credits_outbound_resends_after_fault_total')).toBeGreaterThan(0);
  }, 240_000);
});
