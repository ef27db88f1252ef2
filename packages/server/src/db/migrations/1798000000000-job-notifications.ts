import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyReadRules } from '../read-rules-sql';

/**
 * Fewer notifications around the jobs (issue 17):
 * - the enqueueing functions, re-applied, also notify their runner's own
 *   channel (read-rules.ts JOB_CHANNELS, addJobSql): neither runner wakes
 *   for the other's jobs, and the webhook runner, told each delivery's
 *   endpoint, leaves its idle slots asleep while a run of that endpoint is
 *   sending (jobs/runner.ts);
 * - retire_job deletes a waiting job by key as graphile-worker's remove_job
 *   does, but without its NOTIFY, whose database-wide commit lock queued
 *   the worker's records and the charges' commits behind each other
 *   (read-rules.ts retireJobSql). PL/pgSQL, so its look for the job is a
 *   statement of its own: it sees a job queued by a commit the caller's
 *   statement waited for (a claim's re-queue, outbox-mail.ts claimOwn).
 */
export class JobNotifications1798000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await applyReadRules(q);
    await q.query(`
      CREATE FUNCTION retire_job(p_key text) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM graphile_worker.complete_jobs(ARRAY(
          SELECT j.id FROM graphile_worker.jobs j WHERE j.key = p_key AND j.locked_at IS NULL));
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION retire_job(text)`);
    // The enqueueing functions stay as re-created: a notification nobody hears is harmless.
  }
}
