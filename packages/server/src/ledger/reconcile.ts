import type { DataSource, EntityManager } from 'typeorm';
import type { ServiceContext } from '../common/context';
import { registerWebhookEventType } from '../webhooks/events';
import { moneyMismatches } from './finance';
import { liveAtSql } from '../db/read-rules';

/** One invariant that does not hold, with the rows that break it. */
export interface Mismatch {
  check: string;
  /** The ids of the rows involved (lots, accounts, charges or refunds; at most 100). */
  ids: string[];
}

export interface ReconciliationReport {
  id: string;
  ranAt: Date;
  /** The previous midnight (UTC) the ledger was also checked as of. */
  midnight: Date;
  accountsChecked: number;
  lotsChecked: number;
  ok: boolean;
  mismatches: Mismatch[];
}

const MAX_IDS = 100;

/** To admin endpoints only: an event about no one account. */
export const RECONCILIATION_FAILED = 'reconciliation.failed';
registerWebhookEventType(RECONCILIATION_FAILED);

/**
 * The invariants, each a query for the ids that break it, and the instant its
 * $1 stands for: the run's, or the previous midnight's. A lot is alive at T
 * when it has no expiry or expires after T.
 */
const CHECKS: [string, string, ('now' | 'midnight')?][] = [
  [
    'lot: original + refunded = remaining + spent + expired',
    `SELECT id FROM credit_lots
      WHERE original_credits + refunded_credits <> remaining_credits + spent_credits + expired_credits
         OR remaining_credits < 0`,
  ],
  [
    "lot: ledger sum = the lot's remaining credits",
    `SELECT l.id FROM credit_lots l LEFT JOIN ledger_entries e ON e.lot_id = l.id
      GROUP BY l.id, l.remaining_credits HAVING COALESCE(SUM(e.credits), 0) <> l.remaining_credits`,
  ],
  [
    'lot: spent = its CHARGE entries, expired = its EXPIRY entries',
    `SELECT l.id FROM credit_lots l
      WHERE l.spent_credits <> COALESCE((SELECT -SUM(credits) FROM ledger_entries WHERE lot_id = l.id AND kind = 'CHARGE'), 0)
         OR l.expired_credits <> COALESCE((SELECT -SUM(credits) FROM ledger_entries WHERE lot_id = l.id AND kind = 'EXPIRY'), 0)`,
  ],
  [
    'account: balance from the lots = balance from the ledger',
    `WITH by_lots AS (SELECT account_id, SUM(remaining_credits) AS b FROM credit_lots
                       WHERE ${liveAtSql('credit_lots', '$1')} GROUP BY account_id),
          by_ledger AS (SELECT e.account_id, SUM(e.credits) AS b
                          FROM ledger_entries e JOIN credit_lots l ON l.id = e.lot_id
                         WHERE ${liveAtSql('l', '$1')} GROUP BY e.account_id)
     SELECT a.id FROM accounts a LEFT JOIN by_lots x ON x.account_id = a.id LEFT JOIN by_ledger y ON y.account_id = a.id
      WHERE COALESCE(x.b, 0) <> COALESCE(y.b, 0)`,
    'now',
  ],
  [
    'account at midnight: CHARGE and REFUND entries = the charges and refunds made by then',
    `WITH led AS (SELECT account_id,
                         SUM(credits) FILTER (WHERE kind = 'CHARGE') AS charged,
                         SUM(credits) FILTER (WHERE kind = 'REFUND') AS refunded
                    FROM ledger_entries WHERE at <= $1 GROUP BY account_id),
          ch AS (SELECT account_id, SUM(credits) AS c FROM charges WHERE created_at <= $1 GROUP BY account_id),
          rf AS (SELECT account_id, SUM(credits) AS c FROM refunds WHERE created_at <= $1 GROUP BY account_id)
     SELECT a.id FROM accounts a LEFT JOIN led ON led.account_id = a.id
       LEFT JOIN ch ON ch.account_id = a.id LEFT JOIN rf ON rf.account_id = a.id
      WHERE COALESCE(-led.charged, 0) <> COALESCE(ch.c, 0) OR COALESCE(led.refunded, 0) <> COALESCE(rf.c, 0)`,
    'midnight',
  ],
  [
    'lot at midnight: ledger sum between 0 and original + refunded',
    `SELECT l.id FROM credit_lots l JOIN ledger_entries e ON e.lot_id = l.id AND e.at <= $1
      GROUP BY l.id, l.original_credits, l.refunded_credits
     HAVING SUM(e.credits) < 0 OR SUM(e.credits) > l.original_credits + l.refunded_credits`,
    'midnight',
  ],
  [
    'charge: has its statement',
    `SELECT c.id FROM charges c WHERE NOT EXISTS (
       SELECT 1 FROM outbox o WHERE o.topic = 'statement' AND o.payload->>'chargeId' = c.id::text
          AND o.payload->>'refundId' IS NULL)`,
  ],
  [
    'refund: has its statement',
    `SELECT r.id FROM refunds r WHERE NOT EXISTS (
       SELECT 1 FROM outbox o WHERE o.topic = 'statement' AND o.payload->>'refundId' = r.id::text)`,
  ],
  [
    'charge: allocations add up to its credits',
    `SELECT c.id FROM charges c LEFT JOIN allocations a ON a.charge_id = c.id
      GROUP BY c.id, c.credits HAVING COALESCE(SUM(a.credits), 0) <> c.credits`,
  ],
  [
    "refund: allocations add up to its credits and its charge's",
    `SELECT r.id FROM refunds r JOIN charges c ON c.id = r.charge_id LEFT JOIN allocations a ON a.refund_id = r.id
      GROUP BY r.id, c.credits, r.credits HAVING COALESCE(SUM(a.credits), 0) <> r.credits OR r.credits <> c.credits`,
  ],
];

