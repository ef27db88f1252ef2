import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { statementName } from '../db/prepared';
import type { PortalSettings } from '../common/context';
import {
  insertLinkParams,
  insertLinkSql,
  type MintedLink,
  prepareLink,
} from '../portal/portal-links';

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

/**
 * A task's statement that runs for every message (a claim, a record), as a
 * named prepared statement: parsed and planned once per connection, where
 * planning the CTE statements took as long as running them. The job pool
 * always connects directly (never through PgBouncer), so names hold.
 */
export async function queryPrepared<T extends QueryResultRow>(
  client: PoolClient,
  text: string,
  values: unknown[],
): Promise<QueryResult<T>> {
  return client.query<T>({ name: statementName(text), text, values });
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

/**
 * The portal link a customer e-mail carries, made as its delivery starts: a
 * statement of its own, committed before the message's transaction begins
 * (call it outside inTransaction), so the link works the moment the message
 * leaves, even should that transaction then fail. Only the token's hash is
 * stored, so each rendering mints a link; a retried delivery mints another.
 * `accountSql` finds the message's account while it still waits to be sent:
 * null, and no link, when there is nothing to send.
 */
export async function mintMailLink(
  client: PoolClient,
  settings: PortalSettings,
  accountSql: string,
  params: unknown[],
): Promise<MintedLink | null> {
  const link = prepareLink(settings);
  const { rows } = await client.query<{ expires_at: Date }>(
    insertLinkSql(accountSql, 'now()', params.length + 1),
    [...params, ...insertLinkParams(link, null)],
  );
  return rows[0] ? { id: link.id, url: link.url, expiresAt: rows[0].expires_at } : null;
}
