import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Which lots paid for a charge (P12), and which lots a refund paid back into
// (P16). One table: a row belongs to exactly one of the two.
@Entity({ name: 'allocations' })
@Index('allocations_charge_idx', ['chargeId'])
@Index('allocations_refund_idx', ['refundId'])
@Check('allocations_credits_check', '"credits" > 0')
@Check('allocations_owner_check', '("charge_id" IS NULL) <> ("refund_id" IS NULL)')
export class AllocationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'charge_id', type: 'uuid', nullable: true })
  chargeId: string | null;

  @Column({ name: 'refund_id', type: 'uuid', nullable: true })
  refundId: string | null;

  @Column({ name: 'lot_id', type: 'uuid' })
  lotId: string;

  @Column({ type: 'integer' })
  credits: number;
}
