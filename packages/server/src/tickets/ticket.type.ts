import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import { Edition, SupportLevel, TicketCategory, TicketStatus } from '../policy/enums';

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

  @Field(() => ID, {
    nullable: true,
    description: 'The API key that opened it; null for the bootstrap admin key.',
  })
  openedByKeyId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The opening key's name as it was then; null for tickets older than the field.",
  })
  openedByName: string | null;
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

@InputType({ description: 'Every field narrows the queue; all of them hold together.' })
export class TicketFilter {
  @Field(() => TicketStatus, { nullable: true })
  status?: TicketStatus | null;

  @Field(() => [TicketCategory], { nullable: true })
  categories?: TicketCategory[] | null;

  @Field(() => [SupportLevel], { nullable: true })
  levels?: SupportLevel[] | null;

  @Field(() => [Edition], {
    nullable: true,
    description: "The edition of the ticket's license.",
  })
  editions?: Edition[] | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The id of the API key that opened it.' })
  openedBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'Opened strictly before this instant.' })
  openedBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Opened at or after this instant.' })
  openedAfter?: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'How many tickets of a filter are in each status.',
})
export class TicketCounts {
  @Field(() => Int, { description: 'Waiting to be charged.' })
  open: number;

  @Field(() => Int)
  charged: number;

  @Field(() => Int)
  refunded: number;

  @Field(() => Int)
  total: number;
}
