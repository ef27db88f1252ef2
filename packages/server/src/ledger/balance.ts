import type { DataSource } from 'typeorm';
import { isLive } from '../policy/spending';
import type { CreditLotEntity } from './credit-lot.entity';
import { liveAtSql } from '../db/read-rules';

// Read side of P20: from the lots (now), or from the ledger alone (asOf).

/** P20: spendable at `at` is what the live lots hold. */
export function liveBalance(lots: CreditLotEntity[], at: Date): number {
  let sum = 0;
  for (const lot of lots) if (isLive(lot, at)) sum += lot.remainingCredits;
  return sum;
}

/** Credits in lots live at `at` that die within the following `days` days. */
export function expiringWithin(lots: CreditLotEntity[], at: Date, days: number): number {
  const horizon = at.getTime() + days * 86_400_000;
  let sum = 0;
  for (const lot of lots) {
    if (isLive(lot, at) && lot.expiresAt && lot.expiresAt.getTime() <= horizon)
      sum += lot.remainingCredits;
  }
  return sum;
}

/**
 * Spendable at `asOf`, from the ledger alone: every entry recorded up to that
 * instant, on lots still alive at it. For a future instant this is what will
 * be left if nothing else happens (all entries so far, minus lots dead by then).
 */
export async function balancesAsOf(
  ds: DataSource,
  accountIds: readonly string[],
  asOf: Date,
): Promise<Map<string, number>> {
  const rows = await ds.query<{ accountId: string; balance: number }[]>(
    `SELECT e.account_id AS "accountId", COALESCE(SUM(e.credits), 0)::int AS balance
       FROM ledger_entries e
       JOIN credit_lots l ON l.id = e.lot_id
      WHERE e.account_id = ANY($1::uuid[]) AND e.at <= $2
        AND ${liveAtSql('l', '$2')}
      GROUP BY e.account_id`,
    [accountIds, asOf],
  );
  return new Map(rows.map((r) => [r.accountId, r.balance]));
}
