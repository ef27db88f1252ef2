import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Edition, HostingPlan, TicketCategory } from '../policy/enums';

// Immutable once written. Category and edition are copied from the ticket and
// license (both immutable) so charge history filters without joins.
@Entity({ name: 'charges' })
@Index('charges_account_idx', ['accountId', 'id'])
// Carries the columns the rollup's part-days sum (INCLUDE, migration
// ChargesByTimeCovering), which TypeORM cannot declare: not synchronized.
@Index('charges_by_time_idx', { synchronize: false })
@Check('charges_credits_check', '"credits" >= 0 AND "balance_after" >= 0')
export class ChargeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  // P11: a ticket is charged at most once.
  @Index('charges_ticket_uq', { unique: true })
  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @Column({ type: 'integer' })
  credits: number;

  @Column({ type: 'boolean' })
  included: boolean;

  @Column({ name: 'balance_after', type: 'integer' })
  balanceAfter: number;

  @Index('charges_idempotency_key_uq', { unique: true, where: '"idempotency_key" IS NOT NULL' })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'enum', enum: TicketCategory, enumName: 'ticket_category' })
  category: TicketCategory;

  @Column({ type: 'enum', enum: Edition, enumName: 'edition' })
  edition: Edition;

  @Column({
    name: 'hosting_plan',
    type: 'enum',
    enum: HostingPlan,
    enumName: 'hosting_plan',
    nullable: true,
  })
  hostingPlan: HostingPlan | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
