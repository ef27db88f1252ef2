import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Any fixed number: held while the deltas are folded into charge_rollup_daily. */
const COMPACT_LOCK = 0x726f6c6c; // "roll"

/** Accounts refilled per transaction: each batch holds their locks for one aggregate over their charges. */
export const ROLLUP_BACKFILL_BATCH = 200;

/**
 * The charge rollup (issue 17): per UTC day x account x category x edition x
 * included x refunded state, how many charges, their credits and the credits
 * refunded. Statement triggers on the ledger's own inserts keep it in the
 * write's transaction, under the account lock the write already holds (every
 * row's key has the account, so no two accounts share a row), so it is never
 * stale and the ledger code does not know it exists. A refund moves its
 * charge from the unrefunded row to the refunded one; a row whose charges
 * all moved stays with zeros (readers skip groups with no charges).
 *
 * Summed over all accounts, the rollup is still about one row per charge
 * (an account charges a few times a month), so the summaries that cover
 * every account read a second level: per UTC day x category x edition x
 * included x refunded, about a hundred rows a day however many charges.
 * Every charge would update the same few rows of it, so the triggers do
 * not: they append their change to charge_rollup_delta (an insert waits for
 * no one), and charge_rollup_compact() folds the deltas into
 * charge_rollup_daily in one statement (a scheduled job, every minute).
 * Readers sum daily + delta in one snapshot, so the totals are exact
 * whether or not the deltas were folded yet. Invariant: daily + delta =
 * the account rows summed over accounts (the reconciliation checks it).
 *
 * `charge_rollup_expected` is the same rollup computed from the rows: the
 * backfill fills from it, the reconciliation compares against it.
 *
 * Not one transaction: the table and the triggers commit first (a short
 * lock on charges and refunds while CREATE TRIGGER waits for writers in
 * flight), then the history is filled a batch of accounts at a time, each
 * batch recomputed from the rows under those accounts' locks. That is what
 * keeps it exact with charges going on: a charge committed before the
 * trigger existed is in the recompute; one after it went through the
 * trigger, and the recompute replaces what the trigger summed so far with
 * the full count; none can be half-way, because charges and refunds hold
 * their account's lock until they commit. Run again after a crash, it
 * recomputes every account again, which is harmless.
 */
export class ChargeRollup1797000000000 implements MigrationInterface {
  name = 'ChargeRollup1797000000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.startTransaction();
    try {
      await createRollup(q);
      await q.commitTransaction();
    } catch (err) {
      await q.rollbackTransaction();
      throw err;
    }
    await backfillChargeRollup((sql, params) => q.query(sql, params) as Promise<unknown[]>, {
      begin: () => q.startTransaction(),
      commit: () => q.commitTransaction(),
      rollback: () => q.rollbackTransaction(),
    });
    await q.query('ANALYZE charge_rollup');
    await q.query('ANALYZE charge_rollup_daily');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS charges_rollup ON charges');
    await q.query('DROP TRIGGER IF EXISTS refunds_rollup ON refunds');
    await q.query('DROP FUNCTION IF EXISTS charge_rollup_on_charges()');
    await q.query('DROP FUNCTION IF EXISTS charge_rollup_on_refunds()');
    await q.query('DROP FUNCTION IF EXISTS charge_rollup_refill(uuid[])');
    await q.query('DROP FUNCTION IF EXISTS charge_rollup_compact()');
    await q.query('DROP TABLE IF EXISTS charge_rollup_daily');
    await q.query('DROP TABLE IF EXISTS charge_rollup_delta');
    await q.query('DROP VIEW IF EXISTS charge_rollup_expected');
    await q.query('DROP TABLE IF EXISTS charge_rollup');
  }
}

