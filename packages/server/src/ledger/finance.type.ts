import { Field, Int, ObjectType } from 'type-graphql';
import { LotSource } from '../policy/enums';

@ObjectType('LiabilityLine', {
  simpleResolvers: true,
  description: 'Credits outstanding in live lots of one source and currency, and their value.',
})
export class LiabilityLineType {
  @Field(() => LotSource, {
    description:
      'LICENSE_GRANT (granted), PURCHASE (purchased) or REFUND (refunded back after expiry).',
  })
  source: LotSource;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217; null for grants, refund lots and purchases recorded without money.',
  })
  currency: string | null;

  @Field(() => Int)
  lots: number;

  @Field(() => Int)
  credits: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Value of the credits in the currency's minor units (cents); 0 for grants and refund lots; null for purchases recorded without money.",
  })
  valueCents: number | null;
}

@ObjectType('CreditLiability', {
  simpleResolvers: true,
  description: 'Prepaid credits still owed at an instant (live lots only), from the ledger.',
})
export class CreditLiabilityType {
  @Field(() => Date)
  asOf: Date;

  @Field(() => Int, { description: 'All credits outstanding, every line together.' })
  credits: number;

  @Field(() => [LiabilityLineType])
  lines: LiabilityLineType[];
}

@ObjectType('BreakageBucket', {
  simpleResolvers: true,
  description:
    'Credits that lapsed unused in one UTC month, in lots of one currency, and their value.',
})
export class BreakageBucketType {
  @Field(() => Date, { description: 'The first instant of the month (UTC).' })
  month: Date;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217; null for grants and refund lots.',
  })
  currency: string | null;

  @Field(() => Int)
  lots: number;

  @Field(() => Int)
  credits: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "Value in the currency's minor units (cents); null for lots recorded without money.",
  })
  valueCents: number | null;
}
