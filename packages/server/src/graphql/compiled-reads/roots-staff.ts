import { parsePage } from '../../common/pagination';
import { Permission } from '../../common/viewer';
import { DEFAULT_SCHEDULES, nextTick } from '../../jobs/schedule';
import { LAST_EXPIRY_RUN_SQL } from '../../ledger/expiry-runs';
import { RECONCILIATION_REPORTS_SQL } from '../../ledger/reconcile';
import { MAIL_DELIVERY_SQL } from '../../mail/mail-delivery.resolver';
import { MAIL_CONFIGURATION_FAULT_SQL } from '../../mail/mailer';
import { attemptsSql, deliveriesQuery, endpointsQuery } from '../../webhooks/webhook.service';
import type { WebhookDeliveryStatus } from '../../webhooks/webhook.type';
import { type RootCompiler, readScope, statement } from './roots';
import { type Selected, subSelection } from './selection';
import { type Env, accountJson, argOf, objectJson } from './shapes';
import { type Run, iso } from './sql-builder';

// The staff pages' roots (keys, operations, webhooks), each one statement
// around the query its module runs for the resolver; a role without the
// root's permission is the resolvers' to refuse.

export const STAFF_ROOTS: Record<string, RootCompiler> = {
  apiKeys(env, f) {
    const b = env.b;
    // keys/key.service's listApiKeys (newest first); a key's accounts as the keyAccounts loader orders them.
    const k = b.alias('k');
    const obj = objectJson(
      env,
      subSelection(f),
      f.type!,
      k,
      {
        id: (x) => `${x}.id`,
        name: (x) => `${x}.name`,
        role: (x) => `${x}.role`,
        prefix: (x) => `${x}.prefix`,
        createdAt: (x) => iso(`${x}.created_at`),
        revokedAt: (x) => iso(`${x}.revoked_at`),
        lastUsedAt: (x) => iso(`${x}.last_used_at`),
        accountIds: (x) =>
          `COALESCE((SELECT json_agg(ki.account_id ORDER BY ki.account_id) FROM api_key_accounts ki
                      WHERE ki.api_key_id = ${x}.id), '[]'::json)`,
      },
      (g) => {
        if (g.name !== 'accounts') return null;
        const ka = b.alias('ka');
        const a = b.alias('kaa');
        return `COALESCE((SELECT json_agg(${accountJson(env, g, a)} ORDER BY ${ka}.account_id)
                   FROM api_key_accounts ${ka} JOIN accounts ${a} ON ${a}.id = ${ka}.account_id
                  WHERE ${ka}.api_key_id = ${k}.id), '[]'::json)`;
      },
    );
    const sql = `SELECT COALESCE(json_agg(${obj} ORDER BY ${k}.created_at DESC, ${k}.id DESC), '[]'::json)::text AS v
                   FROM api_keys ${k}`;
    return statement(env, f, sql, { requires: Permission.MANAGE_API_KEYS });
  },
  mailDelivery(env, f) {
    const b = env.b;
    const x = b.alias('md');
    // The resolver's own statement.
    const inner = b.dynamic(() => ({
      sql: MAIL_DELIVERY_SQL,
      params: [MAIL_CONFIGURATION_FAULT_SQL],
    }));
    const obj = objectJson(env, subSelection(f), f.type!, x, {
      retryingStatements: (y) => `${y}."retryingStatements"`,
      configurationFault: (y) => `${y}."configurationFault"`,
      faultSince: (y) => iso(`${y}."faultSince"`),
    });
    return statement(env, f, `SELECT ${obj}::text AS v FROM (${inner}) ${x}`, {
      requires: Permission.READ_SCHEDULES,
    });
  },
  expirySchedule(env, f) {
    const b = env.b;
    // ledger/schedule.resolver's expirySchedule: the configured pattern, its next tick, the last run.
    const pattern = (run: Run) => (run.schedules ?? DEFAULT_SCHEDULES).expiry;
    const x = b.alias('er');
    const obj = objectJson(
      env,
      subSelection(f),
      f.type!,
      x,
      {
        schedule: () => b.param(pattern, 'text'),
        nextRunAt: () =>
          b.param((run) => nextTick(pattern(run), run.now)?.toISOString() ?? null, 'text'),
      },
      (g) => {
        if (g.name !== 'lastRun') return null;
        const r = b.alias('lr');
        const run = objectJson(env, subSelection(g), g.type!, r, {
          id: (y) => `${y}.id`,
          ranAt: (y) => iso(`${y}."ranAt"`),
          lots: (y) => `${y}.lots`,
          credits: (y) => `${y}.credits`,
        });
        return `(SELECT ${run} FROM (${LAST_EXPIRY_RUN_SQL}) ${r})`;
      },
    );
    return statement(env, f, `SELECT ${obj}::text AS v`, { requires: Permission.READ_SCHEDULES });
  },
  reconciliationReports(env, f) {
    const b = env.b;
    const first = b.param(
      (run) => parsePage(argOf(f, 'first')(run) as number, null, 10).first,
      'int',
    );
    const r = b.alias('rr');
    const m = b.alias('rm');
    const obj = objectJson(
      env,
      subSelection(f),
      f.type!,
      r,
      {
        id: (y) => `${y}.id`,
        ranAt: (y) => iso(`${y}."ranAt"`),
        midnight: (y) => iso(`${y}.midnight`),
        accountsChecked: (y) => `${y}."accountsChecked"`,
        lotsChecked: (y) => `${y}."lotsChecked"`,
        ok: (y) => `${y}.ok`,
      },
      (g) => {
        if (g.name !== 'mismatches') return null;
        // The stored JSON, each as ReconciliationMismatch's fields (ids as ID strings).
        const mm = objectJson(env, subSelection(g), g.type!, m, {
          check: (y) => `(${y}.value ->> 'check')`,
          ids: (y) =>
            `(SELECT COALESCE(json_agg(i.value #>> '{}' ORDER BY i.ordinality), '[]'::json)
                FROM jsonb_array_elements(${y}.value -> 'ids') WITH ORDINALITY i)`,
        });
        return `(SELECT COALESCE(json_agg(${mm} ORDER BY ${m}.ordinality), '[]'::json)
                   FROM jsonb_array_elements(${r}.mismatches) WITH ORDINALITY ${m})`;
      },
    );
    const reports = RECONCILIATION_REPORTS_SQL.replace('$1', first);
    return statement(
      env,
      f,
      `SELECT COALESCE(json_agg(${obj} ORDER BY ${r}."ranAt" DESC, ${r}.id DESC), '[]'::json)::text AS v
              FROM (${reports}) ${r}`,
      { requires: Permission.READ_SCHEDULES },
    );
  },
  webhookEndpoints(env, f, scoped) {
    const b = env.b;
    // webhooks/webhook.service's endpointsQuery, deliveriesQuery and attemptsSql.
    const q = b.dynamic((run) => endpointsQuery({ viewer: run.viewer }));
    const ep = b.alias('ep');
    const obj = objectJson(
      env,
      subSelection(f),
      f.type!,
      ep,
      {
        id: (x) => `${x}.id`,
        url: (x) => `${x}.url`,
        eventTypes: (x) => `to_json(${x}."eventTypes")`,
        description: (x) => `${x}.description`,
        accountIds: (x) => `to_json(${x}."accountIds")`,
        enabled: (x) => `${x}.enabled`,
        disabledReason: (x) => `${x}."disabledReason"`,
        disabledAt: (x) => iso(`${x}."disabledAt"`),
        failingSince: (x) => iso(`${x}."failingSince"`),
        ownerName: (x) => `${x}."ownerName"`,
        createdAt: (x) => iso(`${x}."createdAt"`),
      },
      (g) => (g.name === 'deliveries' ? deliveriesJson(env, g, ep, scoped) : null),
    );
    return statement(
      env,
      f,
      `SELECT COALESCE(json_agg(${obj} ORDER BY ${ep}."createdAt" DESC, ${ep}.id), '[]'::json)::text AS v
              FROM (${q}) ${ep}`,
      { requires: Permission.READ_WEBHOOKS },
    );
  },
};

