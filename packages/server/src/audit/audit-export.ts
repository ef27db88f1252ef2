import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';
import type { ServiceContext } from '../common/context';
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

const BATCH = 500;

export interface AuditCursor {
  rows: AsyncIterableIterator<AuditExportRow>;
  close: (failed?: unknown) => Promise<void>;
}

function poolOf(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

/** Validates the filter (BAD_USER_INPUT before any connection is taken) and opens the cursor. */
export async function openAuditCursor(
  ctx: Pick<ServiceContext, 'access' | 'viewer' | 'ds'>,
  filter: AuditEventFilter | null,
): Promise<AuditCursor> {
  const where = auditWhere(ctx, filter);
  const sql = `SELECT ${AUDIT_EXPORT_COLUMNS.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}
       FROM audit_events e WHERE ${where.sql} ORDER BY e.id DESC`;
  const client: PoolClient = await poolOf(ctx.ds).connect();
  let open: QueryStream;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    open = client.query(new QueryStream(sql, where.params, { batchSize: BATCH }));
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  let closed = false;
  return {
    rows: open[Symbol.asyncIterator]() as AsyncIterableIterator<AuditExportRow>,
    async close(failed?: unknown) {
      if (closed) return;
      closed = true;
      if (!open.destroyed) open.destroy();
      try {
        await client.query(failed ? 'ROLLBACK' : 'COMMIT');
        client.release();
      } catch (err) {
        client.release(err as Error);
      }
    },
  };
}
