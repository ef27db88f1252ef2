import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyReadRules } from '../read-rules-sql';

/**
 * Outbound hardening (issue 19, findings 2 and 3).
 *
 * - A delivery is claimed for one attempt (claimed_by a worker, until a
 *   lease ends) in a short transaction; the HTTP call runs outside any
 *   transaction and the attempt is recorded in another. The claim of a worker
 *   that died (its liveness lock free) or whose lease ended is taken over.
 * - Each delivery's job goes to the named queue of its endpoint
 *   (graphile-worker runs one job of a queue at a time), so at most one
 *   attempt is in flight per endpoint.
 * - webhook_silenced() is the one rule for "this endpoint may not hear about
 *   this account any more": its owner key revoked (any role), or a partner
 *   whose scope no longer holds the account. Fan-out, the delivery task and
 *   replays all ask it, so a queued delivery or a replay to a revoked or
 *   de-scoped owner is dropped (and recorded as such) instead of sent.
 */
export class OutboundIsolation1796700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE webhook_deliveries ADD COLUMN claimed_by text, ADD COLUMN claimed_until timestamptz`,
    );

    // webhook_silenced(), and webhook_targets() / webhook_emit() asking it and
    // sending each delivery to its endpoint's queue, are read rules: defined
    // in db/read-rules-sql.ts with the other job triggers.
    await applyReadRules(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION webhook_emit(p_type text, p_account uuid, p_at timestamptz, p_data jsonb)
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
      CREATE OR REPLACE FUNCTION webhook_targets(p_type text, p_account uuid) RETURNS SETOF uuid
      LANGUAGE sql STABLE AS $$
        SELECT e.id FROM webhook_endpoints e
         WHERE e.enabled AND p_type = ANY (e.event_types)
           AND (e.account_ids IS NULL OR p_account = ANY (e.account_ids))
           AND (e.owner_role <> 'PARTNER' OR EXISTS (
                 SELECT 1 FROM api_key_accounts k JOIN api_keys ak ON ak.id = k.api_key_id
                  WHERE k.api_key_id = e.owner_key_id AND k.account_id = p_account
                    AND ak.revoked_at IS NULL))
      $$`);
    await q.query(`DROP FUNCTION webhook_silenced(uuid, uuid)`);
    await q.query(
      `ALTER TABLE webhook_deliveries DROP COLUMN claimed_by, DROP COLUMN claimed_until`,
    );
  }
}
