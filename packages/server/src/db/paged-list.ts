import type { DataSource } from 'typeorm';
import { queryRows } from './sql';
import { type Connection, type KeyType, type Page, toConnection } from '../common/pagination';

/**
 * A root list page, newest first, and its total in one statement: the count
 * is an uncorrelated subquery Postgres evaluates once. Only an empty page
 * (past the end) needs a second statement for the total.
 */
export async function pagedList<T extends { id: string }>(
  ds: DataSource,
  spec: {
    /** Select list over `alias`. */
    columns: string;
    table: string;
    alias: string;
    /** Filter over `alias`, with its params as $1..$n. */
    where: string;
    params: unknown[];
    keyType: KeyType;
  },
  page: Page,
): Promise<Connection<T>> {
  const { columns, table, alias, where, params, keyType } = spec;
  const n = params.length;
  const rows = await queryRows<T & { __total: number }>(
    ds,
    `SELECT ${columns}, (SELECT count(*)::int FROM ${table} ${alias} WHERE ${where}) AS "__total"
       FROM ${table} ${alias}
      WHERE ${where} AND ($${n + 1}::${keyType} IS NULL OR ${alias}.id < $${n + 1}::${keyType})
      ORDER BY ${alias}.id DESC LIMIT $${n + 2}`,
    [...params, page.after, page.first + 1],
  );
  let total = rows[0]?.__total;
  if (total === undefined) {
    const [count] = await queryRows<{ n: number }>(
      ds,
      `SELECT count(*)::int AS n FROM ${table} ${alias} WHERE ${where}`,
      params,
    );
    total = count?.n ?? 0;
  }
  const nodes = rows.map(({ __total: _, ...row }) => row as unknown as T);
  return toConnection(nodes, page, total, (r) => r.id);
}