/** An endpoint's deliveries (`ep` its row), with their attempts. */
function deliveriesJson(env: Env, g: Selected, ep: string, scoped: boolean): string {
  const b = env.b;
  const q = b.dynamic((run) =>
    deliveriesQuery(
      readScope(scoped, run),
      `${ep}.id`,
      argOf(g, 'first')(run) as number,
      argOf(g, 'status')(run) as WebhookDeliveryStatus | null,
    ),
  );
  const d = b.alias('wd');
  const obj = objectJson(
    env,
    subSelection(g),
    g.type!,
    d,
    {
      id: (x) => `${x}.id`,
      eventId: (x) => `${x}."eventId"`,
      eventType: (x) => `${x}."eventType"`,
      accountId: (x) => `${x}."accountId"`,
      endpointId: (x) => `${x}."endpointId"`,
      status: (x) => `${x}.status`,
      attemptCount: (x) => `${x}."attemptCount"`,
      nextAttemptAt: (x) => iso(`${x}."nextAttemptAt"`),
      lastError: (x) => `${x}."lastError"`,
      deliveredAt: (x) => iso(`${x}."deliveredAt"`),
      createdAt: (x) => iso(`${x}."createdAt"`),
      payload: (x) => `${x}.payload`,
    },
    (h) => {
      if (h.name !== 'attempts') return null;
      const a = b.alias('wa');
      const headers = (k: Selected, column: string) => {
        const hh = b.alias('wh');
        const header = objectJson(env, subSelection(k), k.type!, hh, {
          name: (x) => `(${x}.value ->> 'name')`,
          value: (x) => `(${x}.value ->> 'value')`,
        });
        return `(CASE WHEN ${a}.${column} IS NOT NULL THEN
                   COALESCE((SELECT json_agg(${header} ORDER BY ${hh}.ordinality)
                               FROM jsonb_array_elements(${a}.${column}) WITH ORDINALITY ${hh}), '[]'::json) END)`;
      };
      const attempt = objectJson(
        env,
        subSelection(h),
        h.type!,
        a,
        {
          at: (x) => iso(`${x}.at`),
          statusCode: (x) => `${x}."statusCode"`,
          latencyMs: (x) => `${x}."latencyMs"`,
          responseExcerpt: (x) => `${x}."responseExcerpt"`,
          error: (x) => `${x}.error`,
          requestUrl: (x) => `${x}."requestUrl"`,
        },
        (k) => {
          if (k.name === 'requestHeaders') return headers(k, '"requestHeaders"');
          if (k.name === 'responseHeaders') return headers(k, '"responseHeaders"');
          return null;
        },
      );
      return `COALESCE((SELECT json_agg(${attempt} ORDER BY ${a}.id)
                 FROM (${attemptsSql(`${d}.id`)}) ${a}), '[]'::json)`;
    },
  );
  return `COALESCE((SELECT json_agg(${obj} ORDER BY ${d}."createdAt" DESC, ${d}.id) FROM (${q}) ${d}), '[]'::json)`;
}
