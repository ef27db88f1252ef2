import type { MigrationInterface, QueryRunner } from 'typeorm';

/** charge_rollup_compact()'s lock (migration 1797000000000), held while the months are filled. */
const COMPACT_LOCK = 0x726f6c6c; // "roll"

/**
 * A third level of the charge rollup: per UTC month x category x edition x
 * included x refunded, summed over all accounts (a hundred-odd rows a month).
 * The dashboard's charges page asks for every charge by month and by
 * category and their count on each load; from the daily level that sums
 * every day of the history (~50-90k rows at 1-10M charges), from this one a
 * row per month and group. Grouping by day still reads the days.
 *
 * The triggers do not touch it, so the charge's transaction costs the same:
 * charge_rollup_compact() folds the same deltas into the days and the months
 * in one statement, so in any snapshot the months are their days summed
 * (the reconciliation checks it). Filled from the days under the
 * compaction's lock, in this migration's transaction; the deltas not folded
 * yet stay deltas, which readers add to either level.
 */
export class ChargeRollupMonthly1797800000000 implements MigrationInterface {
  name = 'ChargeRollupMonthly1797800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SELECT pg_advisory_xact_lock(${COMPACT_LOCK})`);
    await q.query(`
      CREATE TABLE charge_rollup_monthly (
        month date NOT NULL,
        category ticket_category NOT NULL,
        edition edition NOT NULL,
        included boolean NOT NULL,
        refunded boolean NOT NULL,
        charges integer NOT NULL,
        credits bigint NOT NULL,
        refunded_credits bigint NOT NULL,
        PRIMARY KEY (month, category, edition, included, refunded)
      )`);
    await q.query(`
      INSERT INTO charge_rollup_monthly
      SELECT date_trunc('month', day::timestamp)::date, category, edition, included, refunded,
             sum(charges), sum(credits), sum(refunded_credits)
        FROM charge_rollup_daily GROUP BY 1, 2, 3, 4, 5`);
    // As before (one compaction at a time; the deltas committed when it
    // starts, deleted and added in one statement), now into both levels.
    await q.query(`
      CREATE OR REPLACE FUNCTION charge_rollup_compact() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        folded integer;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(${COMPACT_LOCK}) THEN
          RETURN 0;
        END IF;
        WITH d AS (DELETE FROM charge_rollup_delta RETURNING *),
        s AS (SELECT day, category, edition, included, refunded,
                     sum(charges) AS charges, sum(credits) AS credits, sum(refunded_credits) AS refunded_credits
                FROM d GROUP BY 1, 2, 3, 4, 5),
        m AS (
          INSERT INTO charge_rollup_monthly AS g (month, category, edition, included, refunded, charges, credits, refunded_credits)
          SELECT date_trunc('month', day::timestamp)::date, category, edition, included, refunded,
                 sum(charges), sum(credits), sum(refunded_credits)
            FROM s GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
          ON CONFLICT (month, category, edition, included, refunded) DO UPDATE
            SET charges = g.charges + EXCLUDED.charges, credits = g.credits + EXCLUDED.credits,
                refunded_credits = g.refunded_credits + EXCLUDED.refunded_credits)
        INSERT INTO charge_rollup_daily AS g (day, category, edition, included, refunded, charges, credits, refunded_credits)
        SELECT * FROM s ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (day, category, edition, included, refunded) DO UPDATE
          SET charges = g.charges + EXCLUDED.charges, credits = g.credits + EXCLUDED.credits,
              refunded_credits = g.refunded_credits + EXCLUDED.refunded_credits;
        GET DIAGNOSTICS folded = ROW_COUNT;
        RETURN folded;
      END $$`);
    await q.query('ANALYZE charge_rollup_monthly');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT pg_advisory_xact_lock(${COMPACT_LOCK})`);
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
    await q.query('DROP TABLE charge_rollup_monthly');
  }
}
