import type { EntityManager } from 'typeorm';
import type { ServiceContext } from '../common/context';
import { type RowInsert, insertRow, rowInsert } from '../db/sql';
import { AuditEventEntity } from './audit-event.entity';

/** Who acts, for the audit trail: taken from the request. */
export type Actor = Pick<ServiceContext, 'viewer' | 'requestId'>;

// Written inside the mutation's transaction: the trail and the change commit
// or roll back together.
export function auditRow(
  tx: EntityManager,
  actor: Actor,
  action: string,
  accountId: string | null,
  targetId: string | null,
  details: Record<string, unknown> = {},
): RowInsert {
  return rowInsert(tx, AuditEventEntity, {
    accountId,
    apiKeyId: actor.viewer.keyId,
    actor: `${actor.viewer.role}:${actor.viewer.name}`,
    action,
    targetId,
    requestId: actor.requestId,
    details,
  });
}

export async function recordAudit(
  tx: EntityManager,
  actor: Actor,
  action: string,
  accountId: string | null,
  targetId: string | null,
  details: Record<string, unknown> = {},
): Promise<void> {
  await insertRow(tx, auditRow(tx, actor, action, accountId, targetId, details));
}
