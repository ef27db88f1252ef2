import { recordAudit } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import { badInput } from '../common/errors';
import { newId } from '../common/ids';
import { LicenseEntity } from '../licenses/license.entity';
import { LedgerEntryKind, LotSource } from '../policy/enums';
import { grantExpiresAt } from '../policy/grants';
import { lockAccount } from './account-lock';
import { ledgerTransaction } from './ledger-transaction';
import { openLot } from './ledger-writes';

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
    if (license.creditsGranted > 0) {
      await openLot(
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
    await recordAudit(tx, ctx, 'issueLicense', license.accountId, license.id, {
      edition: license.edition,
      credits: license.creditsGranted,
    });
    return license;
  });
}
