import type { DataSource } from 'typeorm';

// Read side of P20, batched by account for DataLoaders.

/** Spendable now: remaining credits of the live lots. */
export async function balancesNow(ds: DataSource, accountIds: readonly string[]): Promise<Map<string, number>> {
  const rows = (await ds.query(
    `SELECT account_id AS "accountId", COALESCE(SUM(remaining_credits), 0)::int AS balance
       FROM credit_lots
      WHERE account_id = ANY($1::uuid[]) AND (expires_at IS NULL OR expires_at > now())
      GROUP BY account_id`,
    [accountIds],
  )) as { accountId: string; balance: number }[];
  return new Map(rows.map((r) => [r.accountId, r.balance]));
}

/**
 * Spendable at `asOf`, from the ledger alone: every entry recorded up to that
 * instant, on lots still alive at it. For a future instant this is what will
 * be left if nothing else happens (all entries so far, minus lots dead by then).
 */
export async function balancesAsOf(ds: DataSource, accountIds: readonly string[], asOf: Date): Promise<Map<string, number>> {
  const rows = (await ds.query(
    `SELECT e.account_id AS "accountId", COALESCE(SUM(e.credits), 0)::int AS balance
       FROM ledger_entries e
       JOIN credit_lots l ON l.id = e.lot_id
      WHERE e.account_id = ANY($1::uuid[]) AND e.at <= $2
        AND (l.expires_at IS NULL OR l.expires_at > $2)
      GROUP BY e.account_id`,
    [accountIds, asOf],
  )) as { accountId: string; balance: number }[];
  return new Map(rows.map((r) => [r.accountId, r.balance]));
}

/** Credits in live lots that die within the next `days` days. */
export async function expiringSoon(ds: DataSource, accountIds: readonly string[], days: number): Promise<Map<string, number>> {
  const rows = (await ds.query(
    `SELECT account_id AS "accountId", COALESCE(SUM(remaining_credits), 0)::int AS credits
       FROM credit_lots
      WHERE account_id = ANY($1::uuid[]) AND expires_at > now() AND expires_at <= now() + make_interval(days => $2)
      GROUP BY account_id`,
    [accountIds, days],
  )) as { accountId: string; credits: number }[];
  return new Map(rows.map((r) => [r.accountId, r.credits]));
}
