import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyReadRules } from '../read-rules-sql';

/**
 * Receipts (issue 16): a purchase and a license grant each write a customer
 * message to the outbox (topic 'receipt') in their own transaction, as
 * charges and refunds write statements (P18); the outbox insert enqueues its
 * e-mail job, as for statements.
 */
export class Receipts1796900200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // receipt_enqueue() is defined with the other job triggers in read-rules-sql.
    await applyReadRules(q);
    await q.query(`CREATE TRIGGER "receipt_enqueue" AFTER INSERT ON "outbox" FOR EACH ROW
      WHEN (NEW.topic = 'receipt' AND NEW.delivered_at IS NULL) EXECUTE FUNCTION receipt_enqueue()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "receipt_enqueue" ON "outbox"`);
    await q.query(`DROP FUNCTION receipt_enqueue()`);
  }
}
