import type { PoolClient } from 'pg';

/** Runs fn in a transaction on a client a task borrowed; rolls back on any throw. */
export async function inTransaction<T>(client: PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const out = await fn();
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/** Schedules a job on the same transaction (graphile-worker's SQL API). */
export async function addJobSql(
  client: PoolClient,
  task: string,
  payload: object,
  jobKey: string,
  runAt: Date | null = null,
  queueName: string | null = null,
): Promise<void> {
  await client.query(
    'SELECT graphile_worker.add_job($1, $2::json, queue_name := $5, run_at := $3, job_key := $4)',
    [task, JSON.stringify(payload), runAt, jobKey, queueName],
  );
}
