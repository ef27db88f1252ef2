import { recordAudit } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import { badInput } from '../common/errors';
import { newId } from '../common/ids';
import { LicenseEntity } from '../licenses/license.entity';
import { LedgerEntryKind, LotSource } from '../policy/enums';
import { grantExpiresAt } from '../policy/grants';
import { lockAccount } from './account-lock';
import { ledgerTransaction } from './ledger-transaction';
import { lotsOf, openLot } from './ledger-writes';
import { liveBalance } from './balance';
import { recordReceipt } from '../outbox/receipts';

/**
 * P1-P5: the license and its grant in one transaction under the account lock.
 * The free credits become one lot expiring 12 months after the order date;
 * zero credits open no lot, and the license row keeps the decision and its note.
 */
export async function grantLicense(
  ctx: ServiceContext,
  terms: Omit<LicenseEntity, 'id' | 'createdAt'>,
): Promise<LicenseEntity> {
  return ledgerTransaction(ctx.ds, async (tx) => {
    const at = await lockAccount(tx, ctx.clock, terms.accountId);
    if (terms.orderDate.getTime() > at.getTime())
      throw badInput('orderDate', 'orderDate must not be in the future.');
    const license: LicenseEntity = { ...terms, id: newId(), createdAt: at };
    await tx.insert(LicenseEntity, license);
    let lot: { id: string; expiresAt: Date | null } | null = null;
    if (license.creditsGranted > 0) {
      lot = await openLot(
        tx,
        {
          accountId: license.accountId,
          source: LotSource.LICENSE_GRANT,
          credits: license.creditsGranted,
          expiresAt: grantExpiresAt(license.orderDate),
          licenseId: license.id,
          // Free with the license: a cost basis of 0 (issue 16).
          amountPaidCents: 0,
        },
        LedgerEntryKind.GRANT,
        at,
      );
    }
    // The customer's receipt for what the license brought, 0 credits too (P5).
    await recordReceipt(tx, license.accountId, at, {
      kind: 'GRANT',
      lotId: lot?.id ?? null,
      licenseId: license.id,
      credits: license.creditsGranted,
      expiresAt: lot?.expiresAt?.toISOString() ?? null,
      amountPaidCents: 0,
      currency: null,
      paymentReference: null,
      note: license.grantNote,
      balanceAfter: liveBalance(await lotsOf(tx, license.accountId), at),
    });
    await recordAudit(tx, ctx, 'issueLicense', license.accountId, license.id, {
      edition: license.edition,
      credits: license.creditsGranted,
    });
    return license;
  });
}
