import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'refunds' })
// Unique (account_id, id): the key a table distributed by account_id keeps (docs/scaling.md).
@Index('refunds_account_id_uq', ['accountId', 'id'], { unique: true })
@Check('refunds_credits_check', '"credits" > 0 AND "balance_after" >= 0')
export class RefundEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  // P17: a ticket is refunded at most once.
  @Index('refunds_ticket_uq', { unique: true })
  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Index('refunds_charge_uq', { unique: true })
  @Column({ name: 'charge_id', type: 'uuid' })
  chargeId: string;

  @Column({ type: 'integer' })
  credits: number;

  @Column({ type: 'varchar', length: 2000 })
  reason: string;

  @Column({ name: 'balance_after', type: 'integer' })
  balanceAfter: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
