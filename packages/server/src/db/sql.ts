import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

type Queryable = DataSource | EntityManager;

const selectLists = new Map<unknown, string>();

/**
 * `"account_id" AS "accountId", ...` for an entity, so hand-written SQL returns
 * rows shaped like the entity (pg already maps timestamptz to Date and
 * integer to number).
 */
export function columnsOf(
  q: Queryable,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
): string {
  const cacheKey = `${String((entity as { name?: string }).name)}:${alias}`;
  let list = selectLists.get(cacheKey);
  if (!list) {
    const ds = 'dataSource' in q ? q.dataSource : q;
    const meta = ds.getMetadata(entity);
    list = meta.columns
      .map((c) => `${alias}."${c.databaseName}" AS "${c.propertyName}"`)
      .join(', ');
    selectLists.set(cacheKey, list);
  }
  return list;
}

/**
 * One entity row as an INSERT's parts (column names from the entity's
 * metadata), so a module can own what its row holds while the caller
 * decides how it is sent: alone, or inside a larger statement.
 */
export interface RowInsert {
  table: string;
  columns: string[];
  values: unknown[];
}

export function rowInsert<T extends ObjectLiteral>(
  q: Queryable,
  entity: EntityTarget<T>,
  row: Partial<T>,
): RowInsert {
  const ds = 'dataSource' in q ? q.dataSource : q;
  const meta = ds.getMetadata(entity);
  const columns: string[] = [];
  const values: unknown[] = [];
  for (const c of meta.columns) {
    if (!(c.propertyName in row)) continue; // the column's default
    const v = (row as Record<string, unknown>)[c.propertyName];
    columns.push(c.databaseName);
    // pg would send an array value as a Postgres array: JSON goes as text.
    values.push(c.type === 'jsonb' || c.type === 'json' ? JSON.stringify(v) : v);
  }
  return { table: meta.tableName, columns, values };
}

function valuesList(row: RowInsert, firstParam: number): string {
  const cols = row.columns.map((c) => `"${c}"`).join(', ');
  const params = row.values.map((_, i) => `$${firstParam + i}`).join(', ');
  return `INSERT INTO "${row.table}" (${cols}) VALUES (${params})`;
}

export async function insertRow(q: Queryable, row: RowInsert): Promise<void> {
  await q.query(valuesList(row, 1), row.values);
}

/**
 * The rows as data-modifying CTEs (`r0 AS (INSERT ...), r1 AS ...`) whose
 * parameters start at `$firstParam`, to put in front of another statement:
 * Postgres runs each exactly once, whether or not the statement reads it,
 * and one round trip writes them all.
 */
export function insertCtes(
  rows: RowInsert[],
  firstParam: number,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [i, row] of rows.entries()) {
    parts.push(`r${i} AS (${valuesList(row, firstParam + params.length)})`);
    params.push(...row.values);
  }
  return { sql: parts.join(',\n'), params };
}

export async function queryRows<T>(
  q: Queryable,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return await q.query<T[]>(sql, params);
}

/** Groups rows by a key, keeping the order of `keys` (DataLoader's contract). */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

export function indexBy<T>(
  keys: readonly string[],
  rows: T[],
  keyOf: (row: T) => string,
): (T | null)[] {
  const map = new Map<string, T>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}
