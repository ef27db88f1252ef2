import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { AccountType } from '../accounts/account.type';
import { parsePage } from '../common/pagination';
import { Permission, rolesWith } from '../common/viewer';
import type { RequestContext } from '../graphql/context';
import { type AuditEventRow, listAuditEvents } from './audit-trail';
import { AuditEventConnection, AuditEventFilter, AuditEventType } from './audit.type';

@Resolver(() => AuditEventType)
export class AuditResolver {
  @Authorized(rolesWith(Permission.READ))
  @Query(() => AuditEventConnection, {
    description: "The audit trail, newest first; a partner sees its own accounts' events.",
  })
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return listAuditEvents(ctx, filter, parsePage(first, after, 50, 'bigint'));
  }

  @FieldResolver(() => AccountType, {
    nullable: true,
    description: 'The account it concerns, where one does.',
  })
  account(@Root() e: AuditEventRow, @Ctx() ctx: RequestContext) {
    return e.accountId ? ctx.loaders.account.load(e.accountId) : null;
  }
}
