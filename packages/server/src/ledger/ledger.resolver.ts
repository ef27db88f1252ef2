import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { AccountType } from '../accounts/account.type';
import type { RequestContext } from '../graphql/context';
import { ChargeGrouping } from '../policy/enums';
import { MAX_PAGE_SIZE, parsePage } from '../common/pagination';
import { Permission, rolesWith } from '../common/viewer';
import { LicenseType } from '../licenses/license.type';
import { isLive } from '../policy/spending';
import { lotValue } from '../policy/lot-value';
import { TicketType } from '../tickets/ticket.type';
import type { AllocationEntity } from './allocation.entity';
import { chargeTicket } from './charge';
import type { ChargeEntity } from './charge.entity';
import { listCharges, summarizeCharges } from './charge-history';
import type { CreditLotEntity } from './credit-lot.entity';
import { expireCredits } from './expire';
import type { LedgerEntryEntity } from './ledger-entry.entity';
import {
  AllocationType,
  ChargeBucket,
  ChargeConnection,
  ChargeFilter,
  ChargeTicketInput,
  ChargeType,
  CreditLotType,
  LedgerEntryType,
  PurchaseCreditsInput,
  RefundTicketInput,
  RefundType,
} from './ledger.type';
import { type PurchasedLot, purchaseCredits } from './purchase';
import { refundTicket } from './refund';
import type { RefundEntity } from './refund.entity';

@Resolver()
export class LedgerResolver {
  @Authorized(rolesWith(Permission.READ))
  @Query(() => ChargeConnection)
  charges(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ChargeFilter, { nullable: true }) filter: ChargeFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return listCharges(ctx, filter, parsePage(first, after, 50, 'time'));
  }

  @Authorized(rolesWith(Permission.READ))
  @Query(() => [ChargeBucket])
  chargeSummary(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ChargeFilter, { nullable: true }) filter: ChargeFilter | null,
    @Arg('groupBy', () => ChargeGrouping) groupBy: ChargeGrouping,
    @Arg('first', () => Int, {
      nullable: true,
      description: `At most this many buckets (up to ${MAX_PAGE_SIZE}); absent, every bucket.`,
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'Only buckets whose key comes after this one: the last key of the page before. By ACCOUNT, a page reads only its own accounts.',
    })
    after: string | null,
  ) {
    return summarizeCharges(ctx, filter, groupBy, { page: { first, after } });
  }

  @Authorized(rolesWith(Permission.PURCHASE_CREDITS))
  @Mutation(() => CreditLotType, { description: 'Idempotent on paymentReference (P7).' })
  purchaseCredits(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => PurchaseCreditsInput) input: PurchaseCreditsInput,
  ) {
    return purchaseCredits(ctx, input);
  }

  @Authorized(rolesWith(Permission.CHARGE_TICKET))
  @Mutation(() => ChargeType, { description: 'Specialist sets the cost (P10-P14).' })
  chargeTicket(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ChargeTicketInput) input: ChargeTicketInput,
  ) {
    return chargeTicket(ctx, input);
  }

  @Authorized(rolesWith(Permission.REFUND_TICKET))
  @Mutation(() => RefundType, { description: 'Vendor bug: 100% back (P15-P17).' })
  refundTicket(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RefundTicketInput) input: RefundTicketInput,
  ) {
    return refundTicket(ctx, input);
  }

  @Authorized(rolesWith(Permission.EXPIRE_CREDITS))
  @Mutation(() => Int, {
    description:
      'Records expiry of every lot expired at `asOf` (default now) not yet recorded; returns how many lots (P19).',
  })
  expireCredits(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => Date, { nullable: true }) asOf: Date | null,
  ) {
    return expireCredits(ctx, asOf);
  }
}

@Resolver(() => CreditLotType)
export class CreditLotResolver {
  @FieldResolver(() => AccountType)
  account(@Root() lot: CreditLotEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.account.load(lot.accountId);
  }

  @FieldResolver(() => LicenseType, { nullable: true })
  license(@Root() lot: CreditLotEntity, @Ctx() ctx: RequestContext) {
    return lot.licenseId ? ctx.loaders.license.load(lot.licenseId) : null;
  }

  @FieldResolver(() => Boolean)
  expired(@Root() lot: CreditLotEntity, @Ctx() ctx: RequestContext): boolean {
    return !isLive(lot, ctx.now);
  }

  // The value of the lot's credits by where they are, in cents of its
  // currency; the three add up to amountPaidCents (policy/lot-value.ts).
  // Null when the lot's cost is unknown.

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Value of remainingCredits, in cents; with spent and expired, adds up to amountPaidCents.',
  })
  remainingValueCents(@Root() lot: CreditLotEntity): number | null {
    return lot.amountPaidCents == null ? null : lotValue(lot.amountPaidCents, lot).remainingCents;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Value of the credits charged out of this lot and not refunded back into it, in cents.',
  })
  spentValueCents(@Root() lot: CreditLotEntity): number | null {
    return lot.amountPaidCents == null ? null : lotValue(lot.amountPaidCents, lot).spentCents;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Value of expiredCredits (breakage), in cents.',
  })
  expiredValueCents(@Root() lot: CreditLotEntity): number | null {
    return lot.amountPaidCents == null ? null : lotValue(lot.amountPaidCents, lot).expiredCents;
  }

  @FieldResolver(() => Boolean, {
    description:
      "On purchaseCredits' answer: true when this payment reference was already recorded, so nothing was added (P7). False everywhere else.",
  })
  alreadyRecorded(@Root() lot: PurchasedLot): boolean {
    return lot.alreadyRecorded === true;
  }
}

@Resolver(() => AllocationType)
export class AllocationResolver {
  @FieldResolver(() => CreditLotType)
  lot(@Root() a: AllocationEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.lot.load(a.lotId);
  }
}

@Resolver(() => ChargeType)
export class ChargeResolver {
  @FieldResolver(() => TicketType)
  ticket(@Root() c: ChargeEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.ticket.load(c.ticketId);
  }

  @FieldResolver(() => AccountType)
  account(@Root() c: ChargeEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.account.load(c.accountId);
  }

  @FieldResolver(() => [AllocationType])
  allocations(@Root() c: ChargeEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.allocationsByCharge.load(c.id);
  }

  @FieldResolver(() => Boolean)
  async refunded(@Root() c: ChargeEntity, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await ctx.loaders.refundByCharge.load(c.id)) !== null;
  }

  @FieldResolver(() => RefundType, { nullable: true })
  refund(@Root() c: ChargeEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.refundByCharge.load(c.id);
  }
}

@Resolver(() => RefundType)
export class RefundResolver {
  @FieldResolver(() => TicketType)
  ticket(@Root() r: RefundEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.ticket.load(r.ticketId);
  }

  @FieldResolver(() => ChargeType)
  charge(@Root() r: RefundEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.charge.load(r.chargeId);
  }

  @FieldResolver(() => [AllocationType])
  allocations(@Root() r: RefundEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.allocationsByRefund.load(r.id);
  }
}

@Resolver(() => LedgerEntryType)
export class LedgerEntryResolver {
  @FieldResolver(() => CreditLotType)
  lot(@Root() e: LedgerEntryEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.lot.load(e.lotId);
  }

  @FieldResolver(() => TicketType, { nullable: true })
  ticket(@Root() e: LedgerEntryEntity, @Ctx() ctx: RequestContext) {
    return e.ticketId ? ctx.loaders.ticket.load(e.ticketId) : null;
  }
}
