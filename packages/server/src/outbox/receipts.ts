import type { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { insertRow, rowInsert } from '../db/sql';
import { OutboxMessageEntity } from './outbox-message.entity';

export const RECEIPT_TOPIC = 'receipt';

export type ReceiptKind = 'PURCHASE' | 'GRANT';

/** What the customer is told when credits arrive: the facts, fixed at the write. */
export interface ReceiptPayload {
  kind: ReceiptKind;
  /** The new lot; null for a grant of 0 credits (P5), which opens none. */
  lotId: string | null;
  licenseId: string | null;
  credits: number;
  /** ISO instant; null: never expires. */
  expiresAt: string | null;
  amountPaidCents: number | null;
  currency: string | null;
  paymentReference: string | null;
  /** The grant's note (P5: why 0 credits), for grants. */
  note: string | null;
  balanceAfter: number;
}

/**
 * Written in the purchase's or the grant's transaction; the outbox insert
 * enqueues the e-mail (migration receipts), delivered like statements.
 */
export async function recordReceipt(
  tx: EntityManager,
  accountId: string,
  at: Date,
  payload: ReceiptPayload,
): Promise<void> {
  await insertRow(
    tx,
    rowInsert(tx, OutboxMessageEntity, {
      id: newId(),
      accountId,
      topic: RECEIPT_TOPIC,
      payload,
      createdAt: at,
      deliveredAt: null,
      attempts: 0,
    }),
  );
}
