import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Edition, HostingPlan } from '../policy/enums';

@Entity({ name: 'licenses' })
// Unique (account_id, id): the key a table distributed by account_id keeps (docs/scaling.md).
@Index('licenses_account_id_uq', ['accountId', 'id'], { unique: true })
@Check(
  'licenses_prices_check',
  '"list_price_cents" >= 0 AND "paid_price_cents" >= 0 AND "paid_price_cents" <= "list_price_cents"',
)
@Check('licenses_plan_check', '("edition" = \'SAAS\') = ("hosting_plan" IS NOT NULL)')
@Check('licenses_granted_check', '"credits_granted" >= 0')
export class LicenseEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

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

  @Column({ type: 'varchar', length: 253 })
  domain: string;

  @Column({ name: 'order_date', type: 'timestamptz' })
  orderDate: Date;

  @Column({ name: 'list_price_cents', type: 'integer' })
  listPriceCents: number;

  @Column({ name: 'paid_price_cents', type: 'integer' })
  paidPriceCents: number;

  @Column({ name: 'credits_granted', type: 'integer' })
  creditsGranted: number;

  @Column({ name: 'grant_note', type: 'text' })
  grantNote: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
