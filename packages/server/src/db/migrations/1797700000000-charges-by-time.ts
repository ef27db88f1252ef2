import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Analysts' charge pages are ordered by created_at, then id (db/keyset's
 * byCreatedAt), so a date range's newest page is a range of this index.
 * Ordered by id alone, a range ending in the past walked the primary key
 * back past every newer charge: 485 ms for 90 whole days at 10M charges
 * (docs/benchmarks.md). It replaces charges_created_idx, which it covers.
 * Built CONCURRENTLY, outside a transaction, so that charges are not held
 * off; a build that died half-way is dropped and redone.
 */
export class ChargesByTime1797700000000 implements MigrationInterface {
  name = 'ChargesByTime1797700000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    const invalid = (await q.query(
      `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname = 'charges_created_id_idx' AND NOT i.indisvalid`,
    )) as unknown[];
    if (invalid.length) await q.query(`DROP INDEX CONCURRENTLY "charges_created_id_idx"`);
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "charges_created_id_idx" ON "charges" ("created_at", "id")`,
    );
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS "charges_created_idx"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "charges_created_idx" ON "charges" ("created_at")`,
    );
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS "charges_created_id_idx"`);
  }
}
