import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import type { AccountEntity } from '../accounts/account.entity';
import { AccountType } from '../accounts/account.type';
import { notFound } from '../common/errors';
import { Permission, rolesWith } from '../common/viewer';
import type { RequestContext } from '../graphql/context';
import { noticesOf } from './expiry-notices';
import { liveBalance } from '../ledger/balance';
import {
  type LowBalance,
  lowBalanceNoticesOf,
  lowBalanceOf,
  setLowBalanceThreshold,
} from './low-balance';
import { ExpiryNoticeType, LowBalanceNoticeType, LowBalanceType } from './notice.type';

@Resolver(() => AccountType)
export class AccountNoticesResolver {
  @FieldResolver(() => [ExpiryNoticeType], {
    description: 'The expiring-soon notices sent to the account, newest first.',
  })
  expiryNotices(@Root() account: AccountEntity, @Ctx() ctx: RequestContext) {
    return noticesOf(ctx.ds, account.id);
  }

  @FieldResolver(() => LowBalanceType, { description: "The account's low-balance alert level." })
  lowBalance(@Root() account: AccountEntity, @Ctx() ctx: RequestContext) {
    return lowBalanceOf(ctx.ds, account.id);
  }

  @FieldResolver(() => [LowBalanceNoticeType], {
    description: 'The low-balance notices sent to the account, newest first.',
  })
  lowBalanceNotices(@Root() account: AccountEntity, @Ctx() ctx: RequestContext) {
    return lowBalanceNoticesOf(ctx.ds, account.id);
  }

  @Authorized(rolesWith(Permission.SET_LOW_BALANCE_THRESHOLD))
  @Mutation(() => AccountType, {
    description:
      "Sets the account's low-balance threshold in credits (null: the default); partners for their own accounts.",
  })
  async setLowBalanceThreshold(
    @Ctx() ctx: RequestContext,
    @Arg('accountId', () => ID) accountId: string,
    @Arg('threshold', () => Int, { nullable: true }) threshold: number | null,
  ) {
    const id = await setLowBalanceThreshold(ctx, accountId, threshold);
    const account = await ctx.loaders.account.load(id);
    if (!account) throw notFound(id, 'Account');
    return account;
  }
}

@Resolver(() => LowBalanceType)
export class LowBalanceResolver {
  @FieldResolver(() => Int, { description: 'The balance now, as Account.balance.' })
  async balance(@Root() lb: LowBalance, @Ctx() ctx: RequestContext): Promise<number> {
    return liveBalance(await ctx.loaders.lotsByAccount.load(lb.accountId), ctx.now);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when the balance now is below the threshold in force, computed at read time (a threshold raised above the balance shows at once).',
  })
  async isBelow(@Root() lb: LowBalance, @Ctx() ctx: RequestContext): Promise<boolean> {
    return liveBalance(await ctx.loaders.lotsByAccount.load(lb.accountId), ctx.now) < lb.threshold;
  }
}
