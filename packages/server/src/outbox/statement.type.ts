import { Field, ID, Int, ObjectType } from 'type-graphql';
import { StatementKind } from '../policy/enums';
import { ConnectionType } from '../graphql/connection';

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
}

@ObjectType({ simpleResolvers: true })
export class StatementConnection extends ConnectionType(Statement) {}
