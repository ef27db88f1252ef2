import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { QueryCounter } from '../src/db/query-counter';
import { cloneTemplate, dropDatabase, urlFor } from './support/databases';
import {
  CHARGE,
  balance,
  createAccount,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import {
  ADMIN_KEY,
  WEBHOOK_SECRET_KEY,
  type GqlResult,
  type TestGateway,
  clientFor,
  poolUrlFor,
} from './support/gateway';
import { reconcile } from './support/reconcile';
import { expectData } from './support/results';
import { waitFor } from './support/poll';

// Two gateway processes (the built dist/main.js, each with its own pool,
// write slots and clock) on one database: the concurrency suite's
// overspend and idempotent-retry races, with requests alternating between
// them. Only the database is shared, as in production.

const MAIN = path.join(__dirname, '..', 'dist', 'main.js');
let database: string;
let ds: DataSource;
const children: ChildProcess[] = [];
let gateways: TestGateway[] = [];

function startProcess(): Promise<string> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      // Through PgBouncer in the PgBouncer run (vitest.pgbouncer.config.mts),
      // with migrations and settings on the direct URL, as in production.
      DATABASE_URL: poolUrlFor(database),
      DATABASE_DIRECT_URL: urlFor(database),
      GATEWAY_ADMIN_KEY: ADMIN_KEY,
      WEBHOOK_SECRET_KEY,
      HOST: '127.0.0.1',
      PORT: '0',
      DB_POOL_SIZE: '10',
      LOG_LEVEL: 'info',
      WEB_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"url":"(http:\/\/[^"]+)","msg":"gateway listening"/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`gateway exited (${code}) before listening:\n${out}`)),
    );
  });
}

beforeAll(async () => {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`pnpm build\` first`);
  database = await cloneTemplate();
  // Both start at once: migrations and settings serialise on the advisory lock.
  const urls = await Promise.all([startProcess(), startProcess()]);
  ds = createDataSource(urlFor(database), { poolSize: 4 });
  await ds.initialize();
  gateways = urls.map((url) => ({
    url,
    ds,
    queries: new QueryCounter(),
    ...clientFor(url),
    close: async () => {},
  }));
});

afterAll(async () => {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
  const problems = ds?.isInitialized ? await reconcile(ds) : [];
  await ds?.destroy();
  if (database) await dropDatabase(database);
  expect(problems).toEqual([]);
});

/** Request i goes to gateway i mod 2. */
const spread = <T>(n: number, call: (g: TestGateway, i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => call(gateways[i % 2]!, i)));

async function ownedNoCredits(accountId: string): Promise<string> {
  const g = gateways[0]!;
  const lic = await issueLicense(g, accountId, {
    edition: 'OWNED',
    listPriceCents: 10_000,
    paidPriceCents: 7_000,
  });
  expect(lic.creditsGranted).toBe(0);
  return lic.id;
}

/** Holds the account row lock every credit movement queues on, from the test's own connection. */
async function holdAccountLock(accountId: string): Promise<() => Promise<void>> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  await qr.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
  return async () => {
    await qr.commitTransaction();
    await qr.release();
  };
}

/** Waits until `n` statements are blocked on a lock in this database. */
async function lockWaiters(n: number): Promise<void> {
  const reached = async () => {
    const [{ waiting }] = await ds.query<[{ waiting: number }]>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'`,
    );
    return waiting >= n;
  };
  await waitFor(reached, `${n} requests on the account lock`, 20_000, 5);
}

const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions.code;

describe('two gateway processes on one database', () => {
  it('P14 30 charges of 20 spread over both against exactly 100 credits: 5 succeed, 25 refused, balance 0', async () => {
    const g = gateways[0]!;
    const acc = await createAccount(g);
    const lic = await ownedNoCredits(acc);
    await purchase(g, acc, 100);
    const tickets = await spread(30, (gw) => openTicket(gw, lic, 'ROOT_CAUSE_ANALYSIS'));

    // Hold the account lock until both processes have charges waiting on it:
    // each lets half its pool of 10 into ledger transactions, so 10 waiters
    // means 5 from each.
    const release = await holdAccountLock(acc);
    const pending = spread(30, (gw, i) =>
      gw.gql(CHARGE, { i: { ticketId: tickets[i]!, credits: 20 } }),
    );
    await lockWaiters(10);
    await release();
    const results = await pending;

    for (const r of results) expect(r.status).toBeLessThan(500);
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(5);
    expect(results.filter((r) => codeOf(r) === 'INSUFFICIENT_CREDITS')).toHaveLength(25);
    expect(ok.map((r) => expectData(r).chargeTicket.balanceAfter).sort((a, b) => a - b)).toEqual([
      0, 20, 40, 60, 80,
    ]);
    for (const gw of gateways) expect(await balance(gw, acc)).toBe(0);
    const [{ n }] = await ds.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM charges WHERE account_id = $1',
      [acc],
    );
    expect(n).toBe(5);
  });

  it('P11 ten retries of one charge with one idempotency key spread over both: one charge, debited once', async () => {
    const g = gateways[1]!;
    const acc = await createAccount(g);
    const lic = await ownedNoCredits(acc);
    await purchase(g, acc, 200);
    const ticketId = await openTicket(g, lic, 'ROOT_CAUSE_ANALYSIS');
    const idempotencyKey = `retry-${acc}`;

    const results = await spread(10, (gw) =>
      gw.gql(CHARGE, { i: { ticketId, credits: 35, idempotencyKey } }),
    );

    for (const r of results) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(new Set(results.map((r) => expectData(r).chargeTicket.id)).size).toBe(1);
    for (const r of results)
      expect(expectData(r).chargeTicket).toMatchObject({ credits: 35, balanceAfter: 165 });
    const [{ e }] = await ds.query<[{ e: number }]>(
      `SELECT count(*)::int AS e FROM ledger_entries WHERE ticket_id = $1 AND kind = 'CHARGE'`,
      [ticketId],
    );
    expect(e).toBe(1);
    for (const gw of gateways) expect(await balance(gw, acc)).toBe(165);
  });
});
