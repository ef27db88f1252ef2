import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AccountEntity } from '../accounts/account.entity';
import { AccountType } from '../accounts/account.type';
import type { RequestContext } from '../graphql/context';
import { noticesOf } from './expiry-notices';
import { ExpiryNoticeType } from './notice.type';

@Resolver(() => AccountType)
export class AccountNoticesResolver {
  @FieldResolver(() => [ExpiryNoticeType], {
    description: 'The expiring-soon notices sent to the account, newest first.',
  })
  expiryNotices(@Root() account: AccountEntity, @Ctx() ctx: RequestContext) {
    return noticesOf(ctx.ds, account.id);
  }
}
