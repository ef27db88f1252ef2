import type { DataSource } from 'typeorm';
import { recordAudit, type Actor } from '../audit/audit';
import { parseId } from '../common/ids';
import { OutboxMessageEntity } from './outbox-message.entity';
import { STATEMENT_TOPIC } from './statements';
import { JOBS, addJobSql } from '../db/read-rules';

/**
 * Queues a statement's e-mail again: its state goes back to QUEUED, a claim
 * in flight is released (its attempt will record nothing) and a job is added
 * in the same transaction (the job key keeps one waiting job).
 */
export async function resendStatement(
  ds: DataSource,
  actor: Actor,
  raw: string,
): Promise<OutboxMessageEntity | null> {
  const id = parseId(raw, 'id');
  return ds.transaction(async (tx) => {
    const found = await tx.query<{ id: string }[]>(
      `SELECT id FROM outbox WHERE id = $1 AND topic = $2 FOR UPDATE`,
      [id, STATEMENT_TOPIC],
    );
    if (!found.length) return null;
    await tx.query(
      `UPDATE outbox SET status = 'QUEUED', delivered_at = NULL, attempts = 0, last_error = NULL,
              next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = $1`,
      [id],
    );
    await tx.query(`SELECT ${addJobSql(JOBS.statementMail, 'statementId', '$1::text')}`, [id]);
    const row = await tx.findOneByOrFail(OutboxMessageEntity, { id });
    await recordAudit(tx, actor, 'resendStatement', row.accountId, id);
    return row;
  });
}
