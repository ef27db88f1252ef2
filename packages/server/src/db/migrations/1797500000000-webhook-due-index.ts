import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deliveries still to make, per endpoint in the order they were queued
 * (issue 17). A webhook job goes on with its endpoint's next due delivery in
 * the statement that records the one it just made (jobs/tasks/webhook-delivery.ts);
 * the index holds only the deliveries not yet DELIVERED or FAILED, so that
 * look-up stays a short range scan however much history an endpoint has
 * (webhook_deliveries_endpoint_idx would walk every delivered row first).
 *
 * Built CONCURRENTLY, outside a transaction: a plain CREATE INDEX would hold
 * off every charge that fans out a webhook while it reads the table. A build
 * that died half-way leaves an invalid index behind; it is dropped and built
 * again.
 */
export class WebhookDueIndex1797500000000 implements MigrationInterface {
  name = 'WebhookDueIndex1797500000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    const invalid = (await q.query(
      `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname = 'webhook_deliveries_due_idx' AND NOT i.indisvalid`,
    )) as unknown[];
    if (invalid.length) await q.query(`DROP INDEX CONCURRENTLY "webhook_deliveries_due_idx"`);
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "webhook_deliveries_due_idx"
         ON "webhook_deliveries" ("endpoint_id", "created_at", "id")
         WHERE "status" IN ('PENDING', 'RETRYING')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS "webhook_deliveries_due_idx"`);
  }
}
