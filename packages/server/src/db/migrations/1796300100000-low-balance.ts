import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Low-balance notices (issue 9). An account's threshold (NULL: the default,
 * LOW_BALANCE_THRESHOLD, which the gateway writes to low_balance_default at
 * start) and whether it is below it. Triggers on the ledger's own inserts
 * keep the flag in the balance change's transaction, under its account lock:
 * a charge whose balance_after falls below the threshold while the flag is
 * clear sets it and writes a notice (whose insert enqueues the e-mail and the
 * balance.low webhook); a refund or a new lot that brings the balance back
 * to the threshold or above clears it. One notice per crossing, never lost,
 * never doubled, and no code in ledger/ knows.
 */
export class LowBalance1796300100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE low_balance_default (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        threshold integer NOT NULL CHECK (threshold >= 0)
      )`);
    await q.query(`INSERT INTO low_balance_default (threshold) VALUES (0)`);
    await q.query(`
      CREATE TABLE account_low_balance (
        account_id uuid PRIMARY KEY REFERENCES accounts (id),
        threshold integer CHECK (threshold >= 0),
        below boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      CREATE TABLE low_balance_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts (id),
        charge_id uuid NOT NULL UNIQUE REFERENCES charges (id),
        balance integer NOT NULL,
        threshold integer NOT NULL,
        created_at timestamptz NOT NULL,
        mailed_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX low_balance_notices_account ON low_balance_notices (account_id, created_at DESC)`,
    );
    await q.query(`
      CREATE FUNCTION low_balance_threshold(p_account uuid) RETURNS integer LANGUAGE sql STABLE AS $$
        SELECT COALESCE((SELECT threshold FROM account_low_balance WHERE account_id = p_account),
                        (SELECT threshold FROM low_balance_default))
      $$`);
    await q.query(`
      CREATE FUNCTION low_balance_set(p_account uuid, p_balance integer, p_at timestamptz, p_charge uuid)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        t integer := low_balance_threshold(p_account);
        was boolean;
      BEGIN
        SELECT below INTO was FROM account_low_balance WHERE account_id = p_account;
        IF p_balance < t THEN
          IF p_charge IS NOT NULL AND NOT COALESCE(was, false) THEN
            INSERT INTO account_low_balance (account_id, below) VALUES (p_account, true)
              ON CONFLICT (account_id) DO UPDATE SET below = true;
            INSERT INTO low_balance_notices (account_id, charge_id, balance, threshold, created_at)
              VALUES (p_account, p_charge, p_balance, t, p_at);
          END IF;
        ELSIF was THEN
          UPDATE account_low_balance SET below = false WHERE account_id = p_account;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION low_balance_on_charge() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM low_balance_set(NEW.account_id, NEW.balance_after, NEW.created_at, NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION low_balance_on_refund() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM low_balance_set(NEW.account_id, NEW.balance_after, NEW.created_at, NULL);
        RETURN NULL;
      END $$`);
    // A purchase or grant: the balance is the live lots' remaining credits at its instant.
    await q.query(`
      CREATE FUNCTION low_balance_on_lot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM low_balance_set(NEW.account_id, (
          SELECT COALESCE(SUM(remaining_credits), 0)::int FROM credit_lots
           WHERE account_id = NEW.account_id AND (expires_at IS NULL OR expires_at > NEW.created_at)),
          NEW.created_at, NULL);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER low_balance_on_charge AFTER INSERT ON charges
        FOR EACH ROW EXECUTE FUNCTION low_balance_on_charge()`);
    await q.query(`
      CREATE TRIGGER low_balance_on_refund AFTER INSERT ON refunds
        FOR EACH ROW EXECUTE FUNCTION low_balance_on_refund()`);
    // Refund lots are covered by the refund's own trigger (its balance_after).
    await q.query(`
      CREATE TRIGGER low_balance_on_lot AFTER INSERT ON credit_lots
        FOR EACH ROW WHEN (NEW.refund_id IS NULL) EXECUTE FUNCTION low_balance_on_lot()`);
    await q.query(`
      CREATE FUNCTION low_balance_notice_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM graphile_worker.add_job('low_balance_mail', json_build_object('noticeId', NEW.id),
                                        job_key := 'low-balance:' || NEW.id);
        PERFORM webhook_emit('balance.low', NEW.account_id, NEW.created_at, jsonb_build_object(
          'balance', NEW.balance, 'threshold', NEW.threshold, 'chargeId', NEW.charge_id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER low_balance_notice_enqueue AFTER INSERT ON low_balance_notices
        FOR EACH ROW EXECUTE FUNCTION low_balance_notice_enqueue()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER low_balance_on_lot ON credit_lots`);
    await q.query(`DROP TRIGGER low_balance_on_refund ON refunds`);
    await q.query(`DROP TRIGGER low_balance_on_charge ON charges`);
    await q.query(`DROP TABLE low_balance_notices`);
    await q.query(`DROP FUNCTION low_balance_notice_enqueue()`);
    await q.query(`DROP FUNCTION low_balance_on_lot()`);
    await q.query(`DROP FUNCTION low_balance_on_refund()`);
    await q.query(`DROP FUNCTION low_balance_on_charge()`);
    await q.query(`DROP FUNCTION low_balance_set(uuid, integer, timestamptz, uuid)`);
    await q.query(`DROP FUNCTION low_balance_threshold(uuid)`);
    await q.query(`DROP TABLE account_low_balance`);
    await q.query(`DROP TABLE low_balance_default`);
  }
}