/**
 * The charge rollup (issue 17) against the charges and refunds it sums: the
 * accounts with a day that differs from a recount of their rows (rows whose
 * charges all moved to the refunded state hold zeros and count as absent);
 * the days whose all-accounts totals (folded + deltas) differ from their
 * accounts' rows summed; and the months whose folded totals differ from
 * their folded days'.
 */
export async function checkChargeRollup(tx: EntityManager): Promise<Mismatch[]> {
  const nonZero = 'charges <> 0 OR credits <> 0 OR refunded_credits <> 0';
  const kept = `SELECT account_id, day, category, edition, included, refunded, charges, credits, refunded_credits
                  FROM charge_rollup WHERE ${nonZero}`;
  const accounts = await tx.query<{ id: string }[]>(
    `SELECT DISTINCT account_id::text AS id FROM (
       (${kept} EXCEPT ALL SELECT * FROM charge_rollup_expected)
       UNION ALL (SELECT * FROM charge_rollup_expected EXCEPT ALL ${kept})) differs
      ORDER BY 1 LIMIT ${MAX_IDS}`,
  );
  const sums = `SELECT day, category, edition, included, refunded,
                       sum(charges) AS charges, sum(credits) AS credits, sum(refunded_credits) AS refunded_credits`;
  const keys =
    'GROUP BY 1, 2, 3, 4, 5 HAVING sum(charges) <> 0 OR sum(credits) <> 0 OR sum(refunded_credits) <> 0';
  const days = await tx.query<{ id: string }[]>(
    `WITH everyone AS (${sums} FROM (SELECT * FROM charge_rollup_daily UNION ALL SELECT * FROM charge_rollup_delta) x ${keys}),
          each AS (${sums} FROM charge_rollup ${keys})
     SELECT DISTINCT day::text AS id FROM (
       (SELECT * FROM everyone EXCEPT ALL SELECT * FROM each)
       UNION ALL (SELECT * FROM each EXCEPT ALL SELECT * FROM everyone)) differs
      ORDER BY 1 LIMIT ${MAX_IDS}`,
  );
  // The monthly level (migration 1797800000000) against its days.
  const months = await tx.query<{ id: string }[]>(
    `WITH folded AS (SELECT * FROM charge_rollup_monthly WHERE ${nonZero}),
          days AS (SELECT date_trunc('month', day::timestamp)::date AS month, category, edition, included, refunded,
                          sum(charges)::int AS charges, sum(credits)::bigint AS credits,
                          sum(refunded_credits)::bigint AS refunded_credits
                     FROM charge_rollup_daily GROUP BY 1, 2, 3, 4, 5),
          kept AS (SELECT * FROM days WHERE ${nonZero})
     SELECT DISTINCT to_char(month, 'YYYY-MM') AS id FROM (
       (SELECT * FROM folded EXCEPT ALL SELECT * FROM kept)
       UNION ALL (SELECT * FROM kept EXCEPT ALL SELECT * FROM folded)) differs
      ORDER BY 1 LIMIT ${MAX_IDS}`,
  );
  const found: Mismatch[] = [];
  if (accounts.length > 0)
    found.push({
      check: 'charge rollup: each account-day = its charges and refunds',
      ids: accounts.map((r) => r.id),
    });
  if (days.length > 0)
    found.push({
      check: "charge rollup: each day's all-accounts totals = its accounts' rows",
      ids: days.map((r) => r.id),
    });
  if (months.length > 0)
    found.push({
      check: "charge rollup: each month's all-accounts totals = its days'",
      ids: months.map((r) => r.id),
    });
  return found;
}

