import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox e-mail is claimed for one attempt, as a webhook delivery is
 * (migration OutboundIsolation): claimed_by a worker until claimed_until.
 * A job that sends one message goes on with its topic's next waiting ones
 * (issue 17, jobs/outbox-mail.ts), so a message's own job may come up while
 * another worker is sending it; the claim tells it to wait instead of
 * sending it twice. Both columns are NULL when no claim is running; adding
 * them rewrites nothing.
 *
 * outbox_due_idx holds only the messages still to send, in the order a run
 * takes them. With outbox_pending_idx alone, statistics taken before a
 * backlog (a few rows waiting) made the planner read the whole backlog and
 * sort it for every message (1.5 ms at 1,000 waiting, growing with it).
 * Built CONCURRENTLY, outside a transaction, so that charges writing to the
 * outbox are not held off; a build that died half-way is dropped and redone.
 */
export class OutboxClaims1797600000000 implements MigrationInterface {
  name = 'OutboxClaims1797600000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE outbox ADD COLUMN IF NOT EXISTS claimed_by text,
                          ADD COLUMN IF NOT EXISTS claimed_until timestamptz`,
    );
    const invalid = (await q.query(
      `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname = 'outbox_due_idx' AND NOT i.indisvalid`,
    )) as unknown[];
    if (invalid.length) await q.query(`DROP INDEX CONCURRENTLY "outbox_due_idx"`);
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "outbox_due_idx" ON "outbox" ("topic", "id")
         WHERE "status" IN ('QUEUED', 'RETRYING') AND "delivered_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS "outbox_due_idx"`);
    await q.query(`ALTER TABLE outbox DROP COLUMN claimed_by, DROP COLUMN claimed_until`);
  }
}
