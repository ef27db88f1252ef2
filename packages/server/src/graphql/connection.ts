import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { Connection as Page, PageInfo as Position } from '../common/pagination';

@ObjectType({ simpleResolvers: true })
export class PageInfo implements Position {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/**
 * The fields every `*Connection` type shares, for one node type. Subclass it
 * under the contract's name: `@ObjectType() class TicketConnection extends
 * ConnectionType(TicketType) {}` (type-graphql's generic-types pattern).
 */
export function ConnectionType<T extends object>(node: ClassType<T>) {
  @ObjectType({ simpleResolvers: true })
  abstract class Connection implements Page<T> {
    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return Connection;
}
