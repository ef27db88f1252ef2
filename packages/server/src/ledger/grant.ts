import type { EntityManager } from 'typeorm';
import type { LicenseEntity } from '../licenses/license.entity';
import { LedgerEntryKind, LotSource } from '../policy/enums';
import { grantExpiresAt } from '../policy/grants';
import type { CreditLotEntity } from './credit-lot.entity';
import { openLot } from './ledger-writes';

/**
 * P1-P5: the license's free credits become one lot expiring 12 months after
 * the order date. Zero credits open no lot; the license row keeps the
 * decision and its note. Runs in the issuing transaction, under the lock.
 */
export async function grantLicenseCredits(
  tx: EntityManager,
  license: LicenseEntity,
  at: Date,
): Promise<CreditLotEntity | null> {
  if (license.creditsGranted === 0) return null;
  return openLot(
    tx,
    {
      accountId: license.accountId,
      source: LotSource.LICENSE_GRANT,
      credits: license.creditsGranted,
      expiresAt: grantExpiresAt(license.orderDate),
      licenseId: license.id,
    },
    LedgerEntryKind.GRANT,
    at,
  );
}
