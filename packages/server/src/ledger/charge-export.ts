import type { ServiceContext } from '../common/context';
import { byCreatedAt } from '../db/keyset';
import { type SnapshotCursor, openSnapshotCursor } from '../db/snapshot-cursor';
import { whereOf } from './charge-history';
import type { ChargeFilter } from './ledger.type';

// The charge history as rows for a CSV export: the same filter and scope as
// the `charges` query (one `whereOf`) and its order (newest first by when each
// was made, db/keyset's byCreatedAt), read through a cursor in one
// REPEATABLE READ snapshot (db/snapshot-cursor.ts).

/** Export columns in file order: header name -> SQL expression. */
export const EXPORT_COLUMNS = [
  ['charge_id', 'c.id'],
  ['charged_at', 'c.created_at'],
  ['account_id', 'c.account_id'],
  ['account_name', 'a.name'],
  ['ticket_id', 'c.ticket_id'],
  ['ticket_subject', 't.subject'],
  ['category', 'c.category'],
  ['level', 't.level'],
  ['license_domain', 'l.domain'],
  ['edition', 'c.edition'],
  ['hosting_plan', 'c.hosting_plan'],
  ['credits', 'c.credits'],
  ['included', 'c.included'],
  ['balance_after', 'c.balance_after'],
  ['refunded', '(r.id IS NOT NULL)'],
  ['refunded_at', 'r.created_at'],
  ['refunded_credits', 'r.credits'],
  ['refund_reason', 'r.reason'],
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number][0], unknown>;

export type ChargeCursor = SnapshotCursor<ExportRow>;

/**
 * Validates the filter (throws BAD_USER_INPUT before any connection is
 * taken) and opens a cursor over the matching charges.
 */
export async function openChargeCursor(
  ctx: Pick<ServiceContext, 'access' | 'viewer' | 'ds'>,
  filter: ChargeFilter | null,
): Promise<ChargeCursor> {
  const where = whereOf(ctx, filter);
  const sql = `SELECT ${EXPORT_COLUMNS.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}
       FROM charges c
       JOIN accounts a ON a.id = c.account_id
       JOIN tickets t ON t.id = c.ticket_id
       JOIN licenses l ON l.id = t.license_id
       LEFT JOIN refunds r ON r.charge_id = c.id
      WHERE ${where.sql}
      ORDER BY ${byCreatedAt.orderBy('c')}`;
  return openSnapshotCursor<ExportRow>(ctx.ds, sql, where.params);
}
