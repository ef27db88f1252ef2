import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { LotSource } from '../policy/enums';

// A batch of credits with one origin and one expiry. The counters make P20
// checkable row by row, and the CHECKs make the database refuse any write
// that would break it, whatever code path attempts it.
@Entity({ name: 'credit_lots' })
@Index('credit_lots_spendable_idx', ['accountId', 'expiresAt'])
@Check('credit_lots_remaining_check', '"remaining_credits" >= 0')
@Check(
  'credit_lots_counters_check',
  '"original_credits" > 0 AND "spent_credits" >= 0 AND "refunded_credits" >= 0 AND "expired_credits" >= 0',
)
@Check(
  'credit_lots_balance_check',
  '"original_credits" + "refunded_credits" = "remaining_credits" + "spent_credits" + "expired_credits"',
)
// P7: one payment, one lot, within the namespace of whoever records it.
@Index('credit_lots_payment_reference_uq', ['paymentNamespace', 'paymentReference'], {
  unique: true,
  where: '"payment_reference" IS NOT NULL',
})
@Check(
  'credit_lots_payment_namespace_check',
  '("payment_reference" IS NULL) = ("payment_namespace" IS NULL)',
)
@Check(
  'credit_lots_money_check',
  `("amount_paid_cents" IS NULL OR "amount_paid_cents" >= 0) AND ("currency" IS NULL OR ("amount_paid_cents" IS NOT NULL AND "currency" ~ '^[A-Z]{3}$'))`,
)
export class CreditLotEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'enum', enum: LotSource, enumName: 'lot_source' })
  source: LotSource;

  @Index('credit_lots_license_uq', { unique: true, where: '"license_id" IS NOT NULL' })
  @Column({ name: 'license_id', type: 'uuid', nullable: true })
  licenseId: string | null;

  @Column({ name: 'payment_reference', type: 'varchar', length: 200, nullable: true })
  paymentReference: string | null;

  /** Whose reference it is: a PARTNER key's id, or 'vendor' for staff keys; set with the reference. */
  @Column({ name: 'payment_namespace', type: 'varchar', length: 40, nullable: true })
  paymentNamespace: string | null;

  /**
   * What the lot cost, in the currency's minor units (cents): a purchase's
   * payment, or null when it was recorded without one; 0 for a license grant.
   */
  @Column({ name: 'amount_paid_cents', type: 'integer', nullable: true })
  amountPaidCents: number | null;

  /** ISO 4217, with amountPaidCents; null for grants and purchases without money. */
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'refund_id', type: 'uuid', nullable: true })
  refundId: string | null;

  @Column({ name: 'original_credits', type: 'integer' })
  originalCredits: number;

  @Column({ name: 'remaining_credits', type: 'integer' })
  remainingCredits: number;

  @Column({ name: 'spent_credits', type: 'integer', default: 0 })
  spentCredits: number;

  @Column({ name: 'refunded_credits', type: 'integer', default: 0 })
  refundedCredits: number;

  @Column({ name: 'expired_credits', type: 'integer', default: 0 })
  expiredCredits: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Null: never expires. */
  // Milliseconds, a Date's precision: the live-at rule (db/read-rules.ts) relies on it.
  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3, nullable: true })
  expiresAt: Date | null;

  /** Set when expireCredits wrote the lot's EXPIRY entry (P19). */
  @Column({ name: 'expiry_recorded_at', type: 'timestamptz', nullable: true })
  expiryRecordedAt: Date | null;
}
