import {
  type DocumentNode,
  OperationTypeNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { searchPattern } from '../../accounts/account.service';
import { AUDIT_COLUMNS, auditWhere } from '../../audit/audit-trail';
import { ErrorCode } from '../../common/errors';
import { PERMISSIONS, Permission } from '../../common/viewer';
import { decideGrant } from '../../licenses/license.service';
import type { GrantPreviewInput } from '../../licenses/license.type';
import { pricing } from '../../pricing/pricing.resolver';
import { ticketCountsQuery, ticketWhere } from '../../tickets/ticket-queue';
import { webhookEventTypes } from '../../webhooks/events';
import { MAIL_CONFIGURATION_FAULT_SQL } from '../../mail/mailer';
import { MAIL_DELIVERY_SQL } from '../../mail/mail-delivery.resolver';
import { parsePage } from '../../common/pagination';
import { DEFAULT_SCHEDULES, nextTick } from '../../jobs/schedule';
import { LAST_EXPIRY_RUN_SQL } from '../../ledger/expiry-runs';
import { RECONCILIATION_REPORTS_SQL } from '../../ledger/reconcile';
import { attemptsSql, deliveriesQuery, endpointsQuery } from '../../webhooks/webhook.service';
import type { WebhookDeliveryStatus } from '../../webhooks/webhook.type';
import { projector } from './project';
import type { ReadScope } from '../../common/access';
import { chargeCountQuery, chargeSummaryQuery, whereOf } from '../../ledger/charge-history';
import type { ChargeGrouping } from '../../policy/enums';
import { parseId } from '../../common/ids';
import { MAX_INT, text } from '../../common/validate';
import { type Selected, selectedFields, subSelection } from './selection';
import { CATEGORY_TABLE } from '../../policy/prices';
import type { TicketCategory } from '../../policy/enums';
import {
  type Env,
  accountJson,
  argOf,
  auditEventJson,
  before,
  chargeJson,
  connectionJson,
  pageSlots,
  balanceNow,
  licenseJson,
  objectJson,
  planKeySql,
  scopeSql,
  ticketJson,
} from './shapes';
import { type DynamicSql, NotCompiled, type Run, type Slot, SqlBuilder, iso } from './sql-builder';

/**
 * One root field: a statement returning its value as JSON text in column
 * `v`, a constant, or an answer computed in Node from policy/ data (no
 * database read). `requires`: the permission the field's @Authorized asks;
 * a role without it is the resolvers' to refuse.
 */
export type CompiledRoot =
  | {
      key: string;
      sql: string;
      slots: Slot[];
      dynamics: DynamicSql[];
      /** A null answer is the resolvers' to give (with their error: a missing row). */
      nullIsError?: boolean;
      requires?: Permission;
    }
  | { key: string; constant: string }
  | { key: string; compute: (run: Run) => string; requires?: Permission };

/**
 * An operation's root fields in response order, each with its statement, or
 * null where the field is not compiled (the resolvers answer that one).
 */
export interface CompiledOperation {
  roots: Selected[];
  compiled: (CompiledRoot | null)[];
}

function compileRoot(env: Env, f: Selected, scoped: boolean): CompiledRoot {
  const b = env.b;
  if (f.name === '__typename') return { key: f.key, constant: 'Query' };
  if (f.name === 'account') {
    // findAccount: the row if it exists and is in the caller's scope, else null.
    const a = b.alias('a');
    const id = b.param((run) => parseId(argOf(f, 'id')(run) as string, 'id'), 'uuid');
    const sql = `SELECT ${accountJson(env, f, a)}::text AS v FROM accounts ${a}
                  WHERE ${a}.id = ${id} AND ${scopeSql(b, `${a}.id`, scoped)}`;
    return { key: f.key, sql, slots: b.slots, dynamics: b.dynamics };
  }
  if (f.name === 'ticket') {
    // The ticket if it exists and its account is in the caller's scope, else null.
    const t = b.alias('t');
    const id = b.param((run) => parseId(argOf(f, 'id')(run) as string, 'id'), 'uuid');
    const sql = `SELECT ${ticketJson(env, f, t)}::text AS v FROM tickets ${t}
                  WHERE ${t}.id = ${id} AND ${scopeSql(b, `${t}.account_id`, scoped)}`;
    return { key: f.key, sql, slots: b.slots, dynamics: b.dynamics };
  }
  if (f.name === 'quote') {
    // tickets/ticket.service's quote: policy/prices' level and range for the
    // license's plan (the category's row passed in from CATEGORY_TABLE), its
    // account's live balance. No visible license: the resolver's NOT_FOUND.
    const li = b.alias('q');
    const row = (run: Run) => CATEGORY_TABLE[argOf(f, 'category')(run) as TicketCategory];
    const id = b.param((run) => parseId(argOf(f, 'licenseId')(run) as string, 'licenseId'), 'uuid');
    const x = b.alias('x');
    const obj = objectJson(
      env,
      subSelection(f),
      f.type!,
      x,
      {
        category: () => b.param(argOf(f, 'category'), 'text'),
        level: () => b.param((run) => row(run).level, 'text'),
        balance: (y) => `${y}.balance`,
        sufficient: (y) => `(${y}.balance >= ${y}.max)`,
      },
      (g) => {
        if (g.name === 'price')
          return objectJson(env, subSelection(g), g.type!, x, {
            min: (y) => `${y}.min`,
            max: (y) => `${y}.max`,
            included: (y) => `(${y}.min = 0 AND ${y}.max = 0)`,
          });
        if (g.name === 'license') return licenseJson(env, g, li);
        return null;
      },
    );
    const prices = b.param((run) => JSON.stringify(row(run).prices), 'jsonb');
    const sql = `SELECT ${obj}::text AS v FROM licenses ${li}
                  CROSS JOIN LATERAL (SELECT (${prices} -> ${planKeySql(li)} ->> 'min')::int AS min,
                                             (${prices} -> ${planKeySql(li)} ->> 'max')::int AS max,
                                             ${balanceNow(b, `${li}.account_id`)} AS balance) ${x}
                  WHERE ${li}.id = ${id} AND ${scopeSql(b, `${li}.account_id`, scoped)}`;
    return { key: f.key, sql, slots: b.slots, dynamics: b.dynamics, nullIsError: true };
  }
  if (f.name === 'accounts') {
    // listAccounts: newest first, the caller's scope, name or e-mail search.
    const { first, after } = pageSlots(env, f, 20);
    const search = b.param((run) => {
      const s = argOf(f, 'search')(run) as string | null;
      return s?.trim() ? searchPattern(text(s, 'search', { max: 200 })) : null;
    }, 'text');
    const where = (x: string) =>
      `(${scopeSql(b, `${x}.id`, scoped)}) AND (${search} IS NULL OR ${x}.name ILIKE ${search} OR ${x}.email ILIKE ${search})`;
    const a = b.alias('a');
    const ca = b.alias('ca');
    const page = connectionJson(
      env,
      f,
      {
        rows: `SELECT ${a}.*, row_number() OVER (ORDER BY ${a}.id DESC) AS n FROM accounts ${a}
                WHERE ${where(a)} AND ${before(`${a}.id`, after)} ORDER BY ${a}.id DESC LIMIT ${first} + 1`,
        first,
        after,
        total: `(SELECT count(*)::int FROM accounts ${ca} WHERE ${where(ca)})`,
      },
      (g, p) => accountJson(env, g, p),
    );
    return { key: f.key, sql: `SELECT ${page}::text AS v`, slots: b.slots, dynamics: b.dynamics };
  }
  if (f.name === 'charges') {
    // ledger/charge-history's listCharges: its WHERE and its rollup count,
    // built by its own functions for each request's filter.
    const filter = (run: Run) => argOf(f, 'filter')(run);
    const where = b.dynamic((run) => whereOf(readScope(scoped, run), filter(run)));
    const total = b.dynamic((run) => chargeCountQuery(readScope(scoped, run), filter(run)));
    const { first, after } = pageSlots(env, f, 50);
    const page = connectionJson(
      env,
      f,
      {
        rows: `SELECT c.*, row_number() OVER (ORDER BY c.id DESC) AS n FROM charges c
                WHERE ${where} AND ${before('c.id', after)} ORDER BY c.id DESC LIMIT ${first} + 1`,
        first,
        after,
        total: `(${total})`,
      },
      (g, p) => chargeJson(env, g, p),
    );
    return { key: f.key, sql: `SELECT ${page}::text AS v`, slots: b.slots, dynamics: b.dynamics };
  }
  if (f.name === 'chargeSummary') {
    // summarizeCharges' query; a group over GraphQL's Int is its error (null: the resolvers answer).
    const q = b.dynamic((run) =>
      chargeSummaryQuery(
        readScope(scoped, run),
        argOf(f, 'filter')(run),
        argOf(f, 'groupBy')(run) as ChargeGrouping,
      ),
    );
    const x = b.alias('cs');
    const obj = objectJson(env, subSelection(f), f.type!, x, {
      key: (y) => `${y}.key`,
      charges: (y) => `${y}.charges`,
      credits: (y) => `${y}.credits`,
      includedCharges: (y) => `${y}."includedCharges"`,
      refundedCredits: (y) => `${y}."refundedCredits"`,
    });
    const sql = `SELECT (CASE WHEN bool_or(${x}.credits > ${MAX_INT} OR ${x}."refundedCredits" > ${MAX_INT}) THEN NULL
                      ELSE COALESCE(json_agg(${obj} ORDER BY ${x}.key), '[]'::json) END)::text AS v
                   FROM (${q}) ${x}`;
    return { key: f.key, sql, slots: b.slots, dynamics: b.dynamics, nullIsError: true };
  }
  if (f.name === 'tickets') {
    // tickets/ticket-queue's listTickets: its WHERE (filter and scope) for each request.
    const where = b.dynamic((run) => ticketWhere(readScope(scoped, run), argOf(f, 'filter')(run)));
    const { first, after } = pageSlots(env, f, 20);
    const page = connectionJson(
      env,
      f,
      {
        rows: `SELECT t.*, row_number() OVER (ORDER BY t.id DESC) AS n FROM tickets t
                WHERE ${where} AND ${before('t.id', after)} ORDER BY t.id DESC LIMIT ${first} + 1`,
        first,
        after,
        total: `(SELECT count(*)::int FROM tickets t WHERE ${where})`,
      },
      (g, p) => ticketJson(env, g, p),
    );
    return { key: f.key, sql: `SELECT ${page}::text AS v`, slots: b.slots, dynamics: b.dynamics };
  }
  if (f.name === 'ticketCounts') {
    const q = b.dynamic((run) =>
      ticketCountsQuery(readScope(scoped, run), argOf(f, 'filter')(run)),
    );
    const x = b.alias('tc');
    const obj = objectJson(env, subSelection(f), f.type!, x, {
      open: (y) => `${y}.open`,
      charged: (y) => `${y}.charged`,
      refunded: (y) => `${y}.refunded`,
      total: (y) => `${y}.total`,
    });
    return {
      key: f.key,
      sql: `SELECT ${obj}::text AS v FROM (${q}) ${x}`,
      slots: b.slots,
      dynamics: b.dynamics,
    };
  }
  if (f.name === 'auditEvents') {
    // audit/audit-trail's listAuditEvents: its columns (the actor split) and WHERE.
    const where = b.dynamic((run) => auditWhere(readScope(scoped, run), argOf(f, 'filter')(run)));
    const { first, after } = pageSlots(env, f, 50, 'bigint');
    const page = connectionJson(
      env,
      f,
      {
        rows: `SELECT ${AUDIT_COLUMNS}, e.id AS k, row_number() OVER (ORDER BY e.id DESC) AS n
                 FROM audit_events e
                WHERE ${where} AND ${before('e.id', after, 'bigint')} ORDER BY e.id DESC LIMIT ${first} + 1`,
        first,
        after,
        total: `(SELECT count(*)::int FROM audit_events e WHERE ${where})`,
        key: 'k',
      },
      (g, p) => auditEventJson(env, g, p),
    );
    return { key: f.key, sql: `SELECT ${page}::text AS v`, slots: b.slots, dynamics: b.dynamics };
  }
  if (f.name === 'me') {
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
    // The keyAccounts loader's rows, in its order.
    const k = b.alias('ka');
    const obj = objectJson(env, subSelection(f), f.type!, k, {
      role: () => b.param((run) => run.viewer.role, 'text'),
      keyName: () => b.param((run) => run.viewer.name, 'text'),
      permissions: () => b.param((run) => JSON.stringify(PERMISSIONS[run.viewer.role]), 'json'),
      accountIds: () =>
        `COALESCE((SELECT json_agg(${k}.account_id ORDER BY ${k}.account_id) FROM api_key_accounts ${k}
                    WHERE ${k}.api_key_id = ${b.param((run) => run.viewer.keyId, 'uuid')}), '[]'::json)`,
    });
    return { key: f.key, sql: `SELECT ${obj}::text AS v`, slots: b.slots, dynamics: b.dynamics };
  }
  if (f.name === 'license') {
    // The license if it exists and its account is in the caller's scope, else null.
    const li = b.alias('li');
    const id = b.param((run) => parseId(argOf(f, 'id')(run) as string, 'id'), 'uuid');
    const sql = `SELECT ${licenseJson(env, f, li)}::text AS v FROM licenses ${li}
                  WHERE ${li}.id = ${id} AND ${scopeSql(b, `${li}.account_id`, scoped)}`;
    return { key: f.key, sql, slots: b.slots, dynamics: b.dynamics };
  }
  if (f.name === 'apiKeys') {
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
    return {
      key: f.key,
      sql,
      slots: b.slots,
      dynamics: b.dynamics,
      requires: Permission.MANAGE_API_KEYS,
    };
  }
  if (f.name === 'mailDelivery') {
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
    return {
      key: f.key,
      sql: `SELECT ${obj}::text AS v FROM (${inner}) ${x}`,
      slots: b.slots,
      dynamics: b.dynamics,
      requires: Permission.READ_SCHEDULES,
    };
  }
  if (f.name === 'expirySchedule') {
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
    return {
      key: f.key,
      sql: `SELECT ${obj}::text AS v`,
      slots: b.slots,
      dynamics: b.dynamics,
      requires: Permission.READ_SCHEDULES,
    };
  }
  if (f.name === 'reconciliationReports') {
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
    return {
      key: f.key,
      sql: `SELECT COALESCE(json_agg(${obj} ORDER BY ${r}."ranAt" DESC, ${r}.id DESC), '[]'::json)::text AS v
              FROM (${reports}) ${r}`,
      slots: b.slots,
      dynamics: b.dynamics,
      requires: Permission.READ_SCHEDULES,
    };
  }
  if (f.name === 'webhookEndpoints') {
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
    return {
      key: f.key,
      sql: `SELECT COALESCE(json_agg(${obj} ORDER BY ${ep}."createdAt" DESC, ${ep}.id), '[]'::json)::text AS v
              FROM (${q}) ${ep}`,
      slots: b.slots,
      dynamics: b.dynamics,
      requires: Permission.READ_WEBHOOKS,
    };
  }
  // Plain data from policy/, no database read: the resolvers' own values, projected.
  if (f.name === 'pricing') {
    const project = projector(env, f);
    return { key: f.key, compute: () => project(pricing) };
  }
  if (f.name === 'grantPreview') {
    const project = projector(env, f);
    return {
      key: f.key,
      compute: (run) => project(decideGrant(argOf(f, 'input')(run) as GrantPreviewInput)),
    };
  }
  if (f.name === 'errorCodes') {
    const project = projector(env, f);
    return { key: f.key, compute: () => project(Object.values(ErrorCode)) };
  }
  if (f.name === 'webhookEventTypes') {
    const project = projector(env, f);
    return {
      key: f.key,
      compute: () => project(webhookEventTypes()),
      requires: Permission.READ_WEBHOOKS,
    };
  }
  throw new NotCompiled(`Query.${f.name}`);
}

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

/** The scope a resolver's own SQL builder reads, for one request. */
const readScope = (scoped: boolean, run: Run): ReadScope => ({
  access: { scoped },
  viewer: run.viewer,
});

/**
 * Compiles each root field of a query operation that is one of the read
 * shapes into one SQL statement, built from the selection set: only the
 * selected columns, the nested JSON built by Postgres. The text depends on
 * the document, the scope and the values of @include/@skip conditions
 * (`vars` is read for those alone). Null for anything but a query.
 */
export function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  scoped: boolean,
  vars: Record<string, unknown>,
): CompiledOperation | null {
  const query = schema.getQueryType();
  if (operation.operation !== OperationTypeNode.QUERY || !query) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  let roots: Selected[];
  try {
    roots = selectedFields(operation.selectionSet, query, { fragments, vars });
  } catch (err) {
    if (err instanceof NotCompiled) return null;
    throw err;
  }
  const compiled = roots.map((f) => {
    try {
      return compileRoot({ b: new SqlBuilder(), fragments, vars }, f, scoped);
    } catch (err) {
      if (err instanceof NotCompiled) return null;
      throw err;
    }
  });
  return { roots, compiled };
}
