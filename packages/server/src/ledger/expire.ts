import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { columnsOf, queryRows } from '../db/sql';
import type { ServiceContext } from '../common/context';
import { badInput } from '../common/errors';
import { instant } from '../common/validate';
import { lockAccounts } from './account-lock';
import { CreditLotEntity } from './credit-lot.entity';
import { expireLot } from './ledger-writes';
import { ledgerTransaction } from './ledger-transaction';
import { deadAtSql } from '../db/read-rules';

/** Accounts per transaction: a nightly run never locks every account at once. */
const BATCH = 100;

/**
 * P19: writes an EXPIRY entry for every lot dead at `asOf` whose expiry is not
 * yet recorded. Spending already ignores dead lots (read-time expiry); this
 * makes the history add up. Idempotent: a second run finds nothing to do.
 * Each batch of accounts is its own transaction, so charges elsewhere go on.
 */
export async function expireCredits(
  ctx: ServiceContext,
  asOfInput: Date | null | undefined,
): Promise<number> {
  return (await expireCreditsCounted(ctx, asOfInput)).lots;
}

/** What one expiry run recorded: the lots and the credits they still held. */
export interface ExpiryCount {
  lots: number;
  credits: number;
}

/** expireCredits, also counting the credits expired (for the scheduled run's record). */
export async function expireCreditsCounted(
  ctx: ServiceContext,
  asOfInput: Date | null | undefined,
): Promise<ExpiryCount> {
  const asOf = asOfInput ? instant(asOfInput, 'asOf') : null;
  // The database's instant, not the estimate reads use: a lot must never be
  // recorded as expired before the moment it expires.
  const now = await ctx.clock.lockedNow(ctx.ds.manager);
  const cutoff = asOf ?? now;
  // Expiry is recorded only once it has happened: a future asOf would take
  // credits that can still be spent.
  if (cutoff.getTime() > now.getTime()) throw badInput('asOf', 'asOf must not be in the future.');

  const expired: ExpiryCount = { lots: 0, credits: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const due = await queryRows<{ accountId: string }>(
      ctx.ds,
      `SELECT DISTINCT account_id AS "accountId" FROM credit_lots
        WHERE ${deadAtSql('credit_lots', '$1')} AND expiry_recorded_at IS NULL AND account_id > $2
        ORDER BY 1 LIMIT ${BATCH}`,
      [cutoff, after],
    );
    if (due.length === 0) break;
    const accountIds = due.map((d) => d.accountId);
    const batch = await ledgerTransaction(ctx.ds, (tx) => expireBatch(ctx, tx, accountIds, cutoff));
    expired.lots += batch.lots;
    expired.credits += batch.credits;
    after = accountIds[accountIds.length - 1]!;
  }
  return expired;
}

async function expireBatch(
  ctx: ServiceContext,
  tx: EntityManager,
  accountIds: string[],
  cutoff: Date,
): Promise<ExpiryCount> {
  const at = await lockAccounts(tx, ctx.clock, accountIds);
  // Re-read under the locks: a concurrent run may have recorded some already.
  const lots = await queryRows<CreditLotEntity>(
    tx,
    `SELECT ${columnsOf(tx, CreditLotEntity, 'l')} FROM credit_lots l
      WHERE l.account_id = ANY($1::uuid[]) AND ${deadAtSql('l', '$2')} AND l.expiry_recorded_at IS NULL
      ORDER BY l.expires_at, l.id`,
    [accountIds, cutoff],
  );
  for (const lot of lots) await expireLot(tx, lot, at);
  if (lots.length > 0) {
    await recordAudit(tx, ctx, 'expireCredits', null, null, {
      asOf: cutoff.toISOString(),
      accounts: accountIds.length,
      lots: lots.length,
    });
  }
  return { lots: lots.length, credits: lots.reduce((sum, l) => sum + l.remainingCredits, 0) };
}
