import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Permission, rolesWith } from '../common/viewer';
import type { RequestContext } from '../graphql/context';
import { createPortalLink, revokePortalLinks } from './portal-links';
import { PortalLinkType } from './portal-link.type';

@Resolver(() => PortalLinkType)
export class PortalLinkResolver {
  @Authorized(rolesWith(Permission.MANAGE_PORTAL_LINKS))
  @Mutation(() => PortalLinkType, {
    description:
      'A new customer portal link for the account (staff; partners for their own accounts). Earlier links keep working.',
  })
  createPortalLink(@Ctx() ctx: RequestContext, @Arg('accountId', () => ID) accountId: string) {
    return createPortalLink(ctx, accountId);
  }

  @Authorized(rolesWith(Permission.MANAGE_PORTAL_LINKS))
  @Mutation(() => Int, {
    description:
      'Stops every portal link of the account that still works, those in e-mails too; returns how many.',
  })
  revokePortalLinks(@Ctx() ctx: RequestContext, @Arg('accountId', () => ID) accountId: string) {
    return revokePortalLinks(ctx, accountId);
  }
}
