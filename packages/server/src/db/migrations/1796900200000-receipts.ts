import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Receipts (issue 16): a purchase and a license grant each write a customer
 * message to the outbox (topic 'receipt') in their own transaction, as
 * charges and refunds write statements (P18); the outbox insert enqueues its
 * e-mail job, as for statements.
 */
export class Receipts1796900200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION receipt_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM graphile_worker.add_job('receipt_mail', json_build_object('receiptId', NEW.id),
                                        job_key := 'receipt:' || NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "receipt_enqueue" AFTER INSERT ON "outbox" FOR EACH ROW
      WHEN (NEW.topic = 'receipt' AND NEW.delivered_at IS NULL) EXECUTE FUNCTION receipt_enqueue()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "receipt_enqueue" ON "outbox"`);
    await q.query(`DROP FUNCTION receipt_enqueue()`);
  }
}
