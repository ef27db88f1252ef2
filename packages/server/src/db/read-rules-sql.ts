import type { QueryRunner } from 'typeorm';
import {
  JOBS,
  addJobSql,
  balanceNowSql,
  inKeyScopeSql,
  ticketStatusSql,
  wakeRunnerSql,
} from './read-rules';

/**
 * The database's own functions that decide a read rule (the triggers that
 * enqueue jobs, the low-balance check on a new lot, the partner scope of a
 * webhook), re-created from read-rules.ts's emitters, so they use the same
 * definition as every query. A change to read-rules.ts that touches one of
 * these is applied by a new migration that calls this again (CREATE OR
 * REPLACE: the triggers keep pointing at the same functions).
 */
export async function applyReadRules(q: Pick<QueryRunner, 'query'>): Promise<void> {
  await q.query(`
    CREATE OR REPLACE FUNCTION outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM ${addJobSql(JOBS.statementMail, 'statementId', 'NEW.id', { newRow: true })};
      RETURN NULL;
    END $$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION receipt_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM ${addJobSql(JOBS.receiptMail, 'receiptId', 'NEW.id', { newRow: true })};
      RETURN NULL;
    END $$`);
  const expiryKey = JOBS.expiryNoticeMail.key(
    "' || NEW.lot_id || '",
    "' || NEW.threshold_days || '",
  );
  await q.query(`
    CREATE OR REPLACE FUNCTION expiry_notice_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM graphile_worker.add_job('${JOBS.expiryNoticeMail.name}',
        json_build_object('lotId', NEW.lot_id, 'thresholdDays', NEW.threshold_days),
        job_key := '${expiryKey}'), ${wakeRunnerSql('messages', `'${expiryKey}'`)};
      PERFORM webhook_emit('credits.expiring_soon', NEW.account_id, NEW.created_at, jsonb_build_object(
        'lotId', NEW.lot_id, 'credits', NEW.credits, 'expiresAt', api_time(NEW.expires_at),
        'daysBefore', NEW.threshold_days));
      RETURN NULL;
    END $$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION low_balance_notice_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM ${addJobSql(JOBS.lowBalanceMail, 'noticeId', 'NEW.id', { newRow: true })};
      PERFORM webhook_emit('balance.low', NEW.account_id, NEW.created_at, jsonb_build_object(
        'balance', NEW.balance, 'threshold', NEW.threshold, 'chargeId', NEW.charge_id));
      RETURN NULL;
    END $$`);
  // A purchase or grant: the balance is the live lots' remaining credits at its instant.
  await q.query(`
    CREATE OR REPLACE FUNCTION low_balance_on_lot() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM low_balance_set(NEW.account_id, ${balanceNowSql('NEW.account_id', 'NEW.created_at')},
        NEW.created_at, NULL);
      RETURN NULL;
    END $$`);
  // A ticket's status follows its charge and refund rows (AFTER INSERT on both).
  await q.query(`
    CREATE OR REPLACE FUNCTION ticket_status_follows_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE tickets SET status = ${ticketStatusSql('NEW.ticket_id')} WHERE id = NEW.ticket_id;
      RETURN NULL;
    END $$`);
  // Whether an endpoint may still hear about an account (null) or why not: its
  // owner key revoked (any role), or a partner whose scope no longer holds it.
  // PL/pgSQL rather than SQL functions: a session keeps a PL/pgSQL function's
  // plans, while a SQL function called per row was planned again on every
  // call, which cost each charge more than running the queries (issue 17).
  await q.query(`
    CREATE OR REPLACE FUNCTION webhook_silenced(p_endpoint uuid, p_account uuid) RETURNS text
    LANGUAGE plpgsql STABLE AS $$
    BEGIN
      RETURN (
      SELECT CASE
        WHEN e.id IS NULL THEN 'the endpoint no longer exists'
        WHEN k.revoked_at IS NOT NULL THEN 'the API key that owns the endpoint was revoked'
        WHEN e.owner_role = 'PARTNER' AND NOT ${inKeyScopeSql('e.owner_key_id', 'p_account')}
          THEN 'the account is no longer in the partner''s scope'
      END
        FROM (SELECT p_endpoint AS id) wanted
        LEFT JOIN webhook_endpoints e ON e.id = wanted.id
        LEFT JOIN api_keys k ON k.id = e.owner_key_id);
    END $$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION webhook_targets(p_type text, p_account uuid) RETURNS SETOF uuid
    LANGUAGE plpgsql STABLE AS $$
    BEGIN
      RETURN QUERY SELECT e.id FROM webhook_endpoints e
       WHERE e.enabled AND p_type = ANY (e.event_types)
         AND (e.account_ids IS NULL OR p_account = ANY (e.account_ids))
         AND webhook_silenced(e.id, p_account) IS NULL;
    END $$`);
  await q.query(`
    CREATE OR REPLACE FUNCTION webhook_emit(p_type text, p_account uuid, p_at timestamptz, p_data jsonb)
    RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      ev uuid;
      targets uuid[];
      d record;
    BEGIN
      SELECT array_agg(t) INTO targets FROM webhook_targets(p_type, p_account) t;
      IF targets IS NULL THEN RETURN; END IF;
      ev := gen_random_uuid();
      INSERT INTO webhook_events (id, type, account_id, payload, created_at)
        VALUES (ev, p_type, p_account,
                jsonb_build_object('id', ev, 'type', p_type, 'timestamp', api_time(p_at),
                                   'accountId', p_account, 'data', p_data),
                p_at);
      FOR d IN INSERT INTO webhook_deliveries (id, event_id, endpoint_id)
                 SELECT gen_random_uuid(), ev, t FROM unnest(targets) t
               RETURNING id, endpoint_id
      LOOP
        PERFORM ${addJobSql(JOBS.webhookDelivery, 'deliveryId', 'd.id', {
          queueIdSql: 'd.endpoint_id',
          newRow: true,
        })};
      END LOOP;
    END $$`);
}
