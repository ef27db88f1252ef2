import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { columnsOf, groupBy, indexBy, queryRows } from '../db/sql';

// Builders for the per-request DataLoaders: one SQL statement per batch,
// whatever the number of parents.

/**
 * The table, column and SQL type behind an entity's property, from TypeORM's
 * metadata: a renamed column or table changes here with the entity.
 */
function keyColumn<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
): { table: string; column: string; sqlType: string } {
  const meta = ds.getMetadata(entity);
  const col = meta.findColumnWithPropertyName(property);
  if (!col) throw new Error(`${meta.name} has no column for property ${property}`);
  return { table: meta.tableName, column: col.databaseName, sqlType: String(col.type) };
}

/** Rows by a unique property (the id, or another unique key). */
export function oneBy<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string,
): DataLoader<string, T | null> {
  const { table, column, sqlType } = keyColumn(ds, entity, key);
  return new DataLoader(async (keys) => {
    const rows = await queryRows<T>(
      ds,
      `SELECT ${columnsOf(ds, entity, 't')} FROM ${table} t WHERE t."${column}" = ANY($1::${sqlType}[])`,
      [keys],
    );
    return indexBy(keys, rows, (r) => String(r[key] ?? ''));
  });
}

/** All rows whose property matches, grouped per key, in `orderBy` (SQL over `t`) order. */
export function manyBy<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  key: keyof T & string,
  orderBy: string,
): DataLoader<string, T[]> {
  const { table, column, sqlType } = keyColumn(ds, entity, key);
  return new DataLoader(async (keys) => {
    const rows = await queryRows<T>(
      ds,
      `SELECT ${columnsOf(ds, entity, 't')} FROM ${table} t WHERE t."${column}" = ANY($1::${sqlType}[]) ORDER BY ${orderBy}`,
      [keys],
    );
    return groupBy(keys, rows, (r) => String(r[key] ?? ''));
  });
}

/**
 * Loader keyed by "parent|args": keys are batched per distinct args, so a page
 * of parents asking the same page of children costs one statement.
 */
export function perArgs<A, V>(
  fetch: (parentIds: string[], args: A) => Promise<Map<string, V>>,
  empty: () => V,
): DataLoader<{ parentId: string; args: A }, V, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { args: A; ids: string[] }>();
      for (const k of keys) {
        const sig = JSON.stringify(k.args);
        const g = groups.get(sig) ?? { args: k.args, ids: [] };
        g.ids.push(k.parentId);
        groups.set(sig, g);
      }
      const results = new Map<string, V>();
      await Promise.all(
        [...groups.entries()].map(async ([sig, g]) => {
          const found = await fetch(g.ids, g.args);
          for (const id of g.ids) results.set(`${id}|${sig}`, found.get(id) ?? empty());
        }),
      );
      return keys.map((k) => results.get(`${k.parentId}|${JSON.stringify(k.args)}`) ?? empty());
    },
    { cacheKeyFn: (k) => `${k.parentId}|${JSON.stringify(k.args)}` },
  );
}
