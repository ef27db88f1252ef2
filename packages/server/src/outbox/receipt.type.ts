import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import type { OutboxMessageEntity } from './outbox-message.entity';
import type { ReceiptKind, ReceiptPayload } from './receipts';

export enum ReceiptKindEnum {
  PURCHASE = 'PURCHASE',
  GRANT = 'GRANT',
}
registerEnumType(ReceiptKindEnum, {
  name: 'ReceiptKind',
  description: 'What brought the credits: a purchase, or a license grant.',
});

@ObjectType({
  simpleResolvers: true,
  description: 'The message a customer gets when credits arrive: a purchase or a license grant.',
})
export class Receipt {
  @Field(() => ID)
  id: string;

  @Field(() => ReceiptKindEnum)
  kind: ReceiptKind;

  @Field(() => Int, { description: 'Credits added (0 for a grant that gives none, P5).' })
  credits: number;

  @Field(() => Date, { nullable: true, description: 'When these credits expire; null: never.' })
  expiresAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'What was paid, in minor units.' })
  amountPaidCents: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of amountPaidCents.' })
  currency: string | null;

  @Field(() => String, { nullable: true })
  paymentReference: string | null;

  @Field(() => String, { nullable: true, description: "A grant's note (P5: why 0 credits)." })
  note: string | null;

  @Field(() => Int, { description: 'The balance right after.' })
  balanceAfter: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Null until the delivery worker has sent it.' })
  deliveredAt: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class ReceiptConnection extends ConnectionType(Receipt) {}

export function toReceipt(row: OutboxMessageEntity): Receipt {
  const p = row.payload as unknown as ReceiptPayload;
  return {
    id: row.id,
    kind: p.kind,
    credits: p.credits,
    expiresAt: p.expiresAt === null ? null : new Date(p.expiresAt),
    amountPaidCents: p.amountPaidCents,
    currency: p.currency,
    paymentReference: p.paymentReference,
    note: p.note,
    balanceAfter: p.balanceAfter,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
  };
}
