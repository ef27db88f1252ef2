import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { instant } from '../common/validate';
import { Permission, rolesWith } from '../common/viewer';
import type { RequestContext } from '../graphql/context';
import { creditBreakage, creditLiability } from './finance';
import { BreakageBucketType, CreditLiabilityType } from './finance.type';

@Resolver()
export class FinanceResolver {
  @Authorized(rolesWith(Permission.READ_FINANCE))
  @Query(() => CreditLiabilityType, {
    description:
      'Credits outstanding at `asOf` (now when omitted) in live lots and their value, by source and currency, from the ledger (ADMIN, ANALYST).',
  })
  creditLiability(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => Date, { nullable: true }) asOf: Date | null,
  ) {
    const at = asOf ? instant(asOf, 'asOf') : ctx.now;
    return ctx.ds.transaction('REPEATABLE READ', (tx) => creditLiability(tx, at));
  }

  @Authorized(rolesWith(Permission.READ_FINANCE))
  @Query(() => [BreakageBucketType], {
    description:
      'Credits that lapsed unused, by UTC month of their expiry (from <= expiry < to), and their value by currency (ADMIN, ANALYST).',
  })
  creditBreakage(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ) {
    const f = instant(from, 'from');
    const t = instant(to, 'to');
    return ctx.ds.transaction('REPEATABLE READ', (tx) => creditBreakage(tx, f, t, ctx.now));
  }
}
