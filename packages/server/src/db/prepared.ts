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

/** Names computed so far, by text; a cache only, so past its bound it starts over. */
const names = new Map<string, string>();
export const MAX_STATEMENT_NAMES = 2000;

/** A stable name for a statement's text: the same on every connection. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `ps_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    if (names.size >= MAX_STATEMENT_NAMES) names.clear();
    names.set(sql, name);
  }
  return name;
}

export const statementNamesKept = () => names.size;

/** pg's own record of what a connection has prepared (it skips Parse for a name it holds). */
interface PgConnection {
  parsedStatements: Record<string, string | undefined>;
}

/** The names prepared on each connection by queryBounded, least recently used first. */
const preparedOn = new WeakMap<PoolClient, Map<string, true>>();

/**
 * Runs `sql` on `client` as a named prepared statement, keeping at most
 * `max` such statements on the connection: the least recently used one is
 * DEALLOCATEd (and forgotten by pg) to make room. For statements built from
 * client documents (the compiled reads), which would otherwise pile up in
 * every backend (each holds its plan, some 100 KB) for as long as it lives.
 */
export async function queryBounded<T extends QueryResultRow>(
  client: PoolClient,
  sql: string,
  values: unknown[],
  max: number,
): Promise<T[]> {
  const name = statementName(sql);
  let lru = preparedOn.get(client);
  if (!lru) preparedOn.set(client, (lru = new Map<string, true>()));
  if (lru.delete(name)) lru.set(name, true);
  else {
    const pg = (client as unknown as { connection: PgConnection }).connection;
    for (const old of lru.keys()) {
      if (lru.size < max) break;
      lru.delete(old);
      if (pg.parsedStatements[old] !== undefined) {
        await client.query(`DEALLOCATE ${old}`);
        delete pg.parsedStatements[old];
      }
    }
    lru.set(name, true);
  }
  const res = await client.query<T>({ name, text: sql, values });
  return res.rows;
}

/** How many statements queryBounded keeps on `client` (for tests). */
export const boundedOn = (client: PoolClient) => preparedOn.get(client)?.size ?? 0;

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
