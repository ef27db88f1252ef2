import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type StatementDeliveryStatus = 'QUEUED' | 'SENT' | 'RETRYING' | 'FAILED';

// Transactional outbox: a message is written in the same transaction as the
// change it reports (P18); a trigger enqueues its job in that transaction too
// (migration Outbound), and the job worker sends it and records the outcome.
@Entity({ name: 'outbox' })
@Index('outbox_account_idx', ['accountId', 'id'])
@Index('outbox_pending_idx', ['id'], { where: '"delivered_at" IS NULL' })
@Index('outbox_due_idx', ['topic', 'id'], {
  where: `"status" IN ('QUEUED', 'RETRYING') AND "delivered_at" IS NULL`,
})
@Check('outbox_status_check', `"status" IN ('QUEUED', 'SENT', 'RETRYING', 'FAILED')`)
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

  @Column({ type: 'varchar', length: 20, default: 'QUEUED' })
  status: StatementDeliveryStatus;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The worker sending it now, and until when its claim holds (jobs/outbox-mail.ts). */
  @Column({ name: 'claimed_by', type: 'text', nullable: true })
  claimedBy: string | null;

  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;
}
