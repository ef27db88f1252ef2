import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../db/prepared';
import { type RowInsert, columnsOf, insertCtes, queryRows } from '../db/sql';
import { newId } from '../common/ids';
import { LedgerEntryKind, LotSource } from '../policy/enums';
import { AllocationEntity } from './allocation.entity';
import type { ChargeEntity } from './charge.entity';
import { CreditLotEntity } from './credit-lot.entity';
import { LedgerEntryEntity } from './ledger-entry.entity';

// The primitives every credit movement is built from: each change to a lot's
// counters is paired with its signed ledger entry, so the ledger alone
// always re-adds to the lots (P20). Callers hold the account lock.

export interface EntryRefs {
  ticketId?: string | null;
  chargeId?: string | null;
  refundId?: string | null;
}

async function appendEntry(
  tx: EntityManager,
  lot: { id: string; accountId: string },
  kind: LedgerEntryKind,
  credits: number,
  at: Date,
  refs: EntryRefs = {},
): Promise<void> {
  await tx.insert(LedgerEntryEntity, {
    accountId: lot.accountId,
    lotId: lot.id,
    kind,
    credits,
    ticketId: refs.ticketId ?? null,
    chargeId: refs.chargeId ?? null,
    refundId: refs.refundId ?? null,
    at,
  });
}

/** A new lot and the entry that brings its credits in. */
export async function openLot(
  tx: EntityManager,
  lot: {
    accountId: string;
    source: LotSource;
    credits: number;
    expiresAt: Date | null;
    licenseId?: string | null;
    paymentReference?: string | null;
    paymentNamespace?: string | null;
    amountPaidCents?: number | null;
    currency?: string | null;
    refundId?: string | null;
  },
  kind: LedgerEntryKind,
  at: Date,
  refs: EntryRefs = {},
): Promise<CreditLotEntity> {
  const row: CreditLotEntity = {
    id: newId(),
    accountId: lot.accountId,
    source: lot.source,
    licenseId: lot.licenseId ?? null,
    paymentReference: lot.paymentReference ?? null,
    paymentNamespace: lot.paymentNamespace ?? null,
    amountPaidCents: lot.amountPaidCents ?? null,
    currency: lot.currency ?? null,
    refundId: lot.refundId ?? null,
    originalCredits: lot.credits,
    remainingCredits: lot.credits,
    spentCredits: 0,
    refundedCredits: 0,
    expiredCredits: 0,
    createdAt: at,
    expiresAt: lot.expiresAt,
    expiryRecordedAt: null,
  };
  await tx.insert(CreditLotEntity, row);
  await appendEntry(tx, row, kind, lot.credits, at, refs);
  return row;
}

/**
 * A charge and its draw (P11-P13) in one statement: the charge row; for each
 * lot drawn its counters, its CHARGE entry and the allocation row (P12); and
 * the rows that go with it (`alongside`: the customer's statement, the audit
 * event). The ticket's status follows from the charge row, by trigger. It
 * runs under the account lock, where every round trip holds up the next
 * charge on the account. (The foreign keys from the entries and allocations
 * to the charge are checked at the statement's end, when the charge row is in.)
 */
export async function writeChargeAndDraw(
  tx: EntityManager,
  charge: ChargeEntity,
  draws: { lotId: string; credits: number }[],
  alongside: RowInsert[] = [],
): Promise<void> {
  const params: unknown[] = [
    charge.id,
    charge.accountId,
    charge.ticketId,
    charge.credits,
    charge.included,
    charge.balanceAfter,
    charge.idempotencyKey,
    charge.category,
    charge.edition,
    charge.hostingPlan,
    charge.createdAt,
    draws.map((d) => d.lotId),
    draws.map((d) => d.credits),
  ];
  const more = insertCtes(alongside, params.length + 1);
  await queryPrepared(
    tx,
    `WITH ${more.sql ? `${more.sql},\n` : ''}
          ch AS (INSERT INTO charges (id, account_id, ticket_id, credits, included, balance_after, idempotency_key,
                                      category, edition, hosting_plan, created_at)
                 VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int, $5::boolean, $6::int, $7::varchar,
                         $8::ticket_category, $9::edition, $10::hosting_plan, $11::timestamptz)),
          d AS (SELECT * FROM unnest($12::uuid[], $13::int[]) AS d(lot_id, credits)),
          debit AS (UPDATE credit_lots l
                       SET remaining_credits = l.remaining_credits - d.credits, spent_credits = l.spent_credits + d.credits
                      FROM d WHERE l.id = d.lot_id),
          entry AS (INSERT INTO ledger_entries (account_id, lot_id, kind, credits, ticket_id, charge_id, at)
                    SELECT $2, d.lot_id, 'CHARGE', -d.credits, $3, $1, $11 FROM d)
     INSERT INTO allocations (account_id, charge_id, lot_id, credits) SELECT $2, $1, d.lot_id, d.credits FROM d`,
    [...params, ...more.params],
  );
}

/**
 * A refund's pay-back (P16), the mirror of drawFromLots: credits back into
 * the lots they were drawn from, the rest into one new never-expiring lot,
 * each with its REFUND entry, and the refund's allocation rows.
 */
export async function payBack(
  tx: EntityManager,
  accountId: string,
  route: { backToLot: { lotId: string; credits: number }[]; toNewLot: number },
  at: Date,
  refs: { ticketId: string; chargeId: string; refundId: string },
): Promise<void> {
  const paidBack = [...route.backToLot];
  for (const a of route.backToLot) {
    await tx.query(
      'UPDATE credit_lots SET remaining_credits = remaining_credits + $2, refunded_credits = refunded_credits + $2 WHERE id = $1',
      [a.lotId, a.credits],
    );
    await appendEntry(tx, { id: a.lotId, accountId }, LedgerEntryKind.REFUND, a.credits, at, refs);
  }
  if (route.toNewLot > 0) {
    const lot = await openLot(
      tx,
      {
        accountId,
        source: LotSource.REFUND,
        credits: route.toNewLot,
        expiresAt: null,
        refundId: refs.refundId,
        // Cost basis 0: the value of these credits stays with the expired
        // lot they were charged from, counted there as spent (docs/finance.md).
        amountPaidCents: 0,
      },
      LedgerEntryKind.REFUND,
      at,
      refs,
    );
    paidBack.push({ lotId: lot.id, credits: route.toNewLot });
  }
  await tx.insert(
    AllocationEntity,
    paidBack.map((a) => ({
      accountId,
      chargeId: null,
      refundId: refs.refundId,
      lotId: a.lotId,
      credits: a.credits,
    })),
  );
}

/** P19: what was left in the lot is lost, and the ledger says how much. */
export async function expireLot(tx: EntityManager, lot: CreditLotEntity, at: Date): Promise<void> {
  await tx.query(
    `UPDATE credit_lots SET expired_credits = expired_credits + remaining_credits, remaining_credits = 0,
       expiry_recorded_at = $2 WHERE id = $1`,
    [lot.id, at],
  );
  await appendEntry(tx, lot, LedgerEntryKind.EXPIRY, -lot.remainingCredits, at);
}

/** All the account's lots, read under the account lock. */
export async function lotsOf(tx: EntityManager, accountId: string): Promise<CreditLotEntity[]> {
  return queryRows<CreditLotEntity>(
    tx,
    `SELECT ${columnsOf(tx, CreditLotEntity, 'l')} FROM credit_lots l WHERE l.account_id = $1`,
    [accountId],
  );
}
