import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';

// Named prepared statements are parsed and planned once per connection
// (Postgres settles on a generic plan after five runs). That matters most
// under an account lock: planning a charge's write statement (six CTEs) took
// longer than running it, and every charge on the account waits for it.
// They are off behind a pooler in transaction mode (DB_PREPARED_STATEMENTS),
// which hands each transaction a different server connection.

const enabled = new WeakMap<DataSource, boolean>();

/** Set once at start from the configuration (createGateway, the worker). */
export function usePreparedStatements(ds: DataSource, on: boolean): void {
  enabled.set(ds, on);
}

export function preparedStatementsOn(ds: DataSource): boolean {
  return enabled.get(ds) ?? false;
}

const names = new Map<string, string>();

/** A stable name for a statement's text: the same on every connection. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `ps_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * `tx.query` for fixed SQL, sent as a named prepared statement when the data
 * source allows them. Errors come as TypeORM's QueryFailedError, as from
 * tx.query, so callers read them the same way.
 */
export async function queryPrepared<T extends QueryResultRow>(
  tx: EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const runner = tx.queryRunner;
  if (!runner || !preparedStatementsOn(tx.connection)) return tx.query<T[]>(sql, params);
  const client = (await runner.connect()) as PoolClient;
  tx.connection.logger.logQuery(sql, params, runner);
  try {
    const res = await client.query<T>({ name: statementName(sql), text: sql, values: params });
    return res.rows;
  } catch (err) {
    throw new QueryFailedError(sql, params, err as Error);
  }
}
