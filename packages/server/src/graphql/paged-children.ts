import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { columnsOf, queryRows } from '../db/sql';
import { type Connection, type Page, toConnection } from '../common/pagination';

export interface ChildFilter {
  /** SQL over alias `t`. */
  sql: string;
  params: unknown[];
}

/** Builds the filter with its placeholders numbered from `firstParam`. */
export type ChildFilterAt = (firstParam: number) => ChildFilter;

const noFilter: ChildFilterAt = () => ({ sql: 'TRUE', params: [] });

/**
 * One page of each parent's children, newest first, with each parent's total,
 * for many parents in ONE statement: a LATERAL page per parent over its
 * (parent, id) index, and a LATERAL count. The SQL count stays flat
 * however many parents a page has.
 */
export async function pagedChildren<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  spec: { entity: EntityTarget<T>; parent: keyof T & string },
  parentIds: string[],
  page: Page,
  filterAt: ChildFilterAt = noFilter,
): Promise<Map<string, Connection<T>>> {
  // Table, parent column and id type come from the entity, not from strings here.
  const meta = ds.getMetadata(spec.entity);
  const parent = meta.findColumnWithPropertyName(spec.parent)?.databaseName;
  const idType = meta.findColumnWithPropertyName('id')?.type;
  if (!parent || (idType !== 'uuid' && idType !== 'bigint'))
    throw new Error(`${meta.name}: no ${spec.parent} column, or an id that is not uuid/bigint`);
  const table = meta.tableName;
  const filter = filterAt(4);
  const rows = await queryRows<T & { __parent: string; __total: number }>(
    ds,
    `SELECT p.id AS "__parent", n.total AS "__total", c.*
       FROM unnest($1::uuid[]) AS p(id)
       CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM ${table} t WHERE t."${parent}" = p.id AND (${filter.sql})) n
       LEFT JOIN LATERAL (
         SELECT ${columnsOf(ds, spec.entity, 't')} FROM ${table} t
          WHERE t."${parent}" = p.id AND ($2::${idType} IS NULL OR t.id < $2::${idType}) AND (${filter.sql})
          ORDER BY t.id DESC LIMIT $3) c ON TRUE`,
    [parentIds, page.after, page.first + 1, ...filter.params],
  );
  const total = new Map<string, number>();
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const { __parent, __total, ...child } = row;
    total.set(__parent, __total);
    if (child.id === null) continue; // a parent with no child on this page
    const list = grouped.get(__parent) ?? [];
    list.push(child as unknown as T);
    grouped.set(__parent, list);
  }
  const result = new Map<string, Connection<T>>();
  for (const id of parentIds) {
    result.set(
      id,
      toConnection(grouped.get(id) ?? [], page, total.get(id) ?? 0, (r) => String(r.id)),
    );
  }
  return result;
}
