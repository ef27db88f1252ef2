import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Who did what, written in the same transaction as the change. Append-only,
// like the ledger.
@Entity({ name: 'audit_events' })
@Index('audit_events_account_idx', ['accountId', 'id'])
@Index('audit_events_key_idx', ['apiKeyId', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  apiKeyId: string | null;

  @Column({ name: 'actor', type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ name: 'target_id', type: 'varchar', length: 100, nullable: true })
  targetId: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100 })
  requestId: string;

  @Column({ type: 'jsonb', default: {} })
  details: object;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
