import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Edition, HostingPlan, SupportLevel } from '../policy/enums';

@ObjectType('License', { simpleResolvers: true })
export class LicenseType {
  @Field(() => ID)
  id: string;

  accountId: string;

  @Field(() => Edition)
  edition: Edition;

  @Field(() => HostingPlan, { nullable: true })
  hostingPlan: HostingPlan | null;

  @Field(() => String)
  domain: string;

  @Field(() => Date)
  orderDate: Date;

  @Field(() => Int)
  listPriceCents: number;

  @Field(() => Int)
  paidPriceCents: number;

  @Field(() => Int)
  creditsGranted: number;

  @Field(() => String, { description: 'Why this many credits were granted, in words (P5).' })
  grantNote: string;
}

@InputType()
export class IssueLicenseInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => Edition)
  edition: Edition;

  @Field(() => HostingPlan, {
    nullable: true,
    description: 'Required for SAAS, refused for the other editions.',
  })
  hostingPlan?: HostingPlan | null;

  @Field(() => String)
  domain: string;

  @Field(() => Date)
  orderDate: Date;

  @Field(() => Int)
  listPriceCents: number;

  @Field(() => Int)
  paidPriceCents: number;
}

@InputType()
export class GrantPreviewInput {
  @Field(() => Edition)
  edition: Edition;

  @Field(() => HostingPlan, { nullable: true })
  hostingPlan?: HostingPlan | null;

  @Field(() => Int)
  listPriceCents: number;

  @Field(() => Int)
  paidPriceCents: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'What issuing a license with these terms would grant (P1-P5), without issuing it.',
})
export class GrantPreview {
  @Field(() => Int)
  credits: number;

  @Field(() => String)
  note: string;

  @Field(() => [SupportLevel])
  includedLevels: SupportLevel[];
}
