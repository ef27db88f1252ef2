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
import { ApiKeyCreated, ApiKeyType, CreateApiKeyInput, Viewer } from './api-key.type';
import { createApiKey, listApiKeys, revokeApiKey } from './key.service';

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Authorized(rolesWith(Permission.READ))
  @Query(() => Viewer, { description: 'Who the API key in this request belongs to.' })
  async me(@Ctx() ctx: RequestContext): Promise<Viewer> {
    const { role, keyId, name } = ctx.viewer;
    const accountIds =
      ctx.access.scoped && keyId
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

  @FieldResolver(() => [ID], {
    description: 'PARTNER keys: the accounts the key may see and act on.',
  })
  async accountIds(@Root() key: ApiKeyEntity, @Ctx() ctx: RequestContext): Promise<string[]> {
    return (await ctx.loaders.keyAccounts.load(key.id)).map((r) => r.accountId);
  }
}
