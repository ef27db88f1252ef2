import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// Transactional outbox: a message is written in the same transaction as the
// change it reports (P18), and delivered later by a worker that marks it
// delivered. Statements are its first topic; partner webhooks will be next.
@Entity({ name: 'outbox' })
@Index('outbox_account_idx', ['accountId', 'id'])
@Index('outbox_pending_idx', ['id'], { where: '"delivered_at" IS NULL' })
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'varchar', length: 100 })
  topic: string;

  @Column({ type: 'jsonb' })
  payload: object;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;
}
