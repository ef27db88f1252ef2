import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection';

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
export class AccountConnection {
  @Field(() => [AccountType])
  nodes: AccountType[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType()
export class CreateAccountInput {
  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;
}
