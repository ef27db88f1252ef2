import { recordAudit } from '../audit/audit';
import type { RequestContext } from '../graphql/context';
import { badInput } from '../graphql/errors';
import { instant } from '../graphql/validate';
import { lockAccounts } from './account-lock';
import { CreditLotEntity } from './credit-lot.entity';
import { expireLot } from './ledger-writes';
import { columnsOf, queryRows } from '../db/sql';

/**
 * P19: writes an EXPIRY entry for every lot dead at `asOf` whose expiry is not
 * yet recorded. Spending already ignores dead lots (read-time expiry); this
 * makes the history add up. Idempotent: a second run finds nothing to do.
 */
export async function expireCredits(ctx: RequestContext, asOfInput: Date | null | undefined): Promise<number> {
  const asOf = asOfInput ? instant(asOfInput, 'asOf') : null;
  return ctx.ds.transaction(async (tx) => {
    const [{ now }] = (await tx.query('SELECT clock_timestamp() AS now')) as [{ now: Date }];
    const cutoff = asOf ?? now;
    // Expiry is recorded only once it has happened: a future asOf would take
    // credits that can still be spent.
    if (cutoff.getTime() > now.getTime()) throw badInput('asOf', 'asOf must not be in the future.');

    const due = await queryRows<{ accountId: string }>(
      tx,
      `SELECT DISTINCT account_id AS "accountId" FROM credit_lots
        WHERE expires_at <= $1 AND expiry_recorded_at IS NULL`,
      [cutoff],
    );
    if (due.length === 0) return 0;
    const accountIds = due.map((d) => d.accountId);
    const at = await lockAccounts(tx, accountIds);
    const lots = await queryRows<CreditLotEntity>(
      tx,
      `SELECT ${columnsOf(tx, CreditLotEntity, 'l')} FROM credit_lots l
        WHERE l.account_id = ANY($1::uuid[]) AND l.expires_at <= $2 AND l.expiry_recorded_at IS NULL
        ORDER BY l.expires_at, l.id`,
      [accountIds, cutoff],
    );
    for (const lot of lots) await expireLot(tx, lot, at);
    await recordAudit(tx, ctx, 'expireCredits', null, null, { asOf: cutoff.toISOString(), lots: lots.length });
    return lots.length;
  });
}
