import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { columnsOf, groupBy, indexBy, queryRows } from '../db/sql';

// Builders for the per-request DataLoaders: one SQL statement per batch,
// whatever the number of parents.

/** Rows by a unique column (the id, or another unique key). */
export function oneBy<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  table: string,
  column: string,
  keyOf: (row: T) => string | null,
): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const rows = await queryRows<T>(
      ds,
      `SELECT ${columnsOf(ds, entity, 't')} FROM ${table} t WHERE t.${column} = ANY($1::uuid[])`,
      [keys],
    );
    return indexBy(keys, rows, (r) => keyOf(r) ?? '');
  });
}

/** All rows whose column matches, grouped per key, in `orderBy` order. */
export function manyBy<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  table: string,
  column: string,
  keyOf: (row: T) => string | null,
  orderBy: string,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await queryRows<T>(
      ds,
      `SELECT ${columnsOf(ds, entity, 't')} FROM ${table} t WHERE t.${column} = ANY($1::uuid[]) ORDER BY ${orderBy}`,
      [keys],
    );
    return groupBy(keys, rows, (r) => keyOf(r) ?? '');
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
