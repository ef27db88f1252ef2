import type { DataSource } from 'typeorm';

/**
 * The bank checker: after a test file, every figure must add up from the
 * ledger alone. Returns the violations found (empty when all is well).
 */
export async function reconcile(ds: DataSource): Promise<string[]> {
  const checks: [string, string][] = [
    [
      'P20 lot identity: original + refunded = remaining + spent + expired',
      `SELECT id FROM credit_lots
        WHERE original_credits + refunded_credits <> remaining_credits + spent_credits + expired_credits
           OR remaining_credits < 0`,
    ],
    [
      "P20 ledger sum per lot = the lot's remaining credits",
      `SELECT l.id FROM credit_lots l LEFT JOIN ledger_entries e ON e.lot_id = l.id
        GROUP BY l.id, l.remaining_credits HAVING COALESCE(SUM(e.credits), 0) <> l.remaining_credits`,
    ],
    [
      'spent = the charges drawn from the lot',
      `SELECT l.id FROM credit_lots l
        WHERE l.spent_credits <> COALESCE((SELECT -SUM(credits) FROM ledger_entries WHERE lot_id = l.id AND kind = 'CHARGE'), 0)`,
    ],
    [
      'expired = the EXPIRY entries of the lot',
      `SELECT l.id FROM credit_lots l
        WHERE l.expired_credits <> COALESCE((SELECT -SUM(credits) FROM ledger_entries WHERE lot_id = l.id AND kind = 'EXPIRY'), 0)`,
    ],
    [
      "a charge's allocations add up to its credits",
      `SELECT c.id FROM charges c LEFT JOIN allocations a ON a.charge_id = c.id
        GROUP BY c.id, c.credits HAVING COALESCE(SUM(a.credits), 0) <> c.credits`,
    ],
    [
      "a refund's allocations add up to its charge's credits",
      `SELECT r.id FROM refunds r JOIN charges c ON c.id = r.charge_id LEFT JOIN allocations a ON a.refund_id = r.id
        GROUP BY r.id, c.credits, r.credits HAVING COALESCE(SUM(a.credits), 0) <> c.credits OR r.credits <> c.credits`,
    ],
    [
      'P20 balance from the lots = balance from the ledger',
      `WITH t AS (SELECT now() AS at),
        by_lots AS (SELECT account_id, SUM(remaining_credits) AS b FROM credit_lots, t
                     WHERE expires_at IS NULL OR expires_at > t.at GROUP BY account_id),
        by_ledger AS (SELECT e.account_id, SUM(e.credits) AS b FROM ledger_entries e JOIN credit_lots l ON l.id = e.lot_id, t
                       WHERE e.at <= t.at AND (l.expires_at IS NULL OR l.expires_at > t.at) GROUP BY e.account_id)
       SELECT a.id FROM accounts a LEFT JOIN by_lots x ON x.account_id = a.id LEFT JOIN by_ledger y ON y.account_id = a.id
        WHERE COALESCE(x.b, 0) <> COALESCE(y.b, 0)`,
    ],
    [
      'the charge rollup = a recount of the charges and refunds (zero rows count as absent)',
      `WITH kept AS (SELECT account_id, day, category, edition, included, refunded, charges, credits, refunded_credits
                       FROM charge_rollup WHERE charges <> 0 OR credits <> 0 OR refunded_credits <> 0)
       (SELECT * FROM kept EXCEPT ALL SELECT * FROM charge_rollup_expected)
       UNION ALL (SELECT * FROM charge_rollup_expected EXCEPT ALL SELECT * FROM kept)`,
    ],
    [
      "the charge rollup's all-accounts level (folded + deltas) = its account rows summed",
      `WITH everyone AS (SELECT day, category, edition, included, refunded, sum(charges) c, sum(credits) cr, sum(refunded_credits) rc
                           FROM (SELECT * FROM charge_rollup_daily UNION ALL SELECT * FROM charge_rollup_delta) x
                          GROUP BY 1, 2, 3, 4, 5 HAVING sum(charges) <> 0 OR sum(credits) <> 0 OR sum(refunded_credits) <> 0),
            each AS (SELECT day, category, edition, included, refunded, sum(charges) c, sum(credits) cr, sum(refunded_credits) rc
                       FROM charge_rollup
                      GROUP BY 1, 2, 3, 4, 5 HAVING sum(charges) <> 0 OR sum(credits) <> 0 OR sum(refunded_credits) <> 0)
       (SELECT * FROM everyone EXCEPT ALL SELECT * FROM each) UNION ALL (SELECT * FROM each EXCEPT ALL SELECT * FROM everyone)`,
    ],
    [
      'P18 one statement per charge and per refund',
      `SELECT 'x' WHERE (SELECT count(*) FROM outbox WHERE topic = 'statement')
                     <> (SELECT count(*) FROM charges) + (SELECT count(*) FROM refunds)`,
    ],
  ];
  const problems: string[] = [];
  for (const [name, sql] of checks) {
    const rows = await ds.query<unknown[]>(sql);
    if (rows.length > 0)
      problems.push(`${name}: ${rows.length} violation(s) ${JSON.stringify(rows.slice(0, 3))}`);
  }
  return problems;
}
