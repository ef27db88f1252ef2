import type { DataSource } from 'typeorm';
import type { ServiceContext } from '../common/context';
import { badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import { registerWebhookEventType } from '../webhooks/events';
import { balanceNowSql } from '../db/read-rules';

export const BALANCE_LOW = 'balance.low';
registerWebhookEventType(BALANCE_LOW);

export interface LowBalance {
  /** The threshold in force: the account's own, else the default. */
  threshold: number;
  isDefault: boolean;
  below: boolean;
  /** Whose: the read-time fields (LowBalance.balance, isBelow) load the balance by it. */
  accountId: string;
}

export interface LowBalanceNotice {
  id: string;
  chargeId: string;
  balance: number;
  threshold: number;
  createdAt: Date;
  mailedAt: Date | null;
}

export async function lowBalanceOf(ds: DataSource, accountId: string): Promise<LowBalance> {
  const [row] = await ds.query<LowBalance[]>(
    `SELECT low_balance_threshold($1) AS threshold, s.threshold IS NULL AS "isDefault",
            COALESCE(s.below, false) AS below, $1::uuid AS "accountId"
       FROM (SELECT 1) one LEFT JOIN account_low_balance s ON s.account_id = $1`,
    [accountId],
  );
  return row!;
}

export function lowBalanceNoticesOf(
  ds: DataSource,
  accountId: string,
): Promise<LowBalanceNotice[]> {
  return ds.query<LowBalanceNotice[]>(
    `SELECT id, charge_id AS "chargeId", balance, threshold, created_at AS "createdAt", mailed_at AS "mailedAt"
       FROM low_balance_notices WHERE account_id = $1 ORDER BY created_at DESC, id DESC`,
    [accountId],
  );
}

/**
 * Sets an account's low-balance threshold (null: back to the default). Under
 * the account lock, so no charge decides on the old threshold meanwhile. A
 * balance at or above the new threshold clears the "below" flag; a new
 * threshold above the balance is told at the next charge.
 */
export async function setLowBalanceThreshold(
  ctx: ServiceContext,
  rawId: string,
  threshold: number | null,
): Promise<string> {
  const accountId = parseId(rawId, 'accountId');
  if (
    threshold !== null &&
    (!Number.isInteger(threshold) || threshold < 0 || threshold > 1_000_000)
  )
    throw badInput('threshold', 'threshold must be a whole number of credits from 0 to 1000000.');
  await ctx.access.assertCanSee(accountId, accountId, 'Account');
  await ctx.ds.transaction(async (tx) => {
    const found = await tx.query<unknown[]>(
      `SELECT 1 FROM accounts WHERE id = $1 FOR NO KEY UPDATE`,
      [accountId],
    );
    if (found.length === 0) throw notFound(accountId, 'Account');
    await tx.query(
      `INSERT INTO account_low_balance (account_id, threshold) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET threshold = EXCLUDED.threshold`,
      [accountId, threshold],
    );
    await tx.query(
      `UPDATE account_low_balance SET below = false
        WHERE account_id = $1 AND below AND low_balance_threshold($1) <= (
        ${balanceNowSql('$1', '$2')})`,
      [accountId, ctx.now],
    );
  });
  return accountId;
}
