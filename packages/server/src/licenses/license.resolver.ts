import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { AccountType } from '../accounts/account.type';
import type { RequestContext } from '../graphql/context';
import { parseId } from '../common/ids';
import { Permission, rolesWith } from '../common/viewer';
import { CreditLotType } from '../ledger/ledger.type';
import { SupportLevel } from '../policy/enums';
import { grantFor } from '../policy/grants';
import type { LicenseEntity } from './license.entity';
import { decideGrant, issueLicense } from './license.service';
import { GrantPreview, GrantPreviewInput, IssueLicenseInput, LicenseType } from './license.type';

@Resolver(() => LicenseType)
export class LicenseResolver {
  @Authorized(rolesWith(Permission.READ))
  @Query(() => LicenseType, { nullable: true })
  async license(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.access.visible(await ctx.loaders.license.load(parseId(id, 'id')));
  }

  @Authorized(rolesWith(Permission.READ))
  @Query(() => GrantPreview, {
    description: 'What a license with these terms would grant, and why (P1-P5).',
  })
  grantPreview(@Arg('input', () => GrantPreviewInput) input: GrantPreviewInput): GrantPreview {
    return decideGrant(input);
  }

  @Authorized(rolesWith(Permission.ISSUE_LICENSE))
  @Mutation(() => LicenseType, {
    description: "Grants the license's credits per P1-P5 in the same transaction.",
  })
  issueLicense(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => IssueLicenseInput) input: IssueLicenseInput,
  ) {
    return issueLicense(ctx, input);
  }

  @FieldResolver(() => AccountType)
  account(@Root() license: LicenseEntity, @Ctx() ctx: RequestContext) {
    return ctx.loaders.account.load(license.accountId);
  }

  @FieldResolver(() => CreditLotType, { nullable: true })
  async creditLot(@Root() license: LicenseEntity, @Ctx() ctx: RequestContext) {
    // Through the account's lots, which the account page loads anyway.
    const lots = await ctx.loaders.lotsByAccount.load(license.accountId);
    return lots.find((l) => l.licenseId === license.id) ?? null;
  }

  @FieldResolver(() => [SupportLevel], { description: 'Levels this license gets with no charge.' })
  includedLevels(@Root() license: LicenseEntity): SupportLevel[] {
    return grantFor({
      edition: license.edition,
      hostingPlan: license.hostingPlan,
      listPriceCents: license.listPriceCents,
      paidPriceCents: license.paidPriceCents,
    }).includedLevels;
  }
}
