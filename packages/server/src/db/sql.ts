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
