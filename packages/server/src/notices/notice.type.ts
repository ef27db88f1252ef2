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

@ObjectType('LowBalanceNotice', {
  simpleResolvers: true,
  description:
    'A low-balance notice (e-mail and balance.low), sent when a charge crossed the threshold.',
})
export class LowBalanceNoticeType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The charge that took the balance below the threshold.' })
  chargeId: string;

  @Field(() => Int)
  balance: number;

  @Field(() => Int)
  threshold: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  mailedAt: Date | null;
}

@ObjectType('LowBalance', { simpleResolvers: true })
export class LowBalanceType {
  @Field(() => Int, { description: "The threshold in force: the account's own, else the default." })
  threshold: number;

  @Field(() => Boolean, {
    description: 'True when the account uses the default (LOW_BALANCE_THRESHOLD).',
  })
  isDefault: boolean;

  @Field(() => Boolean, {
    description:
      'The notice state: set when a charge crossed the threshold (and a notice went out), cleared when credits came back. It moves only with the ledger, not when the threshold changes; for "is the balance below it now" read isBelow.',
  })
  below: boolean;

  accountId: string;
}
