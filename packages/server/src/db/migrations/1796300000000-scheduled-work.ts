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

    // Expiring-soon notices: one row per (lot, threshold), so however often
    // the job runs a lot is told once per threshold. A row with sent = false
    // marks a wider threshold passed over (the lot was first seen already
    // inside a tighter one). The e-mail job and the webhook are enqueued by
    // the insert itself, in its transaction.
    await q.query(`
      CREATE TABLE expiry_notices (
        lot_id uuid NOT NULL REFERENCES credit_lots (id),
        threshold_days integer NOT NULL CHECK (threshold_days > 0),
        account_id uuid NOT NULL REFERENCES accounts (id),
        credits integer NOT NULL CHECK (credits > 0),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        sent boolean NOT NULL,
        mailed_at timestamptz,
        PRIMARY KEY (lot_id, threshold_days)
      )`);
    await q.query(
      `CREATE INDEX expiry_notices_account ON expiry_notices (account_id, created_at DESC)`,
    );
    await q.query(`
      CREATE FUNCTION expiry_notice_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM graphile_worker.add_job('expiry_notice_mail',
          json_build_object('lotId', NEW.lot_id, 'thresholdDays', NEW.threshold_days),
          job_key := 'expiry-notice:' || NEW.lot_id || ':' || NEW.threshold_days);
        PERFORM webhook_emit('credits.expiring_soon', NEW.account_id, NEW.created_at, jsonb_build_object(
          'lotId', NEW.lot_id, 'credits', NEW.credits, 'expiresAt', api_time(NEW.expires_at),
          'daysBefore', NEW.threshold_days));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER expiry_notice_enqueue AFTER INSERT ON expiry_notices
        FOR EACH ROW WHEN (NEW.sent) EXECUTE FUNCTION expiry_notice_enqueue()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE expiry_notices`);
    await q.query(`DROP FUNCTION expiry_notice_enqueue()`);
    await q.query(`DELETE FROM webhook_events WHERE account_id IS NULL`);
    await q.query(`ALTER TABLE webhook_events ALTER COLUMN account_id SET NOT NULL`);
    await q.query(`DROP TABLE reconciliation_reports`);
    await q.query(`DROP TABLE expiry_runs`);
  }
}
