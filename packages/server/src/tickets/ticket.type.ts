import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import { SupportLevel, TicketCategory, TicketStatus } from '../policy/enums';

@ObjectType('PriceRange', { simpleResolvers: true })
export class PriceRangeType {
  @Field(() => Int)
  min: number;

  @Field(() => Int)
  max: number;

  @Field(() => Boolean, {
    description: 'True where the license gets this category with no charge (min = max = 0).',
  })
  included: boolean;
}

@ObjectType('Ticket', { simpleResolvers: true })
export class TicketType {
  @Field(() => ID)
  id: string;

  accountId: string;
  licenseId: string;
  priceMin: number;
  priceMax: number;

  @Field(() => TicketCategory)
  category: TicketCategory;

  @Field(() => SupportLevel)
  level: SupportLevel;

  @Field(() => String)
  subject: string;

  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => Date)
  openedAt: Date;
}

@ObjectType({ simpleResolvers: true, description: "A step in a ticket's life." })
export class TicketEvent {
  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType({ simpleResolvers: true })
export class TicketConnection extends ConnectionType(TicketType) {}

@ObjectType('Quote', { simpleResolvers: true })
export class QuoteType {
  licenseId: string;

  @Field(() => TicketCategory)
  category: TicketCategory;

  @Field(() => SupportLevel)
  level: SupportLevel;

  @Field(() => PriceRangeType)
  price: PriceRangeType;

  @Field(() => Int)
  balance: number;

  @Field(() => Boolean, { description: 'True where the balance covers the top of the range.' })
  sufficient: boolean;
}

@InputType()
export class OpenTicketInput {
  @Field(() => ID)
  licenseId: string;

  @Field(() => TicketCategory)
  category: TicketCategory;

  @Field(() => String)
  subject: string;
}
