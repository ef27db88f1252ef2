import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../bench/seed';
import { createDataSource, migrate } from '../src/db/data-source';
import { migrations } from '../src/db/migrations';
import { ChargeRollup1797000000000 } from '../src/db/migrations/1797000000000-charge-rollup';
import { ChargeRollupMonthly1797800000000 } from '../src/db/migrations/1797800000000-charge-rollup-monthly';
import { checkChargeRollup } from '../src/ledger/reconcile';
import { dropDatabase, urlFor, withAdmin } from './support/databases';

// The rollup migrations on a database that already has history: migrated
// without them, seeded with the benchmark's seeder (accounts, licenses,
// lots, tickets, charges) plus refunds, then migrated again. The backfill
// must leave every account-day equal to a recount of the rows, and the
// monthly level (filled from the days) equal to its days.

const database = `credits_test_backfill_${randomBytes(5).toString('hex')}`;
let ds: DataSource;

beforeAll(async () => {
  await withAdmin((c) => c.query(`CREATE DATABASE ${database}`));
  const before = new DataSource({
    ...createDataSource(urlFor(database)).options,
    migrations: migrations.filter(
      (m) => m !== ChargeRollup1797000000000 && m !== ChargeRollupMonthly1797800000000,
    ),
  });
  await before.initialize();
  await migrate(before);
  await before.destroy();

  const pool = new Pool({ connectionString: urlFor(database), max: 1 });
  try {
    await seed(pool, { accounts: 60, tickets: 1_500 }, { seed: 7, workers: 1 });
    // One charge in ten with credits is refunded in full, a day after it.
    await pool.query(`
      INSERT INTO refunds (id, account_id, ticket_id, charge_id, credits, reason, balance_after, created_at)
      SELECT gen_random_uuid(), c.account_id, c.ticket_id, c.id, c.credits, 'vendor bug', c.balance_after + c.credits,
             c.created_at + interval '1 day'
        FROM charges c WHERE c.credits > 0 AND c.id::text LIKE '%0'`);
  } finally {
    await pool.end();
  }
  ds = createDataSource(urlFor(database));
  await ds.initialize();
}, 120_000);

afterAll(async () => {
  await ds?.destroy();
  await dropDatabase(database);
});

describe('the charge rollup migration', () => {
  it('backfills the history it finds to a recount of the charges and refunds', async () => {
    const [{ charges, refunds }] = await ds.query<[{ charges: number; refunds: number }]>(
      'SELECT (SELECT count(*) FROM charges)::int AS charges, (SELECT count(*) FROM refunds)::int AS refunds',
    );
    expect(charges).toBeGreaterThan(1_000);
    expect(refunds).toBeGreaterThan(10);

    expect(await migrate(ds)).toEqual([
      'ChargeRollup1797000000000',
      'ChargeRollupMonthly1797800000000',
    ]);

    const [totals] = await ds.query<[{ charges: number; refunded: number; credits: string }]>(
      `SELECT sum(charges)::int AS charges, sum(charges) FILTER (WHERE refunded)::int AS refunded,
              sum(credits)::text AS credits FROM charge_rollup`,
    );
    const [rows] = await ds.query<[{ credits: string }]>(
      'SELECT sum(credits)::text AS credits FROM charges',
    );
    expect(totals).toEqual({ charges, refunded: refunds, credits: rows.credits });
    const differs = await ds.query<unknown[]>(
      `(SELECT * FROM charge_rollup EXCEPT ALL SELECT * FROM charge_rollup_expected)
       UNION ALL (SELECT * FROM charge_rollup_expected EXCEPT ALL SELECT * FROM charge_rollup)`,
    );
    expect(differs).toEqual([]);
    // And the all-accounts level agrees with the accounts' rows.
    expect(await checkChargeRollup(ds.manager)).toEqual([]);
    const [daily] = await ds.query<[{ charges: number }]>(
      'SELECT sum(charges)::int AS charges FROM charge_rollup_daily',
    );
    expect(daily.charges).toBe(charges);
    const [monthly] = await ds.query<[{ charges: number }]>(
      'SELECT sum(charges)::int AS charges FROM charge_rollup_monthly',
    );
    expect(monthly.charges).toBe(charges);
  });

  it('keeps the rollup from then on in the write transaction', async () => {
    const [charge] = await ds.query<[{ id: string; account_id: string; ticket_id: string }]>(
      `SELECT c.id, c.account_id, c.ticket_id FROM charges c
        WHERE c.credits > 0 AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.charge_id = c.id) LIMIT 1`,
    );
    const refunded = () =>
      ds.query<{ n: number }[]>(
        `SELECT sum(charges)::int AS n FROM charge_rollup WHERE account_id = $1 AND refunded`,
        [charge.account_id],
      );
    const [was] = await refunded();
    await ds.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO refunds (id, account_id, ticket_id, charge_id, credits, reason, balance_after, created_at)
         SELECT gen_random_uuid(), account_id, ticket_id, id, credits, 'vendor bug', balance_after + credits, now()
           FROM charges WHERE id = $1`,
        [charge.id],
      );
      // Not yet committed: others still see the old figure.
      const [others] = await refunded();
      expect(others).toEqual(was);
    });
    const [now] = await refunded();
    expect(now!.n).toBe((was!.n ?? 0) + 1);
  });
});
