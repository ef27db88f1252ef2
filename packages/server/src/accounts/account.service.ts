import { recordAudit } from '../audit/audit';
import { columnsOf } from '../db/sql';
import type { ServiceContext } from '../common/context';
import { newId } from '../common/ids';
import type { Connection, Page } from '../common/pagination';
import { pagedList } from '../db/paged-list';
import { email, text } from '../common/validate';
import { ApiKeyAccountEntity } from '../keys/api-key.entity';
import { Role } from '../policy/enums';
import { AccountEntity } from './account.entity';
import { inScopeSql } from '../db/read-rules';
import { byId } from '../db/keyset';

/** The ILIKE pattern for a search term: its wildcards matched literally. */
export const searchPattern = (search: string): string =>
  `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Newest first; `search` matches name or e-mail, case-insensitively. */
export function listAccounts(
  ctx: ServiceContext,
  page: Page,
  search: string | null,
): Promise<Connection<AccountEntity>> {
  const scope = ctx.access.scoped
    ? { sql: inScopeSql('$2', 'a.id'), params: [ctx.viewer.keyId] }
    : { sql: 'TRUE', params: [] };
  const term = search ? searchPattern(search) : null;
  return pagedList<AccountEntity>(
    ctx.ds,
    {
      columns: columnsOf(ctx.ds, AccountEntity, 'a'),
      table: 'accounts',
      alias: 'a',
      where: `(${scope.sql}) AND ($1::text IS NULL OR a.name ILIKE $1 OR a.email ILIKE $1)`,
      params: [term, ...scope.params],
      keyset: byId('uuid'),
    },
    page,
  );
}

/** A partner's new account joins its key's scope in the same transaction. */
export async function createAccount(
  ctx: ServiceContext,
  input: { name: string; email: string },
): Promise<AccountEntity> {
  const name = text(input.name, 'name', { max: 200 });
  const mail = email(input.email, 'email');
  return ctx.ds.transaction(async (tx) => {
    const account = tx.create(AccountEntity, { id: newId(), name, email: mail });
    await tx.insert(AccountEntity, account);
    if (ctx.viewer.role === Role.PARTNER && ctx.viewer.keyId) {
      await tx.insert(ApiKeyAccountEntity, { apiKeyId: ctx.viewer.keyId, accountId: account.id });
    }
    await recordAudit(tx, ctx, 'createAccount', account.id, account.id, { name });
    return tx.findOneByOrFail(AccountEntity, { id: account.id });
  });
}
