import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { parsePage } from '../common/pagination';
import { Permission, rolesWith } from '../common/viewer';
import type { RequestContext } from '../graphql/context';
import { listAuditEvents } from './audit-trail';
import { AuditEventConnection, AuditEventFilter } from './audit.type';

@Resolver()
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
}
