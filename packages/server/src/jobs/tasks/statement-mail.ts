import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';
import { isPermanentMailError, mailErrorReason, type Mailer } from '../../mail/mailer';
import { statementMail } from '../../mail/statement-email';
import type { StatementPayload } from '../../outbox/statements';
import { resendsAfterFault } from '../metrics';
import type { PortalSettings } from '../../common/context';
import { addJobSql, inTransaction, mintMailLink } from '../pg';
import { type Backoff, backoffDelay } from '../retry';
import { JOBS, deadAtSql, liveAtSql } from '../../db/read-rules';

export const STATEMENT_MAIL = JOBS.statementMail.name;
export const statementJobKey = JOBS.statementMail.key;

/** A statement's or receipt's account, while it still waits to be sent. */
export const PENDING_ACCOUNT = `SELECT account_id FROM outbox WHERE id = $1 AND delivered_at IS NULL AND status NOT IN ('SENT', 'FAILED')`;

interface StatementRow {
  id: string;
  payload: StatementPayload;
  created_at: Date;
  delivered_at: Date | null;
  status: string;
  attempts: number;
  account_id: string;
  name: string;
  email: string;
  subject: string | null;
}

/**
 * Sends one statement e-mail (P18). Idempotent per statement: the outbox row
 * is locked while sending and marked SENT in the same transaction, so a
 * redelivered or duplicate job finds it sent and does nothing. Transient
 * failures reschedule this job with backoff; SMTP 5xx answers are final.
 */
export function statementMailTask(deps: {
  mailer: Mailer;
  backoff: Backoff;
  log: Logger;
  portal: PortalSettings;
}): Task {
  return async (raw, helpers) => {
    const { statementId } = raw as { statementId: string };
    await helpers.withPgClient(async (client) => {
      const portal = await mintMailLink(client, deps.portal, PENDING_ACCOUNT, [statementId]);
      if (!portal) return;
      await inTransaction(client, async () => {
        const { rows } = await client.query<StatementRow>(
          `SELECT o.id, o.payload, o.created_at, o.delivered_at, o.status, o.attempts, o.account_id,
                  a.name, a.email, t.subject
             FROM outbox o JOIN accounts a ON a.id = o.account_id
             LEFT JOIN tickets t ON t.id = (o.payload->>'ticketId')::uuid
            WHERE o.id = $1 FOR UPDATE OF o SKIP LOCKED`,
          [statementId],
        );
        const s = rows[0];
        // Locked: another worker is sending it right now. Sent or failed: done.
        if (!s || s.delivered_at || s.status === 'SENT' || s.status === 'FAILED') return;

        const { rows: expiring } = await client.query<{ credits: number; expires_at: Date }>(
          `SELECT remaining_credits AS credits, expires_at FROM credit_lots l
            WHERE account_id = $1 AND remaining_credits > 0
              AND ${liveAtSql('l', '$2')} AND ${deadAtSql('l', "$2 + interval '30 days'")}
            ORDER BY expires_at`,
          [s.account_id, s.created_at],
        );
        const mail = statementMail({
          statementId: s.id,
          payload: s.payload,
          account: { name: s.name, email: s.email },
          ticket: { id: s.payload.ticketId, subject: s.subject ?? '' },
          expiring: expiring.map((e) => ({ credits: e.credits, expiresAt: e.expires_at })),
          portal,
        });
        const attempt = s.attempts + 1;
        // An earlier run of this job ended unreleased (a fault): it may have sent this already.
        if (helpers.job.attempts > 1) resendsAfterFault.inc({ kind: 'statement' });
        try {
          await deps.mailer.send(mail);
        } catch (err) {
          const reason = mailErrorReason(err);
          if (isPermanentMailError(err) || attempt >= deps.backoff.maxAttempts) {
            deps.log.warn({ statementId, attempt, reason }, 'statement e-mail failed');
            await client.query(
              `UPDATE outbox SET status = 'FAILED', attempts = $2, last_error = $3, next_attempt_at = NULL WHERE id = $1`,
              [s.id, attempt, reason],
            );
            return;
          }
          const next = new Date(Date.now() + backoffDelay(deps.backoff, attempt));
          deps.log.info({ statementId, attempt, reason, next }, 'statement e-mail will be retried');
          await client.query(
            `UPDATE outbox SET status = 'RETRYING', attempts = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1`,
            [s.id, attempt, reason, next],
          );
          await addJobSql(client, STATEMENT_MAIL, { statementId }, statementJobKey(s.id), next);
          return;
        }
        await client.query(
          `UPDATE outbox SET status = 'SENT', delivered_at = now(), attempts = $2, last_error = NULL,
                  next_attempt_at = NULL WHERE id = $1`,
          [s.id, attempt],
        );
      });
    });
  };
}
