import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { AccountType } from '../accounts/account.type';
import type { RequestContext } from '../graphql/context';
import { parseId } from '../common/ids';
import { parsePage } from '../common/pagination';
import { Permission, rolesWith } from '../common/viewer';
import { ChargeType, RefundType } from '../ledger/ledger.type';
import { LicenseType } from '../licenses/license.type';
import { TicketCategory, TicketStatus } from '../policy/enums';
import { priceRange } from '../policy/prices';
import type { TicketEntity } from './ticket.entity';
import { countTickets, listTickets } from './ticket-queue';
import { openTicket, quote } from './ticket.service';
import {
  OpenTicketInput,
  PriceRangeType,
  QuoteType,
  TicketConnection,
  TicketCounts,
  TicketEvent,
  TicketFilter,
  TicketType,
} from './ticket.type';

@Resolver(() => TicketType)
export class TicketResolver {
  @Authorized(rolesWith(Permission.READ))
  @Query(() => TicketType, { nullable: true })
  async ticket(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.access.visible(await ctx.loaders.ticket.load(parseId(id, 'id')));
  }

  @Authorized(rolesWith(Permission.READ))
  @Query(() => TicketConnection, {
    description:
      "The support queue: tickets across accounts, newest first (a partner's own accounts').",
  })
  tickets(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter: TicketFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return listTickets(ctx, filter, parsePage(first, after, 20));
  }

  @Authorized(rolesWith(Permission.READ))
  @Query(() => TicketCounts, {
    description:
      "The queue's count per status, under the rest of the filter (its status is ignored).",
  })
  ticketCounts(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter: TicketFilter | null,
  ) {
    return countTickets(ctx, filter);
  }

  @Authorized(rolesWith(Permission.READ))
  @Query(() => QuoteType)
  quote(
    @Ctx() ctx: RequestContext,
    @Arg('licenseId', () => ID) licenseId: string,
    @Arg('category', () => TicketCategory) category: TicketCategory,
  ) {
    return quote(ctx, licenseId, category);
  }

  @Authorized(rolesWith(Permission.OPEN_TICKET))
  @Mutation(() => TicketType)
  openTicket(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => OpenTicketInput) input: OpenTicketInput,
  ) {
    return openTicket(ctx, input);
  }

  @FieldResolver(() => AccountType)
  account(@Root() t: TicketEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.account.load(t.accountId);
  }

  @FieldResolver(() => LicenseType)
  license(@Root() t: TicketEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.license.load(t.licenseId);
  }

  @FieldResolver(() => PriceRangeType)
  price(@Root() t: TicketEntity): PriceRangeType {
    return priceRange(t.priceMin, t.priceMax);
  }

  @FieldResolver(() => ChargeType, { nullable: true })
  charge(@Root() t: TicketEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.chargeByTicket.load(t.id);
  }

  @FieldResolver(() => RefundType, { nullable: true })
  refund(@Root() t: TicketEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.refundByTicket.load(t.id);
  }

  @FieldResolver(() => [TicketEvent], { description: 'Opened, charged, refunded: oldest first.' })
  async history(@Root() t: TicketEntity, @Ctx() ctx: RequestContext): Promise<TicketEvent[]> {
    const [charge, refund] = await Promise.all([
      ctx.loaders.chargeByTicket.load(t.id),
      ctx.loaders.refundByTicket.load(t.id),
    ]);
    const events: TicketEvent[] = [{ status: TicketStatus.OPEN, at: t.openedAt, note: null }];
    if (charge) {
      const note = charge.included
        ? 'Included support: 0 credits.'
        : `${charge.credits} credits charged.`;
      events.push({ status: TicketStatus.CHARGED, at: charge.createdAt, note });
    }
    if (refund)
      events.push({ status: TicketStatus.REFUNDED, at: refund.createdAt, note: refund.reason });
    return events;
  }
}

@Resolver(() => QuoteType)
export class QuoteResolver {
  @FieldResolver(() => LicenseType)
  license(@Root() q: QuoteType, @Ctx() ctx: RequestContext) {
    return ctx.loaders.license.load(q.licenseId);
  }
}
