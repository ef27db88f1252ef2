import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';

@ObjectType('Account', { simpleResolvers: true })
export class AccountType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType({ simpleResolvers: true })
export class AccountConnection extends ConnectionType(AccountType) {}

@InputType()
export class CreateAccountInput {
  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;
}
