import pino from 'pino';
import type { Logger } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, migrate } from '../src/db/data-source';
import { QueryCounter } from '../src/db/query-counter';
import { ReadReplica } from '../src/db/read-replica';
import { DEFAULT_SESSION_SETTINGS as session } from '../src/db/session-settings';
import { buildGatewaySchema } from '../src/graphql/schema';
import { createGateway, type Gateway } from '../src/http/app';
import {
  CHARGE,
  balance,
  createAccount,
  issueLicense,
  monthsAgo,
  openTicket,
  purchase,
} from './support/fixtures';
import { ADMIN_KEY, type TestGateway, clientFor } from './support/gateway';
import { waitFor } from './support/poll';
import { reconcile } from './support/reconcile';
import { type PrimaryWithReplica, startPrimaryWithReplica } from './support/replica';

// Analysts' reads (charges, chargeSummary) on a real streaming replica; every
// balance on the primary. The replica is told apart from the primary by
// pausing its replay: what a read returns then says where it ran.

const MAX_LAG_MS = 3000;
let pg: PrimaryWithReplica;
let gateway: Gateway;
let reads: ReadReplica;
let g: TestGateway;
/** Statements over the charges table that ran on the replica (not the probe's). */
class ChargeReads implements Logger {
  count = 0;
  logQuery(query: string): void {
    if (/\bFROM charges\b/.test(query)) this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
const onReplica = new ChargeReads();

beforeAll(async () => {
  pg = await startPrimaryWithReplica();
  const direct = createDataSource(pg.primaryUrl('postgres'), { poolSize: 2, session });
  await direct.initialize();
  await direct.query('CREATE DATABASE credits');
  await direct.destroy();
  const migrator = createDataSource(pg.primaryUrl('credits'), { poolSize: 2, session });
  await migrator.initialize();
  await migrate(migrator, { session });
  await migrator.destroy();

  const ds = createDataSource(pg.primaryUrl('credits'), {
    poolSize: 10,
    session,
    startupOptions: false,
  });
  await ds.initialize();
  const replica = createDataSource(pg.replicaUrl('credits'), {
    poolSize: 5,
    session,
    startupOptions: false,
    logger: onReplica,
  });
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  reads = new ReadReplica(ds, replica, { maxLagMs: MAX_LAG_MS, probeIntervalMs: 200, log });
  await pg.waitForReplay();
  await reads.start();
  gateway = await createGateway({
    ds,
    reads,
    schema: await buildGatewaySchema(),
    config: { adminKey: ADMIN_KEY, bodyLimit: '100kb', webDist: '/nonexistent' },
    log,
  });
  const url = await gateway.listen(0, '127.0.0.1');
  g = { url, ds, queries: new QueryCounter(), ...clientFor(url), close: async () => {} };
});

afterAll(async () => {
  const problems = g ? await reconcile(g.ds) : [];
  await gateway?.close();
  await reads?.stop();
  if (g?.ds.isInitialized) await g.ds.destroy();
  pg?.close();
  expect(problems).toEqual([]);
});

const until = (what: string, cond: () => boolean) => waitFor(cond, what, 15_000, 100);

const HISTORY = `query($a: ID!) {
  charges(filter: { accountId: $a }) { totalCount nodes { credits } }
  chargeSummary(filter: { accountId: $a }, groupBy: CATEGORY) { charges credits }
}`;
async function history(accountId: string) {
  const d = await g.ok<{
    charges: { totalCount: number };
    chargeSummary: { charges: number; credits: number }[];
  }>(HISTORY, { a: accountId });
  return {
    listed: d.charges.totalCount,
    summed: d.chargeSummary.reduce((n, b) => n + b.charges, 0),
  };
}

let accountId: string;
let licenseId: string;
async function charge(credits: number) {
  const ticketId = await openTicket(g, licenseId, 'ROOT_CAUSE_ANALYSIS');
  await g.ok(CHARGE, { i: { ticketId, credits, idempotencyKey: `k-${ticketId}` } });
}

describe('analysts on a streaming replica', () => {
  it('charges and chargeSummary read the replica; the balance right after a charge reads the primary', async () => {
    accountId = await createAccount(g);
    licenseId = (
      await issueLicense(g, accountId, {
        edition: 'OWNED',
        listPriceCents: 10_000,
        paidPriceCents: 7_000,
        orderDate: monthsAgo(1),
      })
    ).id;
    await purchase(g, accountId, 500);
    await charge(20);
    await charge(30);
    await pg.waitForReplay();
    await until('the replica in use', () => reads.status === 'up');
    const before = onReplica.count;
    expect(await history(accountId)).toEqual({ listed: 2, summed: 2 });
    expect(onReplica.count).toBeGreaterThan(before);

    await pg.pauseReplay();
    await charge(40);
    // Balances come from the primary: never stale.
    expect(await balance(g, accountId)).toBe(500 - 90);
    // Analysts' reads come from the replica, whose replay is paused: they
    // do not see the third charge yet (within the allowed lag).
    expect(reads.status).toBe('up');
    expect(await history(accountId)).toEqual({ listed: 2, summed: 2 });
  });

  it('a replica further behind than DATABASE_READ_MAX_LAG_MS is skipped: reads go to the primary', async () => {
    await until('the replica counted as lagging', () => reads.status === 'lagging');
    expect(await history(accountId)).toEqual({ listed: 3, summed: 3 });
    await pg.resumeReplay();
    await until('the replica in use again', () => reads.status === 'up');
    expect(await history(accountId)).toEqual({ listed: 3, summed: 3 });
  });

  it('a replica that is down is skipped: reads go to the primary, then back once it is up', async () => {
    pg.stopReplica();
    // The first read after the stop may find it still marked up: run() retries on the primary.
    await charge(50);
    expect(await history(accountId)).toEqual({ listed: 4, summed: 4 });
    await until('the replica marked down', () => reads.status === 'down');
    expect(await history(accountId)).toEqual({ listed: 4, summed: 4 });

    pg.startReplica();
    await pg.waitForReplay();
    await until('the replica in use again', () => reads.status === 'up');
    const before = onReplica.count;
    expect(await history(accountId)).toEqual({ listed: 4, summed: 4 });
    expect(onReplica.count).toBeGreaterThan(before);
  });
});
