import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('ExpiryNotice', {
  simpleResolvers: true,
  description: 'An expiring-soon notice the account was sent (e-mail and credits.expiring_soon).',
})
export class ExpiryNoticeType {
  @Field(() => ID)
  lotId: string;

  @Field(() => Int, { description: 'The threshold it was sent at: days before the expiry.' })
  thresholdDays: number;

  @Field(() => Int, { description: 'Credits left in the lot when it was sent.' })
  credits: number;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Date, { description: 'When the notice was sent.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the e-mail left; null until then.' })
  mailedAt: Date | null;
}
