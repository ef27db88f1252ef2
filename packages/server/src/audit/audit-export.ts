import type { ServiceContext } from '../common/context';
import { type SnapshotCursor, openSnapshotCursor } from '../db/snapshot-cursor';
import { auditWhere } from './audit-trail';
import type { AuditEventFilter } from './audit.type';

// The audit trail as CSV rows: the `auditEvents` filter and scope (one
// `auditWhere`), newest first, through a cursor in one REPEATABLE READ
// snapshot, as ledger/charge-export.ts reads charges.

export const AUDIT_EXPORT_COLUMNS = [
  ['event_id', 'e.id::text'],
  ['at', 'e.at'],
  ['action', 'e.action'],
  ['account_id', 'e.account_id'],
  ['target_id', 'e.target_id'],
  ['key_id', 'e.api_key_id'],
  ['key_name', "substr(e.actor, strpos(e.actor, ':') + 1)"],
  ['role', "split_part(e.actor, ':', 1)"],
  ['request_id', 'e.request_id'],
  ['details', 'e.details::text'],
] as const;

export type AuditExportRow = Record<(typeof AUDIT_EXPORT_COLUMNS)[number][0], unknown>;

/** Validates the filter (BAD_USER_INPUT before any connection is taken) and opens the cursor. */
export async function openAuditCursor(
  ctx: Pick<ServiceContext, 'access' | 'viewer' | 'ds'>,
  filter: AuditEventFilter | null,
): Promise<SnapshotCursor<AuditExportRow>> {
  const where = auditWhere(ctx, filter);
  const sql = `SELECT ${AUDIT_EXPORT_COLUMNS.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}
       FROM audit_events e WHERE ${where.sql} ORDER BY e.id DESC`;
  return openSnapshotCursor<AuditExportRow>(ctx.ds, sql, where.params);
}
