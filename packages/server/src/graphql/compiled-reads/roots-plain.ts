import { ErrorCode } from '../../common/errors';
import { scopeAccountsSql } from '../../db/read-rules';
import { PERMISSIONS, Permission } from '../../common/viewer';
import { decideGrant } from '../../licenses/license.service';
import type { GrantPreviewInput } from '../../licenses/license.type';
import { pricing } from '../../pricing/pricing.resolver';
import { webhookEventTypes } from '../../webhooks/events';
import { projector } from './project';
import { type RootCompiler, statement } from './roots';
import { selectedFields, subSelection } from './selection';
import { argOf, objectJson } from './shapes';
import type { Run } from './sql-builder';

// The caller, and plain data from policy/: no database read (a partner's
// `me { accountIds }` aside), the resolvers' own values projected onto the
// selection.

export const PLAIN_ROOTS: Record<string, RootCompiler> = {
  me(env, f, scoped) {
    const b = env.b;
    // keys/key.resolver's me: the caller, its role's permissions, a partner's accounts.
    const viewerOf = (run: Run, accountIds: string[]) => ({
      role: run.viewer.role,
      keyName: run.viewer.name,
      accountIds,
      permissions: PERMISSIONS[run.viewer.role],
    });
    const wantsAccounts = selectedFields(subSelection(f), f.type!, env).some(
      (g) => g.name === 'accountIds',
    );
    if (!scoped || !wantsAccounts) {
      const project = projector(env, f);
      return { key: f.key, compute: (run) => project(viewerOf(run, [])) };
    }
    // The scope's accounts (a partner key's, the keyAccounts loader's order; a portal link's one).
    const k = b.alias('ka');
    const obj = objectJson(env, subSelection(f), f.type!, k, {
      role: () => b.param((run) => run.viewer.role, 'text'),
      keyName: () => b.param((run) => run.viewer.name, 'text'),
      permissions: () => b.param((run) => JSON.stringify(PERMISSIONS[run.viewer.role]), 'json'),
      accountIds: () =>
        `COALESCE((SELECT json_agg(${k}.account_id ORDER BY ${k}.account_id)
                     FROM (${scopeAccountsSql(b.param((run) => run.viewer.keyId, 'uuid'))}) ${k}), '[]'::json)`,
    });
    return statement(env, f, `SELECT ${obj}::text AS v`);
  },
  pricing(env, f) {
    const project = projector(env, f);
    return { key: f.key, compute: () => project(pricing) };
  },
  grantPreview(env, f) {
    const project = projector(env, f);
    return {
      key: f.key,
      compute: (run) => project(decideGrant(argOf(f, 'input')(run) as GrantPreviewInput)),
    };
  },
  errorCodes(env, f) {
    const project = projector(env, f);
    return { key: f.key, compute: () => project(Object.values(ErrorCode)) };
  },
  webhookEventTypes(env, f) {
    const project = projector(env, f);
    return {
      key: f.key,
      compute: () => project(webhookEventTypes()),
      requires: Permission.READ_WEBHOOKS,
    };
  },
};
