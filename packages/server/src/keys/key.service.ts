import { In, IsNull } from 'typeorm';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import { badInput, notFound } from '../common/errors';
import { newId, parseId } from '../common/ids';
import { text } from '../common/validate';
import type { Viewer } from '../common/viewer';
import { AccountEntity } from '../accounts/account.entity';
import { Role } from '../policy/enums';
import { ApiKeyAccountEntity, ApiKeyEntity } from './api-key.entity';
import { displayPrefix, generateSecret, hashSecret, sameSecret } from './secrets';

/**
 * The caller behind a bearer secret, or null. Looked up on every request (one
 * indexed read), so a revoked key stops working at once on every server.
 */
export async function viewerForSecret(
  ds: DataSource,
  secret: string,
  adminKey: string | undefined,
): Promise<Viewer | null> {
  if (adminKey && sameSecret(secret, adminKey))
    return { role: Role.ADMIN, keyId: null, name: 'bootstrap admin' };
  const key = await ds.manager.findOneBy(ApiKeyEntity, {
    secretHash: hashSecret(secret),
    revokedAt: IsNull(),
  });
  return key ? { role: key.role, keyId: key.id, name: key.name } : null;
}

export async function createApiKey(
  ctx: ServiceContext,
  input: { name: string; role: Role; accountIds?: string[] | null },
): Promise<{ apiKey: ApiKeyEntity; secret: string }> {
  const name = text(input.name, 'name', { max: 200 });
  // Sorted: rows referencing accounts are written in the order lockers lock them.
  const accountIds = [
    ...new Set((input.accountIds ?? []).map((id) => parseId(id, 'accountIds'))),
  ].sort();
  if (input.role !== Role.PARTNER && accountIds.length > 0) {
    throw badInput(
      'accountIds',
      'Only PARTNER keys are scoped to accounts; other roles see every account.',
    );
  }
  if (accountIds.length > 10_000) throw badInput('accountIds', 'At most 10000 accounts per key.');
  const secret = generateSecret();
  return ctx.ds.transaction(async (tx) => {
    const found = await tx.countBy(AccountEntity, { id: In(accountIds) });
    if (found !== accountIds.length)
      throw badInput('accountIds', 'Some of accountIds are not accounts.');
    const apiKey = tx.create(ApiKeyEntity, {
      id: newId(),
      name,
      role: input.role,
      prefix: displayPrefix(secret),
      secretHash: hashSecret(secret),
      revokedAt: null,
    });
    await tx.insert(ApiKeyEntity, apiKey);
    if (accountIds.length > 0) {
      await tx.insert(
        ApiKeyAccountEntity,
        accountIds.map((accountId) => ({ apiKeyId: apiKey.id, accountId })),
      );
    }
    await recordAudit(tx, ctx, 'createApiKey', null, apiKey.id, {
      role: input.role,
      accounts: accountIds.length,
    });
    return { apiKey: await tx.findOneByOrFail(ApiKeyEntity, { id: apiKey.id }), secret };
  });
}

export async function revokeApiKey(ctx: ServiceContext, id: string): Promise<ApiKeyEntity> {
  const keyId = parseId(id, 'id');
  return ctx.ds.transaction(async (tx) => {
    const key = await tx.findOneBy(ApiKeyEntity, { id: keyId });
    if (!key) throw notFound(id, 'API key');
    if (!key.revokedAt) {
      await tx.update(ApiKeyEntity, { id: keyId }, { revokedAt: () => ctx.clock.sql() });
      await recordAudit(tx, ctx, 'revokeApiKey', null, keyId);
    }
    return tx.findOneByOrFail(ApiKeyEntity, { id: keyId });
  });
}

export function listApiKeys(ctx: ServiceContext): Promise<ApiKeyEntity[]> {
  return ctx.ds.manager.find(ApiKeyEntity, { order: { createdAt: 'DESC', id: 'DESC' } });
}
