import { Field, Int, ObjectType } from 'type-graphql';
import { Edition, HostingPlan, SupportLevel, TicketCategory } from '../policy/enums';
import { PriceRangeType } from '../tickets/ticket.type';

@ObjectType({ simpleResolvers: true })
export class PlanPrice {
  @Field(() => Edition)
  edition: Edition;

  @Field(() => HostingPlan, { nullable: true })
  hostingPlan: HostingPlan | null;

  @Field(() => PriceRangeType)
  price: PriceRangeType;
}

@ObjectType({ simpleResolvers: true })
export class CategoryPricing {
  @Field(() => TicketCategory)
  category: TicketCategory;

  @Field(() => SupportLevel)
  level: SupportLevel;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => [PlanPrice])
  prices: PlanPrice[];
}

@ObjectType({ simpleResolvers: true })
export class GrantRule {
  @Field(() => Edition)
  edition: Edition;

  @Field(() => HostingPlan, { nullable: true })
  hostingPlan: HostingPlan | null;

  @Field(() => Int)
  credits: number;

  @Field(() => [SupportLevel])
  includedLevels: SupportLevel[];
}

@ObjectType('DiscountRule', { simpleResolvers: true })
export class DiscountRuleType {
  @Field(() => [Edition], {
    description: 'Editions that grant no credits when bought at more than maxDiscountPercent off.',
  })
  editions: Edition[];

  @Field(() => Int)
  maxDiscountPercent: number;
}

@ObjectType({
  simpleResolvers: true,
  description: "The vendor's policy tables as the gateway applies them (P1, P2, P3, P8).",
})
export class Pricing {
  @Field(() => [CategoryPricing])
  categories: CategoryPricing[];

  @Field(() => [GrantRule])
  grants: GrantRule[];

  @Field(() => DiscountRuleType)
  discountRule: DiscountRuleType;

  @Field(() => Int)
  grantValidityMonths: number;
}
