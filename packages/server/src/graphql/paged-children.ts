import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { columnsOf, queryRows } from '../db/sql';
import { type Connection, type Page, toConnection } from './pagination';

export interface ChildFilter {
  /** SQL over alias `t`. */
  sql: string;
  params: unknown[];
}

/** Builds the filter with its placeholders numbered from `firstParam`. */
export type ChildFilterAt = (firstParam: number) => ChildFilter;

const noFilter: ChildFilterAt = () => ({ sql: 'TRUE', params: [] });

/**
 * One page of each parent's children, newest first, for many parents in two
 * statements (a LATERAL page per parent over its (account_id, id) index, and
 * the counts). Keeps the SQL count flat however many parents a page has.
 */
export async function pagedChildren<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  spec: { entity: EntityTarget<T>; table: string; idType: 'uuid' | 'bigint' },
  parentIds: string[],
  page: Page,
  filterAt: ChildFilterAt = noFilter,
): Promise<Map<string, Connection<T>>> {
  const cols = columnsOf(ds, spec.entity, 't');
  const pageFilter = filterAt(4);
  const countFilter = filterAt(2);
  const [rows, counts] = await Promise.all([
    queryRows<T & { parentId: string }>(
      ds,
      `SELECT c.* FROM unnest($1::uuid[]) AS p(id) CROSS JOIN LATERAL (
         SELECT ${cols}, t.account_id AS "parentId" FROM ${spec.table} t
          WHERE t.account_id = p.id AND ($2::${spec.idType} IS NULL OR t.id < $2::${spec.idType}) AND (${pageFilter.sql})
          ORDER BY t.id DESC LIMIT $3) c`,
      [parentIds, page.after, page.first + 1, ...pageFilter.params],
    ),
    queryRows<{ parentId: string; n: number }>(
      ds,
      `SELECT t.account_id AS "parentId", count(*)::int AS n FROM ${spec.table} t
        WHERE t.account_id = ANY($1::uuid[]) AND (${countFilter.sql})
        GROUP BY t.account_id`,
      [parentIds, ...countFilter.params],
    ),
  ]);
  const total = new Map(counts.map((c) => [c.parentId, c.n]));
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const { parentId, ...rest } = row;
    const list = grouped.get(parentId) ?? [];
    list.push(rest as unknown as T);
    grouped.set(parentId, list);
  }
  const result = new Map<string, Connection<T>>();
  for (const id of parentIds) {
    result.set(id, toConnection(grouped.get(id) ?? [], page, total.get(id) ?? 0, (r) => String(r.id)));
  }
  return result;
}
