import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The support desk (issue 15). A ticket records the key that opened it, so the
 * queue can show and filter by it in the page's one statement; existing
 * tickets take it from their `openTicket` audit event. The queue pages by
 * status newest first, and the audit trail by key, so both get an index.
 */
export class SupportDesk1796800000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "tickets" ADD "opened_by_key_id" uuid, ADD "opened_by_name" character varying(200)`,
    );
    // The trail is append-only; this only reads it. actor is "<role>:<name>".
    await q.query(`
      UPDATE tickets t
         SET opened_by_key_id = e.api_key_id,
             opened_by_name = substr(e.actor, strpos(e.actor, ':') + 1)
        FROM audit_events e
       WHERE e.action = 'openTicket' AND e.target_id = t.id::text`);
    await q.query(`CREATE INDEX "tickets_status_idx" ON "tickets" ("status", "id") `);
    await q.query(`CREATE INDEX "tickets_opened_by_idx" ON "tickets" ("opened_by_key_id", "id") `);
    await q.query(`CREATE INDEX "audit_events_key_idx" ON "audit_events" ("api_key_id", "id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."audit_events_key_idx"`);
    await q.query(`DROP INDEX "public"."tickets_opened_by_idx"`);
    await q.query(`DROP INDEX "public"."tickets_status_idx"`);
    await q.query(
      `ALTER TABLE "tickets" DROP COLUMN "opened_by_name", DROP COLUMN "opened_by_key_id"`,
    );
  }
}
