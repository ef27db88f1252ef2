import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source';
import { adminUrl } from './support/databases';
import { createAccount } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { type PgBouncer, startPgBouncer } from './support/pgbouncer';

// The session settings hold behind PgBouncer in transaction mode: they are
// the role's defaults in the database (session-settings.ts), not startup
// options, which this PgBouncer refuses, as one without `options` in
// ignore_startup_parameters does (with it, it would drop them silently).

let bouncer: PgBouncer;
let g: TestGateway;
const SHORT = { statementTimeoutMs: 1000, idleInTransactionTimeoutMs: 1000 };

beforeAll(async () => {
  bouncer = await startPgBouncer(adminUrl());
  g = await startGateway({ session: SHORT, poolUrlFor: (db) => bouncer.urlFor(db) });
});
afterAll(async () => {
  await g?.close();
  await bouncer?.stop();
});

describe('behind PgBouncer in transaction mode', () => {
  it('refuses a client that sends startup options (what the settings used to ride on)', async () => {
    const ds = createDataSource(bouncer.urlFor('postgres'), { poolSize: 1 });
    await expect(ds.initialize()).rejects.toThrow(/unsupported startup parameter: options/);
  });

  it('serves GraphQL through it', async () => {
    const id = await createAccount(g);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('every pooled connection carries TimeZone=UTC and the timeouts', async () => {
    // Enough at once to spread over several server connections.
    const rows = await Promise.all(
      Array.from({ length: 12 }, () =>
        g.ds.query<{ tz: string; st: string; idle: string }[]>(
          `SELECT current_setting('TimeZone') AS tz, current_setting('statement_timeout') AS st,
                  current_setting('idle_in_transaction_session_timeout') AS idle, pg_sleep(0.05)`,
        ),
      ),
    );
    for (const [row] of rows) expect(row).toMatchObject({ tz: 'UTC', st: '1s', idle: '1s' });
  });

  it('cuts off a statement that runs past statement_timeout', async () => {
    const err = await g.ds.query('SELECT pg_sleep(3)').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ driverError: { code: '57014' } }); // query_canceled
    expect(String(err)).toMatch(/statement timeout/);
    // The pool is fine afterwards.
    expect(await g.ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('ends a transaction left idle past idle_in_transaction_session_timeout', async () => {
    const runner = g.ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query('SELECT 1');
      await new Promise((r) => setTimeout(r, 2500));
      await expect(runner.query('SELECT 1')).rejects.toThrow();
    } finally {
      await runner.release();
    }
  });
});
