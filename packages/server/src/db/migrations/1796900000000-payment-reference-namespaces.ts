import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payment references scoped to who records them (issue 19, finding 4). One
 * namespace for everyone let a partner learn that another's reference exists
 * (IDEMPOTENCY_CONFLICT) and register guessable order numbers first, so the
 * other partner's real purchases failed. Now each PARTNER key records into its
 * own namespace (its key id) and staff keys share the vendor's ('vendor'); P7
 * holds within a namespace.
 *
 * Existing purchase lots take the namespace of the key that recorded them,
 * read from their purchaseCredits audit event: a partner key's id, else the
 * vendor's. Under the old index every reference was unique, so no backfilled
 * pair can collide.
 */
export class PaymentReferenceNamespaces1796900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "credit_lots" ADD "payment_namespace" character varying(40)`);
    await q.query(`
      UPDATE credit_lots l
         SET payment_namespace = COALESCE((
               SELECT k.id::text
                 FROM audit_events e JOIN api_keys k ON k.id = e.api_key_id
                WHERE e.action = 'purchaseCredits' AND e.target_id = l.id::text AND k.role = 'PARTNER'
                LIMIT 1), 'vendor')
       WHERE l.payment_reference IS NOT NULL`);
    await q.query(`DROP INDEX "public"."credit_lots_payment_reference_uq"`);
    await q.query(
      `CREATE UNIQUE INDEX "credit_lots_payment_reference_uq" ON "credit_lots" ("payment_namespace", "payment_reference") WHERE "payment_reference" IS NOT NULL`,
    );
    await q.query(`ALTER TABLE "credit_lots" ADD CONSTRAINT "credit_lots_payment_namespace_check"
      CHECK (("payment_reference" IS NULL) = ("payment_namespace" IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "credit_lots" DROP CONSTRAINT "credit_lots_payment_namespace_check"`,
    );
    await q.query(`DROP INDEX "public"."credit_lots_payment_reference_uq"`);
    await q.query(
      `CREATE UNIQUE INDEX "credit_lots_payment_reference_uq" ON "credit_lots" ("payment_reference") WHERE "payment_reference" IS NOT NULL`,
    );
    await q.query(`ALTER TABLE "credit_lots" DROP COLUMN "payment_namespace"`);
  }
}
