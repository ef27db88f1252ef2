import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import { Edition, LedgerEntryKind, LotSource, TicketCategory } from '../policy/enums';

@ObjectType('CreditLot', { simpleResolvers: true })
export class CreditLotType {
  @Field(() => ID)
  id: string;

  accountId: string;
  licenseId: string | null;

  @Field(() => LotSource)
  source: LotSource;

  @Field(() => String, { nullable: true })
  paymentReference: string | null;

  @Field(() => Int)
  originalCredits: number;

  @Field(() => Int)
  remainingCredits: number;

  @Field(() => Int, { description: 'Credits charged out of this lot, refunds not deducted.' })
  spentCredits: number;

  @Field(() => Int, { description: 'Credits refunded back into this lot (P16).' })
  refundedCredits: number;

  @Field(() => Int, {
    description: 'Credits lost when the lot expired (P19); 0 until the expiry is recorded.',
  })
  expiredCredits: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Null: never expires.' })
  expiresAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "What the lot cost, in the currency's minor units (cents): the purchase's payment; 0 for a license grant or a refund lot; null when recorded without one.",
  })
  amountPaidCents: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217 code of amountPaidCents; null for grants and purchases without money.',
  })
  currency: string | null;
}

@ObjectType('Allocation', { simpleResolvers: true })
export class AllocationType {
  lotId: string;

  @Field(() => Int)
  credits: number;
}

@ObjectType('Charge', { simpleResolvers: true })
export class ChargeType {
  @Field(() => ID)
  id: string;

  ticketId: string;
  accountId: string;

  @Field(() => Int)
  credits: number;

  @Field(() => Boolean)
  included: boolean;

  @Field(() => Int, { description: 'Account balance right after this charge (P18).' })
  balanceAfter: number;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('Refund', { simpleResolvers: true })
export class RefundType {
  @Field(() => ID)
  id: string;

  ticketId: string;
  chargeId: string;

  @Field(() => Int)
  credits: number;

  @Field(() => String)
  reason: string;

  @Field(() => Int)
  balanceAfter: number;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('LedgerEntry', { simpleResolvers: true })
export class LedgerEntryType {
  @Field(() => ID)
  id: string;

  lotId: string;
  ticketId: string | null;

  @Field(() => LedgerEntryKind)
  kind: LedgerEntryKind;

  @Field(() => Int, {
    description: 'Signed: positive adds credits to the lot, negative takes them away.',
  })
  credits: number;

  @Field(() => Date)
  at: Date;
}

@ObjectType({ simpleResolvers: true })
export class ChargeConnection extends ConnectionType(ChargeType) {}

@ObjectType({ simpleResolvers: true })
export class LedgerEntryConnection extends ConnectionType(LedgerEntryType) {}

@ObjectType({ simpleResolvers: true })
export class ChargeBucket {
  @Field(() => String, {
    description:
      "The group's value: YYYY-MM-DD (DAY), YYYY-MM (MONTH), the enum value's name (CATEGORY, EDITION), or the account id (ACCOUNT).",
  })
  key: string;

  @Field(() => Int)
  charges: number;

  @Field(() => Int)
  credits: number;

  @Field(() => Int)
  includedCharges: number;

  @Field(() => Int)
  refundedCredits: number;
}

@InputType()
export class ChargeFilter {
  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;

  @Field(() => [TicketCategory], { nullable: true })
  categories?: TicketCategory[] | null;

  @Field(() => [Edition], { nullable: true })
  editions?: Edition[] | null;

  @Field(() => Boolean, { nullable: true })
  included?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  refunded?: boolean | null;
}

@InputType()
export class PurchaseCreditsInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => Int)
  credits: number;

  @Field(() => String, {
    description:
      "Unique per recording key's namespace: each partner key its own, staff keys the vendor's (P7).",
  })
  paymentReference: string;

  @Field(() => Int, {
    nullable: true,
    description: "What was paid, in the currency's minor units (cents). With currency, or neither.",
  })
  amountPaidCents?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217 code, e.g. EUR. With amountPaidCents, or neither.',
  })
  currency?: string | null;
}

@InputType()
export class ChargeTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => Int)
  credits: number;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class RefundTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => String)
  reason: string;
}
