import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LedgerEntryKind } from '../policy/enums';

// Append-only: the database refuses UPDATE and DELETE on this table (see the
// ledger-guards migration). Signed credits: + into the lot, - out of it.
@Entity({ name: 'ledger_entries' })
@Index('ledger_entries_account_idx', ['accountId', 'id'])
@Index('ledger_entries_lot_idx', ['lotId', 'at'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'lot_id', type: 'uuid' })
  lotId: string;

  @Column({ type: 'enum', enum: LedgerEntryKind, enumName: 'ledger_entry_kind' })
  kind: LedgerEntryKind;

  @Column({ type: 'integer' })
  credits: number;

  @Column({ name: 'ticket_id', type: 'uuid', nullable: true })
  ticketId: string | null;

  @Column({ name: 'charge_id', type: 'uuid', nullable: true })
  chargeId: string | null;

  @Column({ name: 'refund_id', type: 'uuid', nullable: true })
  refundId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
