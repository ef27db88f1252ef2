import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each lot cost (issue 16): the amount paid, in integer minor units
 * (cents), and its ISO 4217 currency. A purchase records both or neither;
 * a license grant costs nothing (0, no currency), and so does a refund
 * lot (the value of its credits stays, as spent, with the expired lot they
 * were charged from); existing grants and refund lots are backfilled to 0,
 * existing purchases stay unknown (NULL).
 */
export class LotMoney1796900100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "credit_lots" ADD "amount_paid_cents" integer`);
    await q.query(`ALTER TABLE "credit_lots" ADD "currency" character(3)`);
    await q.query(`UPDATE credit_lots SET amount_paid_cents = 0 WHERE source = 'LICENSE_GRANT'`);
    await q.query(`ALTER TABLE "credit_lots" ADD CONSTRAINT "credit_lots_money_check"
      CHECK (("amount_paid_cents" IS NULL OR "amount_paid_cents" >= 0)
             AND ("currency" IS NULL OR ("amount_paid_cents" IS NOT NULL AND "currency" ~ '^[A-Z]{3}$')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "credit_lots" DROP CONSTRAINT "credit_lots_money_check"`);
    await q.query(`ALTER TABLE "credit_lots" DROP COLUMN "currency"`);
    await q.query(`ALTER TABLE "credit_lots" DROP COLUMN "amount_paid_cents"`);
  }
}