const COLUMNS = `id, ran_at AS "ranAt", midnight, accounts_checked AS "accountsChecked",
  lots_checked AS "lotsChecked", ok, mismatches`;

/** The newest reports first, $1 of them, as ReconciliationReport rows. */
export const RECONCILIATION_REPORTS_SQL = `SELECT ${COLUMNS} FROM reconciliation_reports ORDER BY ran_at DESC, id DESC LIMIT $1`;

/** The midnight (UTC) at or before `at`. */
export function previousMidnight(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * The nightly check that the books add up: every invariant the tests hold
 * the ledger to, read in one snapshot, stored as a report. A mismatch logs
 * an error and sends `reconciliation.failed` to admin endpoints (an event
 * with no account: only endpoints without an account scope match), in the
 * report's own transaction.
 */
export async function runReconciliation(
  ctx: ServiceContext,
  at?: Date,
): Promise<ReconciliationReport> {
  const ranAt = at ?? (await ctx.clock.lockedNow(ctx.ds.manager));
  const midnight = previousMidnight(ranAt);
  const found = await ctx.ds.transaction('REPEATABLE READ', async (tx) => {
    const mismatches: Mismatch[] = [];
    for (const [check, sql, instant] of CHECKS) {
      const rows = await tx.query<{ id: string }[]>(
        `SELECT id::text AS id FROM (${sql}) broken ORDER BY 1 LIMIT ${MAX_IDS}`,
        instant ? [instant === 'now' ? ranAt : midnight] : [],
      );
      if (rows.length > 0) mismatches.push({ check, ids: rows.map((r) => r.id) });
    }
    mismatches.push(...(await checkChargeRollup(tx)));
    const money = await moneyCheck(tx, ranAt);
    if (money) mismatches.push(money);
    const [counts] = await tx.query<[{ accounts: number; lots: number }]>(
      `SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM credit_lots)::int AS lots`,
    );
    return { mismatches, ...counts };
  });
  const report = await ctx.ds.transaction((tx) => storeReport(tx, ranAt, midnight, found));
  if (!report.ok)
    ctx.log.error(
      { reportId: report.id, mismatches: report.mismatches },
      'reconciliation: the books do not add up',
    );
  else ctx.log.info({ reportId: report.id }, 'reconciliation: the books add up');
  return report;
}

/** Per currency: liability + spent + expired value = paid (issue 16); ids are the currencies. */
async function moneyCheck(tx: EntityManager, at: Date): Promise<Mismatch | null> {
  const currencies = await moneyMismatches(tx, at);
  return currencies.length
    ? { check: 'money: liability + spent + expired value = paid, per currency', ids: currencies }
    : null;
}

async function storeReport(
  tx: EntityManager,
  ranAt: Date,
  midnight: Date,
  found: { mismatches: Mismatch[]; accounts: number; lots: number },
): Promise<ReconciliationReport> {
  const ok = found.mismatches.length === 0;
  const [report] = await tx.query<ReconciliationReport[]>(
    `INSERT INTO reconciliation_reports (ran_at, midnight, accounts_checked, lots_checked, ok, mismatches)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING ${COLUMNS}`,
    [ranAt, midnight, found.accounts, found.lots, ok, JSON.stringify(found.mismatches)],
  );
  if (!ok)
    await tx.query(
      `SELECT webhook_emit($4, NULL, $1,
         jsonb_build_object('reportId', $2::uuid, 'mismatches', $3::jsonb))`,
      [ranAt, report!.id, JSON.stringify(found.mismatches), RECONCILIATION_FAILED],
    );
  return report!;
}

export async function reconciliationReports(
  ds: DataSource,
  first: number,
): Promise<ReconciliationReport[]> {
  return ds.query<ReconciliationReport[]>(RECONCILIATION_REPORTS_SQL, [first]);
}