async function createRollup(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TABLE IF NOT EXISTS charge_rollup (
      account_id uuid NOT NULL,
      day date NOT NULL,
      category ticket_category NOT NULL,
      edition edition NOT NULL,
      included boolean NOT NULL,
      refunded boolean NOT NULL,
      charges integer NOT NULL,
      credits bigint NOT NULL,
      refunded_credits bigint NOT NULL,
      PRIMARY KEY (account_id, day, category, edition, included, refunded)
    )`);
  await q.query('CREATE INDEX IF NOT EXISTS charge_rollup_day_idx ON charge_rollup (day)');
  await q.query(`
    CREATE TABLE IF NOT EXISTS charge_rollup_daily (
      day date NOT NULL,
      category ticket_category NOT NULL,
      edition edition NOT NULL,
      included boolean NOT NULL,
      refunded boolean NOT NULL,
      charges integer NOT NULL,
      credits bigint NOT NULL,
      refunded_credits bigint NOT NULL,
      PRIMARY KEY (day, category, edition, included, refunded)
    )`);
  // Append-only between compactions: no key, no index.
  await q.query(`
    CREATE TABLE IF NOT EXISTS charge_rollup_delta (
      day date NOT NULL,
      category ticket_category NOT NULL,
      edition edition NOT NULL,
      included boolean NOT NULL,
      refunded boolean NOT NULL,
      charges integer NOT NULL,
      credits bigint NOT NULL,
      refunded_credits bigint NOT NULL
    )`);
  // One compaction at a time (a second caller returns at once); the deltas
  // it folds are those committed when it starts, deleted and added in one
  // statement, so a reader sees them either here or there.
  await q.query(`
    CREATE OR REPLACE FUNCTION charge_rollup_compact() RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE
      folded integer;
    BEGIN
      IF NOT pg_try_advisory_xact_lock(${COMPACT_LOCK}) THEN
        RETURN 0;
      END IF;
      WITH d AS (DELETE FROM charge_rollup_delta RETURNING *)
      INSERT INTO charge_rollup_daily AS g (day, category, edition, included, refunded, charges, credits, refunded_credits)
      SELECT day, category, edition, included, refunded, sum(charges), sum(credits), sum(refunded_credits)
        FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (day, category, edition, included, refunded) DO UPDATE
        SET charges = g.charges + EXCLUDED.charges, credits = g.credits + EXCLUDED.credits,
            refunded_credits = g.refunded_credits + EXCLUDED.refunded_credits;
      GET DIAGNOSTICS folded = ROW_COUNT;
      RETURN folded;
    END $$`);
  // The rollup from the rows. Filtered on account_id, the filter goes down
  // through the GROUP BY to the charges' account index.
  await q.query(`
    CREATE OR REPLACE VIEW charge_rollup_expected AS
      SELECT c.account_id, (c.created_at AT TIME ZONE 'UTC')::date AS day, c.category, c.edition, c.included,
             r.charge_id IS NOT NULL AS refunded, count(*)::int AS charges, sum(c.credits)::bigint AS credits,
             COALESCE(sum(r.credits), 0)::bigint AS refunded_credits
        FROM charges c LEFT JOIN refunds r ON r.charge_id = c.id
       GROUP BY 1, 2, 3, 4, 5, 6`);
  // Locks the accounts in id order (as lockAccounts does, so it cannot
  // deadlock with it), then replaces their rows with the recount; the
  // difference goes to the deltas (old rows out, new rows in), so the
  // all-accounts level moves with it.
  await q.query(`
    CREATE OR REPLACE FUNCTION charge_rollup_refill(p_accounts uuid[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM 1 FROM accounts WHERE id = ANY(p_accounts) ORDER BY id FOR NO KEY UPDATE;
      INSERT INTO charge_rollup_delta
      SELECT day, category, edition, included, refunded, -sum(charges), -sum(credits), -sum(refunded_credits)
        FROM charge_rollup WHERE account_id = ANY(p_accounts) GROUP BY 1, 2, 3, 4, 5;
      DELETE FROM charge_rollup WHERE account_id = ANY(p_accounts);
      INSERT INTO charge_rollup SELECT * FROM charge_rollup_expected WHERE account_id = ANY(p_accounts);
      INSERT INTO charge_rollup_delta
      SELECT day, category, edition, included, refunded, sum(charges), sum(credits), sum(refunded_credits)
        FROM charge_rollup WHERE account_id = ANY(p_accounts) GROUP BY 1, 2, 3, 4, 5;
    END $$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION charge_rollup_on_charges() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO charge_rollup AS g (account_id, day, category, edition, included, refunded, charges, credits, refunded_credits)
      SELECT n.account_id, (n.created_at AT TIME ZONE 'UTC')::date, n.category, n.edition, n.included, false,
             count(*), sum(n.credits), 0
        FROM new_charges n GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (account_id, day, category, edition, included, refunded) DO UPDATE
        SET charges = g.charges + EXCLUDED.charges, credits = g.credits + EXCLUDED.credits;
      INSERT INTO charge_rollup_delta
      SELECT (n.created_at AT TIME ZONE 'UTC')::date, n.category, n.edition, n.included, false,
             count(*), sum(n.credits), 0
        FROM new_charges n GROUP BY 1, 2, 3, 4;
      RETURN NULL;
    END $$`);
  // The charge leaves its unrefunded row (-1) for the refunded one (+1).
  await q.query(`
    CREATE OR REPLACE FUNCTION charge_rollup_on_refunds() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO charge_rollup AS g (account_id, day, category, edition, included, refunded, charges, credits, refunded_credits)
      SELECT c.account_id, (c.created_at AT TIME ZONE 'UTC')::date, c.category, c.edition, c.included, s.refunded,
             sum(s.sign), sum(s.sign * c.credits), sum(CASE WHEN s.refunded THEN n.credits ELSE 0 END)
        FROM new_refunds n JOIN charges c ON c.id = n.charge_id
             CROSS JOIN (VALUES (false, -1), (true, 1)) AS s(refunded, sign)
       GROUP BY 1, 2, 3, 4, 5, 6
       ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (account_id, day, category, edition, included, refunded) DO UPDATE
        SET charges = g.charges + EXCLUDED.charges, credits = g.credits + EXCLUDED.credits,
            refunded_credits = g.refunded_credits + EXCLUDED.refunded_credits;
      INSERT INTO charge_rollup_delta
      SELECT (c.created_at AT TIME ZONE 'UTC')::date, c.category, c.edition, c.included, s.refunded,
             sum(s.sign), sum(s.sign * c.credits), sum(CASE WHEN s.refunded THEN n.credits ELSE 0 END)
        FROM new_refunds n JOIN charges c ON c.id = n.charge_id
             CROSS JOIN (VALUES (false, -1), (true, 1)) AS s(refunded, sign)
       GROUP BY 1, 2, 3, 4, 5;
      RETURN NULL;
    END $$`);
  await q.query('DROP TRIGGER IF EXISTS charges_rollup ON charges');
  await q.query(`
    CREATE TRIGGER charges_rollup AFTER INSERT ON charges REFERENCING NEW TABLE AS new_charges
      FOR EACH STATEMENT EXECUTE FUNCTION charge_rollup_on_charges()`);
  await q.query('DROP TRIGGER IF EXISTS refunds_rollup ON refunds');
  await q.query(`
    CREATE TRIGGER refunds_rollup AFTER INSERT ON refunds REFERENCING NEW TABLE AS new_refunds
      FOR EACH STATEMENT EXECUTE FUNCTION charge_rollup_on_refunds()`);
}

/**
 * Recomputes every account's rollup from its rows, ROLLUP_BACKFILL_BATCH
 * accounts per transaction, in id order. Exact with writers running (see
 * above); also how a bulk load that bypassed the triggers catches up.
 */
export async function backfillChargeRollup(
  query: (sql: string, params?: unknown[]) => Promise<unknown[]>,
  tx: { begin: () => Promise<void>; commit: () => Promise<void>; rollback: () => Promise<void> },
  batch = ROLLUP_BACKFILL_BATCH,
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let accounts = 0;
  for (;;) {
    const rows = (await query('SELECT id FROM accounts WHERE id > $1 ORDER BY id LIMIT $2', [
      after,
      batch,
    ])) as { id: string }[];
    if (rows.length === 0) return accounts;
    const ids = rows.map((r) => r.id);
    await tx.begin();
    try {
      await query('SELECT charge_rollup_refill($1::uuid[])', [ids]);
      await tx.commit();
    } catch (err) {
      await tx.rollback();
      throw err;
    }
    await query('SELECT charge_rollup_compact()');
    accounts += ids.length;
    after = ids[ids.length - 1]!;
  }
}
