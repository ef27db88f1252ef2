import { recordAudit } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import { badInput, idempotencyConflict } from '../common/errors';
import { parseId } from '../common/ids';
import { MAX_INT, paidAmount, text, wholeCredits } from '../common/validate';
import type { Viewer } from '../common/viewer';
import { LedgerEntryKind, LotSource, Role } from '../policy/enums';
import { lockAccount } from './account-lock';
import { CreditLotEntity } from './credit-lot.entity';
import { liveBalance } from './balance';
import { lotsOf, openLot } from './ledger-writes';
import { isUniqueViolation } from './unique-violation';
import { recordReceipt } from '../outbox/receipts';
import { ledgerTransaction } from './ledger-transaction';

export interface PurchaseInput {
  accountId: string;
  credits: number;
  paymentReference: string;
  /** What the customer paid, in the currency's minor units; with currency, or neither. */
  amountPaidCents?: number | null;
  currency?: string | null;
}

/**
 * Whose payment references a key records into: each PARTNER key its own (its
 * id), staff keys the vendor's. P7 holds within a namespace, and no partner
 * can see or take another's references (issue 19).
 */
export function paymentNamespace(viewer: Viewer): string {
  return viewer.role === Role.PARTNER && viewer.keyId ? viewer.keyId : VENDOR_NAMESPACE;
}

export const VENDOR_NAMESPACE = 'vendor';

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
  const money = paidAmount(input.amountPaidCents, input.currency, {
    cents: 'amountPaidCents',
    currency: 'currency',
  });
  await ctx.access.assertCanSee(accountId, input.accountId, 'Account');
  const namespace = paymentNamespace(ctx.viewer);

  const attempt = () =>
    ledgerTransaction(ctx.ds, async (tx) => {
      const at = await lockAccount(tx, ctx.clock, accountId);
      const existing = await tx.findOneBy(CreditLotEntity, {
        paymentNamespace: namespace,
        paymentReference,
      });
      if (existing) return sameOrConflict(existing, { accountId, credits, money });
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
        {
          accountId,
          source: LotSource.PURCHASE,
          credits,
          expiresAt: null,
          paymentReference,
          paymentNamespace: namespace,
          amountPaidCents: money?.amountPaidCents ?? null,
          currency: money?.currency ?? null,
        },
        LedgerEntryKind.PURCHASE,
        at,
      );
      // The customer's receipt, in the purchase's transaction (as P18 does for statements).
      await recordReceipt(tx, accountId, at, {
        kind: 'PURCHASE',
        lotId: lot.id,
        licenseId: null,
        credits,
        expiresAt: null,
        amountPaidCents: lot.amountPaidCents,
        currency: lot.currency,
        paymentReference,
        note: null,
        balanceAfter: held + credits,
      });
      await recordAudit(tx, ctx, 'purchaseCredits', accountId, lot.id, {
        credits,
        paymentReference,
        ...(money ?? {}),
      });
      return lot;
    });

  try {
    return await attempt();
  } catch (err) {
    // The same reference recorded at the same moment in the same namespace:
    // the unique index let one through; answer as a retry would.
    if (!isUniqueViolation(err, 'credit_lots_payment_reference_uq')) throw err;
    return attempt();
  }
}

/** P7: a replay must match in everything, the money too. */
function sameOrConflict(
  existing: CreditLotEntity,
  asked: {
    accountId: string;
    credits: number;
    money: { amountPaidCents: number; currency: string } | null;
  },
): PurchasedLot {
  if (
    existing.accountId === asked.accountId &&
    existing.originalCredits === asked.credits &&
    existing.amountPaidCents === (asked.money?.amountPaidCents ?? null) &&
    existing.currency === (asked.money?.currency ?? null)
  )
    // P7: the retry is answered with the first lot, and says so.
    return Object.assign(existing, { alreadyRecorded: true });
  throw idempotencyConflict(
    'paymentReference',
    'This payment reference was already recorded with other values.',
  );
}
