import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndexConcurrently } from './concurrent-index';

/**
 * The charge rollup answers whole UTC days; the part-days at either end of
 * an analyst's date range are summed from the charge rows themselves
 * (ledger/charge-history's rollupSource). Over charges_created_id_idx each
 * such row cost a heap page of its own (a day's charges are spread over the
 * table), so the part-days grew with the charges per day: a "last 90 days"
 * count took 3.3x as long at 10M charges as at 1M. This index carries the
 * columns those sums read, so the part-days are an index-only scan. It
 * replaces charges_created_id_idx (same key: the charges pages' order).
 * Built CONCURRENTLY, so that charges are not held off.
 */
export class ChargesByTimeCovering1798100000000 implements MigrationInterface {
  name = 'ChargesByTimeCovering1798100000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await createIndexConcurrently(
      q,
      'charges_by_time_idx',
      `"charges" ("created_at", "id") INCLUDE ("account_id", "category", "edition", "included", "credits")`,
    );
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS "charges_created_id_idx"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await createIndexConcurrently(q, 'charges_created_id_idx', `"charges" ("created_at", "id")`);
    await q.query(`DROP INDEX CONCURRENTLY IF EXISTS "charges_by_time_idx"`);
  }
}
