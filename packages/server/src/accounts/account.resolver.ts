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
import type { RequestContext } from '../graphql/context';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { parsePage } from '../common/pagination';
import { instant, text } from '../common/validate';
import { Permission, rolesWith } from '../common/viewer';
import { expiringWithin, liveBalance } from '../ledger/balance';
import { ChargeConnection, CreditLotType, LedgerEntryConnection } from '../ledger/ledger.type';
import { LicenseType } from '../licenses/license.type';
import { StatementConnection } from '../outbox/statement.type';
import { toStatement } from '../outbox/statement.resolver';
import { ReceiptConnection, toReceipt } from '../outbox/receipt.type';
import { TicketStatus } from '../policy/enums';
import { isLive } from '../policy/spending';
import { TicketConnection } from '../tickets/ticket.type';
import type { AccountEntity } from './account.entity';
import { createAccount, listAccounts } from './account.service';
import { AccountConnection, AccountType, CreateAccountInput } from './account.type';

@Resolver(() => AccountType)
export class AccountResolver {
  @Authorized(rolesWith(Permission.READ))
  @Query(() => AccountType, { nullable: true })
  async account(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const account = await ctx.loaders.account.load(parseId(id, 'id'));
    return account && (await ctx.access.canSee(account.id)) ? account : null;
  }

  @Authorized(rolesWith(Permission.READ))
  @Query(() => AccountConnection)
  accounts(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true }) search: string | null,
  ) {
    const term = search?.trim() ? text(search, 'search', { max: 200 }) : null;
    return listAccounts(ctx, parsePage(first, after, 20), term);
  }

  @Authorized(rolesWith(Permission.CREATE_ACCOUNT))
  @Mutation(() => AccountType)
  createAccount(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateAccountInput) input: CreateAccountInput,
  ) {
    return createAccount(ctx, input);
  }

  @FieldResolver(() => Int, {
    description: 'Credits spendable now, or at `asOf` when given (P20).',
  })
  async balance(
    @Root() account: AccountEntity,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => Date, { nullable: true }) asOf: Date | null,
  ) {
    if (!asOf) return liveBalance(await ctx.loaders.lotsByAccount.load(account.id), ctx.now);
    return ctx.loaders.balanceAsOf.load({
      parentId: account.id,
      args: instant(asOf, 'asOf').toISOString(),
    });
  }

  @FieldResolver(() => Int, {
    description: 'Credits in live lots that expire within the next `withinDays` days.',
  })
  async expiringCredits(
    @Root() account: AccountEntity,
    @Ctx() ctx: RequestContext,
    @Arg('withinDays', () => Int, { nullable: true, defaultValue: 30 }) withinDays: number,
  ) {
    if (withinDays < 0 || withinDays > 3660)
      throw badInput('withinDays', 'withinDays must be from 0 to 3660.');
    return expiringWithin(await ctx.loaders.lotsByAccount.load(account.id), ctx.now, withinDays);
  }

  @FieldResolver(() => [LicenseType])
  licenses(@Root() account: AccountEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.licensesByAccount.load(account.id);
  }

  @FieldResolver(() => [CreditLotType])
  async creditLots(
    @Root() account: AccountEntity,
    @Ctx() ctx: RequestContext,
    @Arg('includeExpired', () => Boolean, { nullable: true, defaultValue: false })
    includeExpired: boolean,
  ) {
    const lots = await ctx.loaders.lotsByAccount.load(account.id);
    return includeExpired ? lots : lots.filter((l) => isLive(l, ctx.now));
  }

  @FieldResolver(() => TicketConnection)
  tickets(
    @Root() account: AccountEntity,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => TicketStatus, { nullable: true }) status: TicketStatus | null,
  ) {
    const page = parsePage(first, after, 20);
    return ctx.loaders.ticketsByAccount.load({
      parentId: account.id,
      args: { page, status: status ?? null },
    });
  }

  @FieldResolver(() => ChargeConnection)
  charges(
    @Root() account: AccountEntity,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.loaders.chargesByAccount.load({
      parentId: account.id,
      args: parsePage(first, after, 20),
    });
  }

  @FieldResolver(() => LedgerEntryConnection, { description: 'Newest first.' })
  ledger(
    @Root() account: AccountEntity,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.loaders.ledgerByAccount.load({
      parentId: account.id,
      args: parsePage(first, after, 50, 'bigint'),
    });
  }

  @FieldResolver(() => StatementConnection, {
    description: 'Statements sent (or queued) to the customer, newest first (P18).',
  })
  async statements(
    @Root() account: AccountEntity,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const page = await ctx.loaders.statementsByAccount.load({
      parentId: account.id,
      args: parsePage(first, after, 20),
    });
    return { ...page, nodes: page.nodes.map(toStatement) };
  }

  @FieldResolver(() => ReceiptConnection, {
    description: 'Receipts sent (or queued) to the customer, newest first: purchases and grants.',
  })
  async receipts(
    @Root() account: AccountEntity,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const page = await ctx.loaders.receiptsByAccount.load({
      parentId: account.id,
      args: parsePage(first, after, 20),
    });
    return { ...page, nodes: page.nodes.map(toReceipt) };
  }
}
