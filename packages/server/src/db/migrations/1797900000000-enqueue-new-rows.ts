import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyReadRules } from '../read-rules-sql';

/**
 * A cheaper charge transaction (issue 17), by re-applying the read-rule
 * functions:
 * - the triggers that enqueue a new row's job (statements, receipts,
 *   low-balance notices, webhook deliveries) insert it without
 *   graphile-worker's search for a running job with the same key: the key is
 *   the new row's id, so there is none, and the search's cached plan scanned
 *   every waiting job (read-rules.ts addJobSql);
 * - webhook_silenced and webhook_targets are PL/pgSQL, whose plans a session
 *   keeps, and webhook_emit reads an event's targets once instead of twice.
 */
export class EnqueueNewRows1797900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await applyReadRules(q);
  }

  async down(): Promise<void> {
    // The functions stay as re-created: they enqueue the same jobs.
  }
}
