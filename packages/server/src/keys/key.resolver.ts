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
import type { RequestContext } from '../graphql/context';
import { PERMISSIONS, Permission, rolesWith } from '../common/viewer';
import type { ApiKeyEntity } from './api-key.entity';
import { AccountType } from '../accounts/account.type';
import type { AccountEntity } from '../accounts/account.entity';
import {
  ApiKeyCreated,
  ApiKeyType,
  CreateApiKeyInput,
  UpdateApiKeyScopeInput,
  Viewer,
} from './api-key.type';
import { createApiKey, listApiKeys, revokeApiKey, updateApiKeyScope } from './key.service';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Authorized(rolesWith(Permission.READ))
  @Query(() => Viewer, { description: 'Who the API key in this request belongs to.' })
  async me(@Ctx() ctx: RequestContext): Promise<Viewer> {
    const { role, keyId, name } = ctx.viewer;
    const accountIds = ctx.viewer.accountId
      ? [ctx.viewer.accountId]
      : ctx.access.scoped && keyId
        ? (await ctx.loaders.keyAccounts.load(keyId)).map((r) => r.accountId)
        : [];
    return { role, keyName: name, accountIds, permissions: PERMISSIONS[role] };
  }

  @Authorized(rolesWith(Permission.MANAGE_API_KEYS))
  @Query(() => [ApiKeyType])
  apiKeys(@Ctx() ctx: RequestContext) {
    return listApiKeys(ctx);
  }

  @Authorized(rolesWith(Permission.MANAGE_API_KEYS))
  @Mutation(() => ApiKeyCreated)
  createApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
  ) {
    return createApiKey(ctx, input);
  }

  @Authorized(rolesWith(Permission.MANAGE_API_KEYS))
  @Mutation(() => ApiKeyType)
  revokeApiKey(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return revokeApiKey(ctx, id);
  }

  @Authorized(rolesWith(Permission.MANAGE_API_KEYS))
  @Mutation(() => ApiKeyType, {
    description: "Replaces a PARTNER key's accounts; takes effect on the key's next request.",
  })
  updateApiKeyScope(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateApiKeyScopeInput) input: UpdateApiKeyScopeInput,
  ) {
    return updateApiKeyScope(ctx, input);
  }

  @FieldResolver(() => [AccountType], {
    description: 'PARTNER keys: the accounts in scope, by name, for lists and pickers.',
  })
  async accounts(@Root() key: ApiKeyEntity, @Ctx() ctx: RequestContext): Promise<AccountEntity[]> {
    const ids = (await ctx.loaders.keyAccounts.load(key.id)).map((r) => r.accountId);
    const found = await ctx.loaders.account.loadMany(ids);
    return found.filter((a): a is AccountEntity => a !== null && !(a instanceof Error));
  }

  @FieldResolver(() => [ID], {
    description: 'PARTNER keys: the accounts the key may see and act on.',
  })
  async accountIds(@Root() key: ApiKeyEntity, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await ctx.loaders.keyAccounts.load(key.id)).map((r) => r.accountId);
  }
}
