import type { EntityManager } from 'typeorm';
import { badInput } from '../common/errors';
import { MAX_INT } from '../common/validate';
import { LotSource } from '../policy/enums';
import { type LotCounters, lotValue } from '../policy/lot-value';

// The finance view of prepaid credits (issue 16): what the vendor still owes
// in credits and what they are worth (the liability), and what lapsed unused
// (breakage). Values come from each lot's cost basis split by
// policy/lot-value.ts, so per lot remaining + spent + expired value is always
// exactly what was paid.

interface LotRow extends LotCounters {
  id: string;
  source: LotSource;
  currency: string | null;
  paid: number | null;
}

/**
 * Every lot alive at `asOf` with its counters as the ledger had them then:
 * entries recorded up to the instant, lots with no expiry or expiring after
 * it (as balance(asOf:) counts them, P20). A refund lot's opening entry is a
 * REFUND entry: its own credits, not a refund back into it.
 */
export async function lotsLiveAt(tx: EntityManager, asOf: Date): Promise<LotRow[]> {
  return tx.query<LotRow[]>(
    `SELECT l.id, l.source, l.currency, l.amount_paid_cents AS paid, l.original_credits AS "originalCredits",
            SUM(e.credits)::int AS "remainingCredits",
            COALESCE(-SUM(e.credits) FILTER (WHERE e.kind = 'CHARGE'), 0)::int AS "spentCredits",
            (COALESCE(SUM(e.credits) FILTER (WHERE e.kind = 'REFUND'), 0)
               - CASE WHEN l.source = 'REFUND' THEN l.original_credits ELSE 0 END)::int AS "refundedCredits",
            COALESCE(-SUM(e.credits) FILTER (WHERE e.kind = 'EXPIRY'), 0)::int AS "expiredCredits"
       FROM credit_lots l JOIN ledger_entries e ON e.lot_id = l.id AND e.at <= $1
      WHERE l.expires_at IS NULL OR l.expires_at > $1
      GROUP BY l.id`,
    [asOf],
  );
}

export interface LiabilityLine {
  source: LotSource;
  currency: string | null;
  lots: number;
  credits: number;
  /** Null when some lot in the line was recorded without what it cost. */
  valueCents: number | null;
}

export interface CreditLiability {
  asOf: Date;
  credits: number;
  lines: LiabilityLine[];
}

const SOURCE_ORDER = [LotSource.LICENSE_GRANT, LotSource.PURCHASE, LotSource.REFUND];

/** Credits outstanding at `asOf` and their value, by lot source and currency. */
export async function creditLiability(tx: EntityManager, asOf: Date): Promise<CreditLiability> {
  const lines = new Map<string, LiabilityLine>();
  let credits = 0;
  for (const lot of await lotsLiveAt(tx, asOf)) {
    if (lot.remainingCredits === 0) continue;
    const key = `${lot.source}/${lot.currency ?? ''}/${lot.paid == null ? 'unpriced' : ''}`;
    const line = lines.get(key) ?? {
      source: lot.source,
      currency: lot.currency,
      lots: 0,
      credits: 0,
      valueCents: lot.paid == null ? null : 0,
    };
    line.lots += 1;
    line.credits += lot.remainingCredits;
    if (line.valueCents != null && lot.paid != null)
      line.valueCents += lotValue(lot.paid, lot).remainingCents;
    lines.set(key, line);
    credits += lot.remainingCredits;
  }
  const sorted = [...lines.values()].sort(
    (a, b) =>
      SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) ||
      currencyOrder(a.currency, b.currency) ||
      Number(a.valueCents == null) - Number(b.valueCents == null),
  );
  for (const l of sorted) fitsInt(l.valueCents, 'valueCents');
  return { asOf, credits: fitsInt(credits, 'credits'), lines: sorted };
}

export interface BreakageBucket {
  /** The first instant of the UTC month. */
  month: Date;
  currency: string | null;
  lots: number;
  credits: number;
  valueCents: number | null;
}

/**
 * Breakage: credits that lapsed unused, by the UTC month their lot expired
 * in (from <= expiresAt < to, and expired by `now`), and their value, by
 * currency. A lapsed lot whose expiry the job has not recorded yet counts
 * with what it held: it can no longer be spent.
 */
