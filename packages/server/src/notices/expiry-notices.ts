import type { DataSource } from 'typeorm';
import type { ServiceContext } from '../common/context';
import { registerWebhookEventType } from '../webhooks/events';
import { deadAtSql, liveAtSql } from '../db/read-rules';

export const CREDITS_EXPIRING_SOON = 'credits.expiring_soon';
registerWebhookEventType(CREDITS_EXPIRING_SOON);

export interface ExpiryNotice {
  lotId: string;
  thresholdDays: number;
  credits: number;
  expiresAt: Date;
  createdAt: Date;
  mailedAt: Date | null;
}

/**
 * Tells accounts of credits about to expire: for every lot with credits left
 * that expires within a threshold (days) of `at`, one notice per threshold,
 * ever (the table's key). A lot first seen inside several thresholds is told
 * once, at the tightest; the wider ones are recorded as passed over. The
 * insert's trigger enqueues the e-mail and the webhook in this transaction.
 * Returns the notices sent.
 */
export async function sendExpiryNotices(
  ctx: ServiceContext,
  at: Date,
  thresholdDays: readonly number[],
): Promise<number> {
  const rows = await ctx.ds.query<unknown[]>(
    `WITH due AS (
       SELECT l.id, l.account_id, l.remaining_credits, l.expires_at, t.d,
              min(t.d) OVER (PARTITION BY l.id) AS tightest
         FROM credit_lots l CROSS JOIN unnest($2::int[]) AS t(d)
        WHERE l.remaining_credits > 0 AND l.expiry_recorded_at IS NULL
          AND ${liveAtSql('l', '$1')} AND ${deadAtSql('l', '$1 + make_interval(days => t.d)')})
     INSERT INTO expiry_notices (lot_id, threshold_days, account_id, credits, expires_at, created_at, sent)
     SELECT id, d, account_id, remaining_credits, expires_at, $1, d = tightest FROM due
     ON CONFLICT DO NOTHING RETURNING sent`,
    [at, [...thresholdDays]],
  );
  const sent = (rows as { sent: boolean }[]).filter((r) => r.sent).length;
  if (sent > 0) ctx.log.info({ sent, at }, 'expiring-soon notices');
  return sent;
}

/** The notices an account was sent, newest first. */
export function noticesOf(ds: DataSource, accountId: string): Promise<ExpiryNotice[]> {
  return ds.query<ExpiryNotice[]>(
    `SELECT lot_id AS "lotId", threshold_days AS "thresholdDays", credits, expires_at AS "expiresAt",
            created_at AS "createdAt", mailed_at AS "mailedAt"
       FROM expiry_notices WHERE account_id = $1 AND sent ORDER BY created_at DESC, threshold_days`,
    [accountId],
  );
}
