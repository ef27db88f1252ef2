import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyReadRules } from '../read-rules-sql';

/**
 * Each read rule written once (issue 14; db/read-rules.ts).
 *
 * A lot's expiry is kept at millisecond precision, a JavaScript Date's: the
 * one SQL rule "live at t" (expires_at IS NULL OR expires_at > t) then agrees
 * with policy/spending.ts isLive on every input, whatever the precision of
 * t, and stays a bare-column condition the (account_id, expires_at) index
 * serves. Every expiry the gateway writes is a Date already; a value written
 * with microseconds by hand is rounded to its millisecond here.
 *
 * Then the triggers that enqueue jobs, check a new lot's balance or match a
 * partner's webhook scope are re-created from the same emitters.
 */
export class OneReadRule1796500000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit_lots ALTER COLUMN expires_at TYPE timestamptz(3)`);
    await q.query(`ALTER TABLE expiry_notices ALTER COLUMN expires_at TYPE timestamptz(3)`);
    await applyReadRules(q);
  }

  async down(q: QueryRunner): Promise<void> {
    // The functions stay as re-created: they answer as before.
    await q.query(`ALTER TABLE expiry_notices ALTER COLUMN expires_at TYPE timestamptz`);
    await q.query(`ALTER TABLE credit_lots ALTER COLUMN expires_at TYPE timestamptz`);
  }
}