export async function creditBreakage(
  tx: EntityManager,
  from: Date,
  to: Date,
  now: Date,
): Promise<BreakageBucket[]> {
  if (to.getTime() <= from.getTime()) throw badInput('to', 'to must be after from.');
  if (to.getTime() - from.getTime() > 100 * 366 * 86_400_000)
    throw badInput('to', 'The range may span at most 100 years.');
  const rows = await tx.query<(LotRow & { month: Date; lapsed: number; recorded: boolean })[]>(
    `SELECT l.id, l.source, l.currency, l.amount_paid_cents AS paid, l.original_credits AS "originalCredits",
            l.remaining_credits AS "remainingCredits", l.spent_credits AS "spentCredits",
            l.refunded_credits AS "refundedCredits", l.expired_credits AS "expiredCredits",
            date_trunc('month', l.expires_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month
       FROM credit_lots l
      WHERE l.expires_at >= $1 AND l.expires_at < $2 AND l.expires_at <= $3`,
    [from, to, now],
  );
  const buckets = new Map<string, BreakageBucket>();
  for (const row of rows) {
    // Unrecorded: what remains is lost all the same (P3, P19).
    const lot: LotCounters = {
      ...row,
      remainingCredits: 0,
      expiredCredits: row.expiredCredits + row.remainingCredits,
    };
    if (lot.expiredCredits === 0) continue;
    const key = `${row.month.toISOString()}/${row.currency ?? ''}/${row.paid == null ? 'unpriced' : ''}`;
    const b = buckets.get(key) ?? {
      month: row.month,
      currency: row.currency,
      lots: 0,
      credits: 0,
      valueCents: row.paid == null ? null : 0,
    };
    b.lots += 1;
    b.credits += lot.expiredCredits;
    if (b.valueCents != null && row.paid != null)
      b.valueCents += lotValue(row.paid, lot).expiredCents;
    buckets.set(key, b);
  }
  const sorted = [...buckets.values()].sort(
    (a, b) =>
      a.month.getTime() - b.month.getTime() ||
      currencyOrder(a.currency, b.currency) ||
      Number(a.valueCents == null) - Number(b.valueCents == null),
  );
  for (const b of sorted) {
    fitsInt(b.credits, 'credits');
    fitsInt(b.valueCents, 'valueCents');
  }
  return sorted;
}

/**
 * The check the nightly reconciliation runs: per currency, the value still
 * owed (live lots, from the ledger at `at`) + the value spent + the value
 * lapsed (from the lots' counters) = what was paid. Returns the currencies
 * where it does not hold.
 */
export async function moneyMismatches(tx: EntityManager, at: Date): Promise<string[]> {
  const byCurrency = new Map<string, { paid: bigint; accounted: bigint }>();
  const sums = (c: string) => {
    const s = byCurrency.get(c) ?? { paid: 0n, accounted: 0n };
    byCurrency.set(c, s);
    return s;
  };
  const live = new Set<string>();
  const broken = new Set<string>();
  for (const lot of await lotsLiveAt(tx, at)) {
    live.add(lot.id);
    if (lot.paid == null || lot.currency == null) continue;
    const v = valueOrNull(lot.paid, lot);
    if (v) sums(lot.currency).accounted += BigInt(v.remainingCents);
    else broken.add(lot.currency);
  }
  const lots = await tx.query<LotRow[]>(
    `SELECT id, source, currency, amount_paid_cents AS paid, original_credits AS "originalCredits",
            remaining_credits AS "remainingCredits", spent_credits AS "spentCredits",
            refunded_credits AS "refundedCredits", expired_credits AS "expiredCredits"
       FROM credit_lots WHERE currency IS NOT NULL`,
  );
  for (const row of lots) {
    const s = sums(row.currency!);
    s.paid += BigInt(row.paid!);
    // A dead lot's remaining credits are lapsed whether or not the expiry is recorded yet.
    const lot = live.has(row.id)
      ? row
      : { ...row, remainingCredits: 0, expiredCredits: row.expiredCredits + row.remainingCredits };
    const v = valueOrNull(row.paid!, lot);
    if (v) s.accounted += BigInt(v.spentCents + v.expiredCents);
    else broken.add(row.currency!);
  }
  for (const [c, s] of byCurrency) if (s.paid !== s.accounted) broken.add(c);
  return [...broken].sort();
}

/** Currencies A-Z, then lots without one. */
function currencyOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return a < b ? -1 : 1;
}

/** A lot whose counters do not add up has no value split: the check reports its currency. */
function valueOrNull(paid: number, lot: LotCounters) {
  try {
    return lotValue(paid, lot);
  } catch {
    return null;
  }
}

function fitsInt<T extends number | null>(n: T, what: string): T {
  // GraphQL's Int: a total past it cannot be served exactly.
  if (n != null && n > MAX_INT)
    throw new Error(`${what} ${n} is past GraphQL's Int; narrow the report`);
  return n;
}
