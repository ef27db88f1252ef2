import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransientDbError } from '../src/db/transient-errors';
import { type TestGateway, startGateway } from './support/gateway';

// Which failures are "retry later" (503) and which stay masked 500s. The
// timeouts, lock and serialization failures are provoked for real, through
// TypeORM, so the wrapping (QueryFailedError.driverError) is the real one.

let g: TestGateway;
beforeAll(async () => {
  g = await startGateway();
});
afterAll(() => g?.close());

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('transient database failures', () => {
  it('a statement timeout and a lock timeout are transient', async () => {
    const timeout = await failureOf(() =>
      g.ds.transaction(async (tx) => {
        await tx.query(`SET LOCAL statement_timeout = '50ms'`);
        await tx.query('SELECT pg_sleep(1)');
      }),
    );
    expect((timeout as { driverError?: { code?: string } }).driverError?.code).toBe('57014');
    expect(isTransientDbError(timeout)).toBe(true);

    const lock = await failureOf(() =>
      g.ds.transaction(async (holder) => {
        await holder.query('LOCK TABLE ledger_entries IN ACCESS EXCLUSIVE MODE');
        await g.ds.transaction(async (waiter) => {
          await waiter.query(`SET LOCAL lock_timeout = '50ms'`);
          await waiter.query('SELECT 1 FROM ledger_entries LIMIT 1');
        });
      }),
    );
    expect((lock as { driverError?: { code?: string } }).driverError?.code).toBe('55P03');
    expect(isTransientDbError(lock)).toBe(true);
  });

  it('a serialization failure is transient', async () => {
    await g.ds.query('CREATE TABLE IF NOT EXISTS t_serial (id int PRIMARY KEY, n int)');
    await g.ds.query('INSERT INTO t_serial VALUES (1, 0) ON CONFLICT DO NOTHING');
    const a = g.ds.createQueryRunner();
    const b = g.ds.createQueryRunner();
    try {
      await a.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await b.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await a.query('SELECT n FROM t_serial WHERE id = 1');
      await b.query('SELECT n FROM t_serial WHERE id = 1');
      await a.query('UPDATE t_serial SET n = n + 1 WHERE id = 1');
      const pending = failureOf(() => b.query('UPDATE t_serial SET n = n + 1 WHERE id = 1'));
      await a.query('COMMIT');
      const err = await pending;
      expect((err as { driverError?: { code?: string } }).driverError?.code).toBe('40001');
      expect(isTransientDbError(err)).toBe(true);
    } finally {
      await b.query('ROLLBACK').catch(() => undefined);
      await a.release();
      await b.release();
    }
  });

  it('a refused connection is transient; a bad statement or a check violation is not', async () => {
    const { Client } = await import('pg');
    const refused = await failureOf(() =>
      new Client({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres' }).connect(),
    );
    expect(isTransientDbError(refused)).toBe(true);

    expect(isTransientDbError(await failureOf(() => g.ds.query('SELECT nope')))).toBe(false);
    expect(isTransientDbError(await failureOf(() => g.ds.query('SELECT 1/0')))).toBe(false);
    expect(isTransientDbError(new Error('something else'))).toBe(false);
  });

  it('codes that come only from a server in trouble are transient by SQLSTATE', () => {
    for (const code of ['53300', '57P01', '57P02', '57P03', '40P01', '08006'])
      expect(isTransientDbError({ driverError: { code, message: 'x' } })).toBe(true);
    expect(
      isTransientDbError({ code: '57014', message: 'canceling statement due to user request' }),
    ).toBe(false);
  });
});
