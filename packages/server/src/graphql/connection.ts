import { Field, ObjectType } from 'type-graphql';
import type { PageInfo as Position } from '../common/pagination';

@ObjectType({ simpleResolvers: true })
export class PageInfo implements Position {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
