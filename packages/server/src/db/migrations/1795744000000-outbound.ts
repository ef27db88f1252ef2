import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: outbound messages (statement e-mails, partner webhooks) are
// enqueued by triggers, in the very transaction of the ledger change that
// causes them, through graphile-worker's SQL add_job. A committed charge can
// never lose its message; a rolled-back one never had a job. The worker's own
// schema (graphile_worker) is installed by migrate() before this runs.
export class Outbound1795744000000 implements MigrationInterface {
  name = 'Outbound1795744000000';

  public async up(q: QueryRunner): Promise<void> {
    const [{ ok }] = (await q.query(
      `SELECT to_regprocedure('graphile_worker.add_job(text,json,text,timestamptz,integer,text,integer,text[],text)') IS NOT NULL AS ok`,
    )) as [{ ok: boolean }];
    if (!ok)
      throw new Error(
        'graphile_worker schema is missing: migrate() installs it (installJobSchema) before the TypeORM migrations',
      );

    // Statement delivery state, on the outbox row itself (one row per statement).
    await q.query(`ALTER TABLE "outbox"
      ADD "status" varchar(20) NOT NULL DEFAULT 'QUEUED',
      ADD "next_attempt_at" timestamptz,
      ADD "last_error" text,
      ADD CONSTRAINT "outbox_status_check" CHECK ("status" IN ('QUEUED', 'SENT', 'RETRYING', 'FAILED'))`);
    await q.query(`UPDATE "outbox" SET "status" = 'SENT' WHERE "delivered_at" IS NOT NULL`);

    await q.query(`
      CREATE FUNCTION outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM graphile_worker.add_job('statement_mail', json_build_object('statementId', NEW.id),
                                        job_key := 'statement:' || NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "outbox_enqueue" AFTER INSERT ON "outbox" FOR EACH ROW
      WHEN (NEW.topic = 'statement' AND NEW.delivered_at IS NULL) EXECUTE FUNCTION outbox_enqueue()`);
    // Statements written before this migration get their e-mail too.
    await q.query(`SELECT graphile_worker.add_job('statement_mail', json_build_object('statementId', id),
                                                  job_key := 'statement:' || id)
                     FROM "outbox" WHERE topic = 'statement' AND delivered_at IS NULL`);

    await q.query(`CREATE TABLE "webhook_endpoints" (
      "id" uuid PRIMARY KEY,
      "owner_key_id" uuid REFERENCES "api_keys"("id"),
      "owner_role" "public"."role" NOT NULL,
      "owner_name" varchar(200) NOT NULL,
      "url" varchar(2000) NOT NULL,
      "description" varchar(500),
      "event_types" text[] NOT NULL,
      "account_ids" uuid[],
      "secret" varchar(100) NOT NULL,
      "enabled" boolean NOT NULL DEFAULT true,
      "disabled_reason" text,
      "disabled_at" timestamptz,
      "failing_since" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "webhook_endpoints_owner_idx" ON "webhook_endpoints" ("owner_key_id")`,
    );
    await q.query(`CREATE TABLE "webhook_events" (
      "id" uuid PRIMARY KEY,
      "type" varchar(100) NOT NULL,
      "account_id" uuid NOT NULL REFERENCES "accounts"("id"),
      "payload" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE "webhook_deliveries" (
      "id" uuid PRIMARY KEY,
      "event_id" uuid NOT NULL REFERENCES "webhook_events"("id"),
      "endpoint_id" uuid NOT NULL REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE,
      "status" varchar(20) NOT NULL DEFAULT 'PENDING'
        CHECK ("status" IN ('PENDING', 'RETRYING', 'DELIVERED', 'FAILED')),
      "attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" timestamptz,
      "last_error" text,
      "delivered_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "webhook_deliveries_once" UNIQUE ("event_id", "endpoint_id"))`);
    await q.query(
      `CREATE INDEX "webhook_deliveries_endpoint_idx" ON "webhook_deliveries" ("endpoint_id", "created_at")`,
    );
    await q.query(`CREATE TABLE "webhook_attempts" (
      "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      "delivery_id" uuid NOT NULL REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE,
      "at" timestamptz NOT NULL,
      "status_code" integer,
      "latency_ms" integer NOT NULL,
      "response_excerpt" text,
      "error" text)`);
    await q.query(
      `CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" ("delivery_id", "id")`,
    );

    // GraphQL's DateTimeISO spelling, so payloads read like the API.
    await q.query(`
      CREATE FUNCTION api_time(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      $$`);
    await q.query(`
      CREATE FUNCTION api_lot(l credit_lots) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object('id', l.id, 'source', l.source, 'originalCredits', l.original_credits,
          'remainingCredits', l.remaining_credits, 'spentCredits', l.spent_credits,
          'refundedCredits', l.refunded_credits, 'expiredCredits', l.expired_credits,
          'paymentReference', l.payment_reference, 'createdAt', api_time(l.created_at),
          'expiresAt', api_time(l.expires_at))
      $$`);

    // One event, fanned out to every enabled endpoint that wants its type and
    // whose scope holds the account; each delivery gets its job right here.
    // No event row is written when nobody subscribes (bulk loads stay cheap).
    await q.query(`
      CREATE FUNCTION webhook_targets(p_type text, p_account uuid) RETURNS SETOF uuid
      LANGUAGE sql STABLE AS $$
        SELECT e.id FROM webhook_endpoints e
         WHERE e.enabled AND p_type = ANY (e.event_types)
           AND (e.account_ids IS NULL OR p_account = ANY (e.account_ids))
           AND (e.owner_role <> 'PARTNER' OR EXISTS (
                 SELECT 1 FROM api_key_accounts k JOIN api_keys ak ON ak.id = k.api_key_id
                  WHERE k.api_key_id = e.owner_key_id AND k.account_id = p_account
                    AND ak.revoked_at IS NULL))
      $$`);
    await q.query(`
      CREATE FUNCTION webhook_emit(p_type text, p_account uuid, p_at timestamptz, p_data jsonb)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        ev uuid;
        d record;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM webhook_targets(p_type, p_account)) THEN RETURN; END IF;
        ev := gen_random_uuid();
        INSERT INTO webhook_events (id, type, account_id, payload, created_at)
          VALUES (ev, p_type, p_account,
                  jsonb_build_object('id', ev, 'type', p_type, 'timestamp', api_time(p_at),
                                     'accountId', p_account, 'data', p_data),
                  p_at);
        FOR d IN INSERT INTO webhook_deliveries (id, event_id, endpoint_id)
                   SELECT gen_random_uuid(), ev, t FROM webhook_targets(p_type, p_account) t
                 RETURNING id
        LOOP
          PERFORM graphile_worker.add_job('webhook_delivery', json_build_object('deliveryId', d.id),
                                          job_key := 'webhook:' || d.id);
        END LOOP;
      END $$`);

    await q.query(`
      CREATE FUNCTION webhook_on_charge() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM webhook_emit('charge.created', NEW.account_id, NEW.created_at, jsonb_build_object(
          'id', NEW.id, 'ticketId', NEW.ticket_id, 'credits', NEW.credits, 'included', NEW.included,
          'balanceAfter', NEW.balance_after, 'createdAt', api_time(NEW.created_at)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "charges_webhook" AFTER INSERT ON "charges" FOR EACH ROW
      EXECUTE FUNCTION webhook_on_charge()`);

    await q.query(`
      CREATE FUNCTION webhook_on_refund() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM webhook_emit('refund.created', NEW.account_id, NEW.created_at, jsonb_build_object(
          'id', NEW.id, 'chargeId', NEW.charge_id, 'ticketId', NEW.ticket_id, 'credits', NEW.credits,
          'reason', NEW.reason, 'balanceAfter', NEW.balance_after,
          'createdAt', api_time(NEW.created_at)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "refunds_webhook" AFTER INSERT ON "refunds" FOR EACH ROW
      EXECUTE FUNCTION webhook_on_refund()`);

    await q.query(`
      CREATE FUNCTION webhook_on_purchase() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM webhook_emit('credits.purchased', NEW.account_id, NEW.created_at, api_lot(NEW));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "credit_lots_purchase_webhook" AFTER INSERT ON "credit_lots"
      FOR EACH ROW WHEN (NEW.source = 'PURCHASE') EXECUTE FUNCTION webhook_on_purchase()`);

    // Deferred to commit: the license's grant lot is inserted after the license.
    await q.query(`
      CREATE FUNCTION webhook_on_license() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM webhook_emit('license.issued', NEW.account_id, NEW.created_at, jsonb_build_object(
          'id', NEW.id, 'edition', NEW.edition, 'hostingPlan', NEW.hosting_plan, 'domain', NEW.domain,
          'orderDate', api_time(NEW.order_date), 'listPriceCents', NEW.list_price_cents,
          'paidPriceCents', NEW.paid_price_cents, 'creditsGranted', NEW.credits_granted,
          'grantNote', NEW.grant_note,
          'creditLot', (SELECT api_lot(l) FROM credit_lots l WHERE l.license_id = NEW.id LIMIT 1)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE CONSTRAINT TRIGGER "licenses_webhook" AFTER INSERT ON "licenses"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION webhook_on_license()`);

    await q.query(`
      CREATE FUNCTION webhook_on_expiry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM webhook_emit('credits.expired', NEW.account_id, NEW.at, jsonb_build_object(
          'credits', abs(NEW.credits), 'at', api_time(NEW.at),
          'lot', (SELECT api_lot(l) FROM credit_lots l WHERE l.id = NEW.lot_id)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "ledger_entries_expiry_webhook" AFTER INSERT ON "ledger_entries"
      FOR EACH ROW WHEN (NEW.kind = 'EXPIRY') EXECUTE FUNCTION webhook_on_expiry()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "ledger_entries_expiry_webhook" ON "ledger_entries"`);
    await q.query(`DROP TRIGGER "licenses_webhook" ON "licenses"`);
    await q.query(`DROP TRIGGER "credit_lots_purchase_webhook" ON "credit_lots"`);
    await q.query(`DROP TRIGGER "refunds_webhook" ON "refunds"`);
    await q.query(`DROP TRIGGER "charges_webhook" ON "charges"`);
    for (const f of ['expiry', 'license', 'purchase', 'refund', 'charge'])
      await q.query(`DROP FUNCTION webhook_on_${f}()`);
    await q.query(`DROP FUNCTION webhook_emit(text, uuid, timestamptz, jsonb)`);
    await q.query(`DROP FUNCTION webhook_targets(text, uuid)`);
    await q.query(`DROP FUNCTION api_lot(credit_lots)`);
    await q.query(`DROP FUNCTION api_time(timestamptz)`);
    await q.query(`DROP TABLE "webhook_attempts"`);
    await q.query(`DROP TABLE "webhook_deliveries"`);
    await q.query(`DROP TABLE "webhook_events"`);
    await q.query(`DROP TABLE "webhook_endpoints"`);
    await q.query(`DROP TRIGGER "outbox_enqueue" ON "outbox"`);
    await q.query(`DROP FUNCTION outbox_enqueue()`);
    await q.query(`ALTER TABLE "outbox" DROP CONSTRAINT "outbox_status_check",
      DROP COLUMN "last_error", DROP COLUMN "next_attempt_at", DROP COLUMN "status"`);
  }
}
