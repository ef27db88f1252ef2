import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StatementKind } from '../policy/enums';
import { ConnectionType } from '../graphql/connection';

export enum StatementDeliveryStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  RETRYING = 'RETRYING',
  FAILED = 'FAILED',
}
registerEnumType(StatementDeliveryStatus, {
  name: 'StatementDeliveryStatus',
  description:
    'Where the statement e-mail is: waiting, sent, retrying after a transient failure, or failed for good.',
});

@ObjectType({ simpleResolvers: true, description: "The statement e-mail's delivery." })
export class StatementDelivery {
  @Field(() => StatementDeliveryStatus)
  status: StatementDeliveryStatus;

  @Field(() => Int, { description: 'Tries so far.' })
  attempts: number;

  @Field(() => Date, { nullable: true, description: 'When RETRYING: the next try.' })
  nextAttemptAt: Date | null;

  @Field(() => String, { nullable: true, description: "The mail server's last refusal or error." })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The message a customer gets after a charge or refund (P18).',
})
export class Statement {
  @Field(() => ID)
  id: string;

  ticketId: string;

  @Field(() => StatementKind)
  kind: StatementKind;

  @Field(() => Int)
  credits: number;

  @Field(() => Int)
  balanceAfter: number;

  @Field(() => String)
  message: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Null until the delivery worker has sent it.' })
  deliveredAt: Date | null;

  @Field(() => StatementDelivery)
  delivery: StatementDelivery;
}

@ObjectType({ simpleResolvers: true })
export class StatementConnection extends ConnectionType(Statement) {}
