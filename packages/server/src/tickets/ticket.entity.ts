import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { SupportLevel, TicketCategory, TicketStatus } from '../policy/enums';

// The price range is fixed when the ticket opens (P8), so a later change of
// the price table never reprices an open ticket.
@Entity({ name: 'tickets' })
// Unique (account_id, id): the key a table distributed by account_id keeps (docs/scaling.md).
@Index('tickets_account_id_uq', ['accountId', 'id'], { unique: true })
@Index('tickets_status_idx', ['status', 'id'])
@Index('tickets_opened_by_idx', ['openedByKeyId', 'id'])
@Check('tickets_price_check', '"price_min" >= 0 AND "price_min" <= "price_max"')
export class TicketEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Index('tickets_license_idx')
  @Column({ name: 'license_id', type: 'uuid' })
  licenseId: string;

  @Column({ type: 'enum', enum: TicketCategory, enumName: 'ticket_category' })
  category: TicketCategory;

  @Column({ type: 'enum', enum: SupportLevel, enumName: 'support_level' })
  level: SupportLevel;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({
    type: 'enum',
    enum: TicketStatus,
    enumName: 'ticket_status',
    default: TicketStatus.OPEN,
  })
  status: TicketStatus;

  @Column({ name: 'price_min', type: 'integer' })
  priceMin: number;

  @Column({ name: 'price_max', type: 'integer' })
  priceMax: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  /** The key that opened it: null for the bootstrap admin key. */
  @Column({ name: 'opened_by_key_id', type: 'uuid', nullable: true })
  openedByKeyId: string | null;

  /** The opening key's name, kept as it was then (keys can be renamed or revoked). */
  @Column({ name: 'opened_by_name', type: 'varchar', length: 200, nullable: true })
  openedByName: string | null;
}
