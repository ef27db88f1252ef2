import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduled work (issue 9): a record of every expiry run and every
 * reconciliation report; account-less webhook events (reconciliation.failed
 * goes to admin endpoints with no account scope: webhook_targets() already
 * matches only those when the account is NULL).
 */
export class ScheduledWork1796300000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE expiry_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ran_at timestamptz NOT NULL,
        lots integer NOT NULL CHECK (lots >= 0),
        credits bigint NOT NULL CHECK (credits >= 0)
      )`);
    await q.query(`CREATE INDEX expiry_runs_ran_at ON expiry_runs (ran_at DESC)`);
    await q.query(`
      CREATE TABLE reconciliation_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ran_at timestamptz NOT NULL,
        midnight timestamptz NOT NULL,
        accounts_checked integer NOT NULL,
        lots_checked integer NOT NULL,
        ok boolean NOT NULL,
        mismatches jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(
      `CREATE INDEX reconciliation_reports_ran_at ON reconciliation_reports (ran_at DESC)`,
    );
    await q.query(`ALTER TABLE webhook_events ALTER COLUMN account_id DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM webhook_events WHERE account_id IS NULL`);
    await q.query(`ALTER TABLE webhook_events ALTER COLUMN account_id SET NOT NULL`);
    await q.query(`DROP TABLE reconciliation_reports`);
    await q.query(`DROP TABLE expiry_runs`);
  }
}
