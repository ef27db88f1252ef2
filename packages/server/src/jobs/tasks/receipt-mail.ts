import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';
import { isPermanentMailError, mailErrorReason, type Mailer } from '../../mail/mailer';
import { receiptMail } from '../../mail/receipt-email';
import type { ReceiptPayload } from '../../outbox/receipts';
import { JOBS } from '../../db/read-rules';
import type { PortalSettings } from '../../common/context';
import { addJobSql, inTransaction, mintMailLink } from '../pg';
import { PENDING_ACCOUNT } from './statement-mail';
import { type Backoff, backoffDelay } from '../retry';

export const RECEIPT_MAIL = JOBS.receiptMail.name;
const receiptJobKey = JOBS.receiptMail.key;

interface ReceiptRow {
  id: string;
  payload: ReceiptPayload;
  delivered_at: Date | null;
  status: string;
  attempts: number;
  name: string;
  email: string;
  domain: string | null;
  edition: string | null;
}

/**
 * Sends one receipt e-mail, as statementMailTask sends statements: the
 * outbox row is locked while sending and marked SENT in the same
 * transaction; transient failures come back with backoff, 5xx is final.
 */
export function receiptMailTask(deps: {
  mailer: Mailer;
  backoff: Backoff;
  log: Logger;
  portal: PortalSettings;
}): Task {
  return async (raw, helpers) => {
    const { receiptId } = raw as { receiptId: string };
    await helpers.withPgClient(async (client) => {
      const portal = await mintMailLink(client, deps.portal, PENDING_ACCOUNT, [receiptId]);
      if (!portal) return;
      await inTransaction(client, async () => {
        const { rows } = await client.query<ReceiptRow>(
          `SELECT o.id, o.payload, o.delivered_at, o.status, o.attempts, a.name, a.email,
                  li.domain, li.edition::text AS edition
             FROM outbox o JOIN accounts a ON a.id = o.account_id
             LEFT JOIN licenses li ON li.id = (o.payload->>'licenseId')::uuid
            WHERE o.id = $1 AND o.topic = 'receipt' FOR UPDATE OF o SKIP LOCKED`,
          [receiptId],
        );
        const r = rows[0];
        if (!r || r.delivered_at || r.status === 'SENT' || r.status === 'FAILED') return;
        const mail = receiptMail({
          receiptId: r.id,
          payload: r.payload,
          account: { name: r.name, email: r.email },
          license: r.domain && r.edition ? { domain: r.domain, edition: r.edition } : null,
          portal,
        });
        const attempt = r.attempts + 1;
        try {
          await deps.mailer.send(mail);
        } catch (err) {
          const reason = mailErrorReason(err);
          if (isPermanentMailError(err) || attempt >= deps.backoff.maxAttempts) {
            deps.log.warn({ receiptId, attempt, reason }, 'receipt e-mail failed');
            await client.query(
              `UPDATE outbox SET status = 'FAILED', attempts = $2, last_error = $3, next_attempt_at = NULL WHERE id = $1`,
              [r.id, attempt, reason],
            );
            return;
          }
          const next = new Date(Date.now() + backoffDelay(deps.backoff, attempt));
          await client.query(
            `UPDATE outbox SET status = 'RETRYING', attempts = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1`,
            [r.id, attempt, reason, next],
          );
          await addJobSql(client, RECEIPT_MAIL, { receiptId }, receiptJobKey(r.id), next);
          return;
        }
        await client.query(
          `UPDATE outbox SET status = 'SENT', delivered_at = now(), attempts = $2, last_error = NULL,
                  next_attempt_at = NULL WHERE id = $1`,
          [r.id, attempt],
        );
      });
    });
  };
}
