import { recordAudit } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import { badInput, idempotencyConflict } from '../common/errors';
import { parseId } from '../common/ids';
import { MAX_INT, text, wholeCredits } from '../common/validate';
import { LedgerEntryKind, LotSource } from '../policy/enums';
import { lockAccount } from './account-lock';
import { CreditLotEntity } from './credit-lot.entity';
import { liveBalance } from './balance';
import { lotsOf, openLot } from './ledger-writes';
import { isUniqueViolation } from './unique-violation';
import { ledgerTransaction } from './ledger-transaction';

export interface PurchaseInput {
  accountId: string;
  credits: number;
  paymentReference: string;
}

/** P6, P7: bought credits never expire; one payment reference, one lot. */
/** The purchase's lot; `alreadyRecorded` when the payment reference was seen before (nothing added). */
export type PurchasedLot = CreditLotEntity & { alreadyRecorded?: boolean };

export async function purchaseCredits(
  ctx: ServiceContext,
  input: PurchaseInput,
): Promise<PurchasedLot> {
  const accountId = parseId(input.accountId, 'accountId');
  const credits = wholeCredits(input.credits, 'credits', 1);
  const paymentReference = text(input.paymentReference, 'paymentReference', { max: 200 });
  await ctx.access.assertCanSee(accountId, input.accountId, 'Account');

  const attempt = () =>
    ledgerTransaction(ctx.ds, async (tx) => {
      const at = await lockAccount(tx, ctx.clock, accountId);
      const existing = await tx.findOneBy(CreditLotEntity, { paymentReference });
      if (existing) return sameOrConflict(existing, accountId, credits);
      // Balances are GraphQL Ints: refuse what would push one past MAX_INT.
      const held = liveBalance(await lotsOf(tx, accountId), at);
      if (held + credits > MAX_INT) {
        throw badInput(
          'credits',
          `The account would hold more than ${MAX_INT} credits; buy at most ${MAX_INT - held}.`,
        );
      }
      const lot = await openLot(
        tx,
        { accountId, source: LotSource.PURCHASE, credits, expiresAt: null, paymentReference },
        LedgerEntryKind.PURCHASE,
        at,
      );
      await recordAudit(tx, ctx, 'purchaseCredits', accountId, lot.id, {
        credits,
        paymentReference,
      });
      return lot;
    });

  try {
    return await attempt();
  } catch (err) {
    // The same reference recorded at the same moment for another account:
    // the unique index let one through; answer as a retry would.
    if (!isUniqueViolation(err, 'credit_lots_payment_reference_uq')) throw err;
    return attempt();
  }
}

function sameOrConflict(
  existing: CreditLotEntity,
  accountId: string,
  credits: number,
): PurchasedLot {
  // P7: the retry is answered with the first lot, and says so.
  if (existing.accountId === accountId && existing.originalCredits === credits)
    return Object.assign(existing, { alreadyRecorded: true });
  throw idempotencyConflict(
    'paymentReference',
    'This payment reference was already recorded with other values.',
  );
}
