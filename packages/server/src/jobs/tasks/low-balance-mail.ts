import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';
import { isPermanentMailError, mailErrorReason, type Mailer } from '../../mail/mailer';
import type { PortalSettings } from '../../common/context';
import { escapeHtml, portalHtml, portalText } from '../../mail/readable';
import { inTransaction, mintMailLink } from '../pg';
import { JOBS } from '../../db/read-rules';

export const LOW_BALANCE_MAIL = JOBS.lowBalanceMail.name;

interface NoticeRow {
  balance: number;
  threshold: number;
  mailed_at: Date | null;
  name: string;
  email: string;
}

/**
 * E-mails one low-balance notice; idempotent like the statement e-mail (the
 * row locked while sending, marked mailed in the same transaction). A
 * transient failure throws: graphile-worker retries it with its backoff.
 */
export function lowBalanceMailTask(deps: {
  mailer: Mailer;
  log: Logger;
  portal: PortalSettings;
}): Task {
  return async (raw, helpers) => {
    const { noticeId } = raw as { noticeId: string };
    await helpers.withPgClient(async (client) => {
      const portal = await mintMailLink(
        client,
        deps.portal,
        `SELECT account_id FROM low_balance_notices WHERE id = $1 AND mailed_at IS NULL`,
        [noticeId],
      );
      if (!portal) return;
      await inTransaction(client, async () => {
        const { rows } = await client.query<NoticeRow>(
          `SELECT n.balance, n.threshold, n.mailed_at, a.name, a.email
             FROM low_balance_notices n JOIN accounts a ON a.id = n.account_id
            WHERE n.id = $1 FOR UPDATE OF n SKIP LOCKED`,
          [noticeId],
        );
        const n = rows[0];
        if (!n || n.mailed_at) return;
        try {
          await deps.mailer.send({
            to: n.email,
            subject: `Your support credit balance is low: ${n.balance} credits`,
            text: `Hello ${n.name},\n\nYour balance is ${n.balance} support credits, below your alert level of ${n.threshold}. Buy more credits to keep support running without interruption.\n\n${portalText(portal)}\n`,
            html: `<p>Hello ${escapeHtml(n.name)},</p><p>Your balance is <strong>${n.balance}</strong> support credits, below your alert level of ${n.threshold}.</p>${portalHtml(portal)}`,
            messageId: `<low-balance-${noticeId}@credits-gateway>`,
          });
        } catch (err) {
          if (!isPermanentMailError(err)) throw err;
          deps.log.warn({ noticeId, reason: mailErrorReason(err) }, 'low-balance e-mail failed');
          return;
        }
        await client.query(`UPDATE low_balance_notices SET mailed_at = now() WHERE id = $1`, [
          noticeId,
        ]);
      });
    });
  };
}
