import type { ReadScope } from '../common/access';
import type { ServiceContext } from '../common/context';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { inScopeSql } from '../db/read-rules';
import type { Connection, Page } from '../common/pagination';
import { instant, text } from '../common/validate';
import { pagedList } from '../db/paged-list';
import type { Role } from '../policy/enums';
import type { AuditEventFilter, AuditEventType } from './audit.type';
import { byId } from '../db/keyset';

// Reads over audit_events, newest first. The stored actor is "<role>:<name>"
// (audit.ts); it is split here, in SQL, so the page stays one statement.

/** As the page selects it: actor split into role and key name, details as JSON text. */
export const AUDIT_COLUMNS = `e.id::text AS id, e.at, e.action, e.account_id AS "accountId",
  e.target_id AS "targetId", e.api_key_id AS "keyId",
  split_part(e.actor, ':', 1) AS role, substr(e.actor, strpos(e.actor, ':') + 1) AS "keyName",
  e.request_id AS "requestId", e.details::text AS details`;

/** The filter (validated) and the key's scope, as SQL over `audit_events e`. */
export function auditWhere(
  ctx: ReadScope,
  filter: AuditEventFilter | null | undefined,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const f = filter ?? {};
  if (f.accountId != null)
    parts.push(`e.account_id = ${p(parseId(f.accountId, 'filter.accountId'))}`);
  if (f.keyId != null) parts.push(`e.api_key_id = ${p(parseId(f.keyId, 'filter.keyId'))}`);
  if (f.targetId != null)
    parts.push(`e.target_id = ${p(text(f.targetId, 'filter.targetId', { max: 100 }))}`);
  if (f.actions) {
    const actions = f.actions.map((a) => text(a, 'filter.actions', { max: 100 }));
    parts.push(`e.action = ANY(${p(actions)}::text[])`);
  }
  const from = f.from ? instant(f.from, 'filter.from') : null;
  const to = f.to ? instant(f.to, 'filter.to') : null;
  if (from && to && from > to)
    throw badInput('filter.to', 'filter.to must not be before filter.from.');
  if (from) parts.push(`e.at >= ${p(from)}`);
  if (to) parts.push(`e.at < ${p(to)}`);
  // A partner sees the events of its own accounts; events about no account
  // (keys, endpoints of others) are not its to read.
  if (ctx.access.scoped) {
    parts.push(inScopeSql(p(ctx.viewer.keyId), 'e.account_id'));
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

export interface AuditEventRow extends Omit<AuditEventType, 'role'> {
  role: Role;
}

export function listAuditEvents(
  ctx: ServiceContext,
  filter: AuditEventFilter | null,
  page: Page,
): Promise<Connection<AuditEventRow>> {
  const where = auditWhere(ctx, filter);
  return pagedList<AuditEventRow>(
    ctx.ds,
    {
      columns: AUDIT_COLUMNS,
      table: 'audit_events',
      alias: 'e',
      where: where.sql,
      params: where.params,
      keyset: byId('bigint'),
    },
    page,
  );
}
