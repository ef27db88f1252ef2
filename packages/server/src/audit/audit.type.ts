import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import { Role } from '../policy/enums';

@ObjectType('AuditEvent', {
  simpleResolvers: true,
  description: 'Who did what: one row per mutation, written in its transaction. Append-only.',
})
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'The mutation, e.g. openTicket, chargeTicket.' })
  action: string;

  @Field(() => ID, { nullable: true, description: 'The account it concerns, where one does.' })
  accountId: string | null;

  @Field(() => String, { nullable: true, description: 'The id of what it acted on.' })
  targetId: string | null;

  @Field(() => ID, { nullable: true, description: 'Null for the bootstrap admin key.' })
  keyId: string | null;

  @Field(() => String, { description: "The acting key's name as it was then." })
  keyName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { description: 'The request id, as in the logs and error answers.' })
  requestId: string;

  @Field(() => String, { description: 'What the action recorded, as a JSON object.' })
  details: string;
}

@ObjectType({ simpleResolvers: true })
export class AuditEventConnection extends ConnectionType(AuditEventType) {}

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Any of these actions.' })
  actions?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The id of the acting API key.' })
  keyId?: string | null;

  @Field(() => String, { nullable: true, description: 'A target id (a ticket, an account, ...).' })
  targetId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Strictly before this instant.' })
  to?: Date | null;
}
