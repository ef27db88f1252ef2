import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';
import { isPermanentMailError, mailErrorReason, type Mailer } from '../../mail/mailer';
import type { PortalSettings } from '../../common/context';
import { escapeHtml, mailDate, portalHtml, portalText } from '../../mail/readable';
import { inTransaction, mintMailLink } from '../pg';
import { JOBS } from '../../db/read-rules';

export const EXPIRY_NOTICE_MAIL = JOBS.expiryNoticeMail.name;

interface NoticeRow {
  credits: number;
  expires_at: Date;
  threshold_days: number;
  mailed_at: Date | null;
  name: string;
  email: string;
}

// "1 Jan 2027", as every customer e-mail writes dates.
const day = mailDate;

/**
 * E-mails one expiring-soon notice. Idempotent: the notice row is locked
 * while sending and marked mailed in the same transaction. A transient
 * failure throws, and graphile-worker retries with its own backoff; a 5xx
 * answer is final (logged).
 */
export function expiryNoticeMailTask(deps: {
  mailer: Mailer;
  log: Logger;
  portal: PortalSettings;
}): Task {
  return async (raw, helpers) => {
    const { lotId, thresholdDays } = raw as { lotId: string; thresholdDays: number };
    await helpers.withPgClient(async (client) => {
      const portal = await mintMailLink(
        client,
        deps.portal,
        `SELECT account_id FROM expiry_notices
          WHERE lot_id = $1 AND threshold_days = $2 AND mailed_at IS NULL`,
        [lotId, thresholdDays],
      );
      if (!portal) return;
      await inTransaction(client, async () => {
        const { rows } = await client.query<NoticeRow>(
          `SELECT n.credits, n.expires_at, n.threshold_days, n.mailed_at, a.name, a.email
             FROM expiry_notices n JOIN accounts a ON a.id = n.account_id
            WHERE n.lot_id = $1 AND n.threshold_days = $2 FOR UPDATE OF n SKIP LOCKED`,
          [lotId, thresholdDays],
        );
        const n = rows[0];
        if (!n || n.mailed_at) return;
        const text = `Hello ${n.name},\n\n${n.credits} support credits on your account expire on ${day(n.expires_at)} (in ${n.threshold_days} days or less). Use them before then.\n\n${portalText(portal)}\n`;
        try {
          await deps.mailer.send({
            to: n.email,
            subject: `${n.credits} support credits expire on ${day(n.expires_at)}`,
            text,
            html: `<p>Hello ${escapeHtml(n.name)},</p><p><strong>${n.credits}</strong> support credits on your account expire on <strong>${day(n.expires_at)}</strong>. Use them before then.</p>${portalHtml(portal)}`,
            messageId: `<expiry-notice-${lotId}-${thresholdDays}@credits-gateway>`,
          });
        } catch (err) {
          if (!isPermanentMailError(err)) throw err;
          deps.log.warn(
            { lotId, thresholdDays, reason: mailErrorReason(err) },
            'notice e-mail failed',
          );
          return;
        }
        await client.query(
          `UPDATE expiry_notices SET mailed_at = now() WHERE lot_id = $1 AND threshold_days = $2`,
          [lotId, thresholdDays],
        );
      });
    });
  };
}
