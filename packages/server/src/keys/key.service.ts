import { In } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';
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
 * indexed statement), so a revoked key stops working at once on every server.
 * The same statement records `last_used_at`, but only when the stored value is
 * a minute old: a busy key costs one row write a minute, never one a request,
 * and no extra round trip. The condition names the updated row's own column,
 * so concurrent requests that queue on its lock re-check it and skip.
 */
export async function viewerForSecret(
  ds: DataSource,
  secret: string,
  adminKey: string | undefined,
): Promise<Viewer | null> {
  if (adminKey && sameSecret(secret, adminKey))
    return { role: Role.ADMIN, keyId: null, name: 'bootstrap admin' };
  const rows = await ds.query<{ id: string; name: string; role: Role }[]>(
    `WITH k AS (
       SELECT id, name, role FROM api_keys WHERE secret_hash = $1 AND revoked_at IS NULL
     ), touched AS (
       UPDATE api_keys a SET last_used_at = now() FROM k
        WHERE a.id = k.id AND (a.last_used_at IS NULL OR a.last_used_at < now() - interval '1 minute')
     )
     SELECT id, name, role FROM k`,
    [hashSecret(secret)],
  );
  const key = rows[0];
  return key ? { role: key.role, keyId: key.id, name: key.name } : null;
}

/** Distinct, well-formed account ids, sorted: rows referencing accounts are written in the order lockers lock them. */
function scopeIds(ids: readonly string[] | null | undefined): string[] {
  const accountIds = [...new Set((ids ?? []).map((id) => parseId(id, 'accountIds')))].sort();
  if (accountIds.length > 10_000) throw badInput('accountIds', 'At most 10000 accounts per key.');
  return accountIds;
}

async function assertAccountsExist(tx: EntityManager, accountIds: string[]): Promise<void> {
  const found = await tx.countBy(AccountEntity, { id: In(accountIds) });
  if (found !== accountIds.length)
    throw badInput('accountIds', 'Some of accountIds are not accounts.');
}

export async function createApiKey(
  ctx: ServiceContext,
  input: { name: string; role: Role; accountIds?: string[] | null },
): Promise<{ apiKey: ApiKeyEntity; secret: string }> {
  const name = text(input.name, 'name', { max: 200 });
  const accountIds = scopeIds(input.accountIds);
  if (input.role === Role.CUSTOMER)
    throw badInput(
      'role',
      'CUSTOMER is the role of a customer portal link (createPortalLink), never of an API key.',
    );
  if (input.role !== Role.PARTNER && accountIds.length > 0) {
    throw badInput(
      'accountIds',
      'Only PARTNER keys are scoped to accounts; other roles see every account.',
    );
  }
  const secret = generateSecret();
  return ctx.ds.transaction(async (tx) => {
    await assertAccountsExist(tx, accountIds);
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

/** Replaces a PARTNER key's scope with exactly `accountIds`. */
export async function updateApiKeyScope(
  ctx: ServiceContext,
  input: { id: string; accountIds: readonly string[] },
): Promise<ApiKeyEntity> {
  const keyId = parseId(input.id, 'id');
  const accountIds = scopeIds(input.accountIds);
  return ctx.ds.transaction(async (tx) => {
    // The key's row lock serialises concurrent edits of one scope.
    const key = await tx.findOne(ApiKeyEntity, {
      where: { id: keyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!key) throw notFound(input.id, 'API key');
    if (key.role !== Role.PARTNER)
      throw badInput('accountIds', 'Only PARTNER keys are scoped to accounts.');
    if (key.revokedAt)
      throw badInput('id', 'This API key is revoked; its scope no longer matters.');
    await assertAccountsExist(tx, accountIds);
    const before = (await tx.findBy(ApiKeyAccountEntity, { apiKeyId: keyId })).map(
      (r) => r.accountId,
    );
    const keep = new Set(accountIds);
    const removed = before.filter((id) => !keep.has(id));
    const had = new Set(before);
    const added = accountIds.filter((id) => !had.has(id));
    if (removed.length > 0)
      await tx.delete(ApiKeyAccountEntity, { apiKeyId: keyId, accountId: In(removed) });
    if (added.length > 0)
      await tx.insert(
        ApiKeyAccountEntity,
        added.map((accountId) => ({ apiKeyId: keyId, accountId })),
      );
    await recordAudit(tx, ctx, 'updateApiKeyScope', null, keyId, {
      added: added.length,
      removed: removed.length,
    });
    return key;
  });
}

export function listApiKeys(ctx: ServiceContext): Promise<ApiKeyEntity[]> {
  return ctx.ds.manager.find(ApiKeyEntity, { order: { createdAt: 'DESC', id: 'DESC' } });
}
