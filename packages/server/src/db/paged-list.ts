import type { DataSource } from 'typeorm';
import { queryRows } from './sql';
import { type Connection, type Page, toConnection } from '../common/pagination';
import { KEY_SQL_TYPE, type Keyset } from './keyset';

/**
 * A root list page, newest first in `keyset`'s order, and its total in one
 * statement: the count is an uncorrelated subquery Postgres evaluates once.
 * Only an empty page (past the end) needs a second statement for the total.
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
    keyset: Keyset;
    /**
     * The total from elsewhere than counting the rows (a rollup): a SELECT of
     * one integer, with its own params as $1..$m. Default: count(*) over `where`.
     */
    count?: { sql: string; params: unknown[] };
  },
  page: Page,
): Promise<Connection<T>> {
  const { columns, table, alias, where, params, keyset } = spec;
  const n = params.length;
  const count = spec.count ?? {
    sql: `SELECT count(*)::int FROM ${table} ${alias} WHERE ${where}`,
    params,
  };
  // The count's params follow the page's own: $n+3 onwards when it brings its own.
  const counted = spec.count
    ? spec.count.sql.replace(/\$(\d+)/g, (_, d: string) => `$${Number(d) + n + 2}`)
    : count.sql;
  const after = `$${n + 1}::${KEY_SQL_TYPE[keyset.keyType]}`;
  const rows = await queryRows<T & { __total: number; __key: string }>(
    ds,
    `SELECT ${columns}, ${keyset.key(alias)} AS "__key", (${counted}) AS "__total"
       FROM ${table} ${alias}
      WHERE ${where} AND ${keyset.before(alias, after)}
      ORDER BY ${keyset.orderBy(alias)} LIMIT $${n + 2}`,
    [...params, page.after, page.first + 1, ...(spec.count ? spec.count.params : [])],
  );
  let total = rows[0]?.__total;
  if (total === undefined) {
    const [row] = await queryRows<{ n: number }>(ds, `SELECT (${count.sql}) AS n`, count.params);
    total = row?.n ?? 0;
  }
  const conn = toConnection(rows, page, total, (r) => r.__key);
  const nodes = conn.nodes.map(({ __total: _, __key: _key, ...row }) => row as unknown as T);
  return { ...conn, nodes };
}
