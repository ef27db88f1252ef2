import { balanceNowSql, inScopeSql } from '../../db/read-rules';
import type { GraphQLObjectType, SelectionSetNode } from 'graphql';
import { badInput } from '../../common/errors';
import { instant } from '../../common/validate';
import { type KeyType, parsePage } from '../../common/pagination';
import { KEY_SQL_TYPE, byId } from '../../db/keyset';
import { RECEIPT_TOPIC } from '../../outbox/receipts';
import { STATEMENT_TOPIC } from '../../outbox/statements';
import { GRANT_TABLE } from '../../policy/grants';
import { type Collect, type Selected, selectedFields, subSelection } from './selection';
import {
  NotCompiled,
  type Run,
  balanceAt,
  type SqlBuilder,
  cursor,
  iso,
  jsonObject,
  liveAt,
} from './sql-builder';

// The read shapes compiled into SQL: for each GraphQL type, the fields that
// map to columns or to one correlated subquery, answering exactly what the
// resolvers and DataLoaders answer (same rows, same order, same expiry
// instant). A field not listed here sends its root field down the regular
// path, so the set can grow one field at a time.

export interface Env extends Collect {
  b: SqlBuilder;
}

type Columns = Record<string, (alias: string) => string>;

const col = (name: string) => (alias: string) => `${alias}.${name}`;
const isoCol = (name: string) => (alias: string) => iso(`${alias}.${name}`);

/** json_build_object takes at most 100 arguments. */
const MAX_KEYS = 50;

/** The object for `set` on `type`: plain columns from `columns`, the rest from `special`. */
export function objectJson(
  env: Env,
  set: SelectionSetNode,
  type: GraphQLObjectType,
  alias: string,
  columns: Columns,
  special: (f: Selected) => string | null = () => null,
): string {
  const pairs: [string, string][] = [];
  for (const f of selectedFields(set, type, env)) {
    if (f.name === '__typename') {
      pairs.push([f.key, `'${type.name}'`]);
      continue;
    }
    const plain = columns[f.name];
    if (plain && f.node.arguments?.length) throw new NotCompiled(`${f.name} with arguments`);
    const sql = plain ? plain(alias) : special(f);
    if (sql === null) throw new NotCompiled(`${type.name}.${f.name}`);
    pairs.push([f.key, sql]);
  }
  if (pairs.length > MAX_KEYS) throw new NotCompiled('too many fields');
  return jsonObject(pairs);
}

const LOT_ORDER = (l: string) => `${l}.expires_at NULLS LAST, ${l}.id`;

function lotJson(env: Env, f: Selected, l: string): string {
  // The instant is a parameter only when a selected field reads it: Postgres
  // refuses a statement sent more values than it has placeholders.
  return objectJson(
    env,
    subSelection(f),
    f.type!,
    l,
    {
      id: col('id'),
      source: col('source'),
      paymentReference: col('payment_reference'),
      amountPaidCents: col('amount_paid_cents'),
      currency: col('currency'),
      originalCredits: col('original_credits'),
      remainingCredits: col('remaining_credits'),
      spentCredits: col('spent_credits'),
      refundedCredits: col('refunded_credits'),
      expiredCredits: col('expired_credits'),
      createdAt: isoCol('created_at'),
      expiresAt: isoCol('expires_at'),
      expired: (a) => `NOT ${liveAt(a, env.b.now())}`,
    },
    (g) => {
      if (g.name !== 'license') return null;
      const x = env.b.alias('ll');
      return `(SELECT ${licenseJson(env, g, x)} FROM licenses ${x} WHERE ${x}.id = ${l}.license_id)`;
    },
  );
}

/**
 * policy/grants' GRANT_TABLE as SQL: the levels a license's plan includes at
 * no charge, keyed as planKey keys them (SAAS by hosting plan, else the edition).
 */
/** policy/license-terms' planKey of a license row. */
export const planKeySql = (li: string) =>
  `(CASE WHEN ${li}.edition = 'SAAS' THEN 'SAAS_' || ${li}.hosting_plan::text ELSE ${li}.edition::text END)`;

const includedLevels = (li: string) => {
  const key = planKeySql(li);
  const arms = Object.entries(GRANT_TABLE).map(
    ([k, row]) => `WHEN '${k}' THEN '${JSON.stringify(row.includedLevels)}'::json`,
  );
  return `(CASE ${key} ${arms.join(' ')} END)`;
};

export function licenseJson(env: Env, f: Selected, li: string): string {
  return objectJson(
    env,
    subSelection(f),
    f.type!,
    li,
    {
      id: col('id'),
      edition: col('edition'),
      hostingPlan: col('hosting_plan'),
      domain: col('domain'),
      orderDate: isoCol('order_date'),
      listPriceCents: col('list_price_cents'),
      paidPriceCents: col('paid_price_cents'),
      creditsGranted: col('credits_granted'),
      grantNote: col('grant_note'),
      includedLevels,
    },
    (g) => {
      if (g.name !== 'creditLot') return null;
      // The resolver finds it among the account's lots, in their order.
      const gl = env.b.alias('gl');
      return `(SELECT ${lotJson(env, g, gl)} FROM credit_lots ${gl}
                WHERE ${gl}.account_id = ${li}.account_id AND ${gl}.license_id = ${li}.id
                ORDER BY ${LOT_ORDER(gl)} LIMIT 1)`;
    },
  );
}

export function chargeJson(env: Env, f: Selected, c: string): string {
  return objectJson(
    env,
    subSelection(f),
    f.type!,
    c,
    {
      id: col('id'),
      credits: col('credits'),
      included: col('included'),
      balanceAfter: col('balance_after'),
      createdAt: isoCol('created_at'),
      refunded: (x) => `EXISTS (SELECT 1 FROM refunds rf WHERE rf.charge_id = ${x}.id)`,
    },
    (g) => {
      if (g.name === 'allocations') return allocationsJson(env, g, `charge_id = ${c}.id`);
      if (g.name === 'refund') {
        const r = env.b.alias('cr');
        return `(SELECT ${refundJson(env, g, r)} FROM refunds ${r} WHERE ${r}.charge_id = ${c}.id)`;
      }
      return related(env, g, c);
    },
  );
}

function refundJson(env: Env, f: Selected, r: string): string {
  return objectJson(
    env,
    subSelection(f),
    f.type!,
    r,
    {
      id: col('id'),
      credits: col('credits'),
      reason: col('reason'),
      balanceAfter: col('balance_after'),
      createdAt: isoCol('created_at'),
    },
    (g) => {
      if (g.name === 'allocations') return allocationsJson(env, g, `refund_id = ${r}.id`);
      if (g.name === 'charge') {
        const c = env.b.alias('rc');
        return `(SELECT ${chargeJson(env, g, c)} FROM charges ${c} WHERE ${c}.id = ${r}.charge_id)`;
      }
      return related(env, g, r);
    },
  );
}

/** A charge's or refund's allocations, in id order (the allocationsBy* loaders' order). */
function allocationsJson(env: Env, f: Selected, where: string): string {
  const al = env.b.alias('al');
  const obj = objectJson(env, subSelection(f), f.type!, al, { credits: col('credits') }, (g) => {
    if (g.name !== 'lot') return null;
    const l = env.b.alias('all');
    return `(SELECT ${lotJson(env, g, l)} FROM credit_lots ${l} WHERE ${l}.id = ${al}.lot_id)`;
  });
  return `COALESCE((SELECT json_agg(${obj} ORDER BY ${al}.id) FROM allocations ${al} WHERE ${al}.${where}), '[]'::json)`;
}

/** A row's `ticket` and `account` (by its ticket_id / account_id), as the ticket and account loaders find them. */
function related(env: Env, g: Selected, row: string): string | null {
  if (g.name === 'ticket') {
    const t = env.b.alias('rt');
    return `(SELECT ${ticketJson(env, g, t)} FROM tickets ${t} WHERE ${t}.id = ${row}.ticket_id)`;
  }
  if (g.name === 'account') {
    const a = env.b.alias('ra');
    return `(SELECT ${accountJson(env, g, a)} FROM accounts ${a} WHERE ${a}.id = ${row}.account_id)`;
  }
  return null;
}

/** tickets/ticket.resolver's history: opened, then charged, then refunded. */
function historyJson(env: Env, f: Selected, t: string): string {
  const h = env.b.alias('h');
  const obj = objectJson(env, subSelection(f), f.type!, h, {
    status: col('status'),
    at: isoCol('at'),
    note: col('note'),
  });
  return `(SELECT json_agg(${obj} ORDER BY ${h}.ord) FROM (
      SELECT 1 AS ord, 'OPEN' AS status, ${t}.opened_at AS at, NULL::text AS note
      UNION ALL
      SELECT 2, 'CHARGED', hc.created_at,
             CASE WHEN hc.included THEN 'Included support: 0 credits.' ELSE hc.credits || ' credits charged.' END
        FROM charges hc WHERE hc.ticket_id = ${t}.id
      UNION ALL
      SELECT 3, 'REFUNDED', hr.created_at, hr.reason::text FROM refunds hr WHERE hr.ticket_id = ${t}.id) ${h})`;
}

export function ticketJson(env: Env, f: Selected, t: string): string {
  return objectJson(
    env,
    subSelection(f),
    f.type!,
    t,
    {
      id: col('id'),
      category: col('category'),
      level: col('level'),
      subject: col('subject'),
      status: col('status'),
      openedAt: isoCol('opened_at'),
      openedByKeyId: col('opened_by_key_id'),
      openedByName: col('opened_by_name'),
    },
    (g) => {
      if (g.name === 'price') {
        return objectJson(env, subSelection(g), g.type!, t, {
          min: col('price_min'),
          max: col('price_max'),
          included: (a) => `(${a}.price_max = 0)`,
        });
      }
      if (g.name === 'charge') {
        const c = env.b.alias('c');
        return `(SELECT ${chargeJson(env, g, c)} FROM charges ${c} WHERE ${c}.ticket_id = ${t}.id)`;
      }
      if (g.name === 'license') {
        const x = env.b.alias('tl');
        return `(SELECT ${licenseJson(env, g, x)} FROM licenses ${x} WHERE ${x}.id = ${t}.license_id)`;
      }
      if (g.name === 'refund') {
        const r = env.b.alias('tr');
        return `(SELECT ${refundJson(env, g, r)} FROM refunds ${r} WHERE ${r}.ticket_id = ${t}.id)`;
      }
      if (g.name === 'history') return historyJson(env, g, t);
      if (g.name === 'account') return related(env, g, t);
      return null;
    },
  );
}

/**
 * A connection page over `rows` (a subquery already limited to first + 1
 * rows, newest first, numbered n): what common/pagination's toConnection
 * builds from the same rows. `key`: the column the page is ordered by and
 * its cursors name (`id` unless the rows carry it under another name).
 */
export function connectionJson(
  env: Env,
  f: Selected,
  page: { rows: string; first: string; after: string; total: string; key?: string },
  node: (g: Selected, alias: string) => string,
): string {
  const p = env.b.alias('p');
  const k = `${p}.${page.key ?? 'id'}`;
  const pairs: [string, string][] = [];
  for (const g of selectedFields(subSelection(f), f.type!, env)) {
    if (g.name === '__typename') pairs.push([g.key, `'${f.type!.name}'`]);
    else if (g.name === 'totalCount') pairs.push([g.key, page.total]);
    else if (g.name === 'nodes')
      pairs.push([
        g.key,
        `COALESCE(json_agg(${node(g, p)} ORDER BY ${p}.n) FILTER (WHERE ${p}.n <= ${page.first}), '[]'::json)`,
      ]);
    else if (g.name === 'pageInfo')
      pairs.push([
        g.key,
        objectJson(env, subSelection(g), g.type!, p, {}, (h) => {
          if (h.name === 'hasNextPage') return `(count(*) > ${page.first})`;
          if (h.name === 'endCursor')
            // The last node's key; on an empty page the cursor asked with.
            return cursor(
              `COALESCE(((array_agg(${k} ORDER BY ${p}.n DESC) FILTER (WHERE ${p}.n <= ${page.first}))[1])::text, ${page.after}::text)`,
            );
          return null;
        }),
      ]);
    else throw new NotCompiled(`${f.type!.name}.${g.name}`);
  }
  // GROUP BY (): one row (one object) however many rows the page has, also
  // when no aggregate is selected (only totalCount or __typename).
  return `(SELECT ${jsonObject(pairs)} FROM (${page.rows}) ${p} GROUP BY ())`;
}

/** Page arguments checked as parsePage checks them; a bad one goes the regular way for its error. */
export const pageSlots = (
  env: Env,
  f: Selected,
  defaultSize: number,
  keyType: KeyType = 'uuid',
) => {
  const page = (run: Run) => {
    const a = run.args(f.node, f.def) as { first?: number | null; after?: string | null };
    return parsePage(a.first, a.after, defaultSize, keyType);
  };
  return {
    first: env.b.param((run) => page(run).first, 'int'),
    after: env.b.param((run) => page(run).after, KEY_SQL_TYPE[keyType]),
  };
};

/** "id < after" (db/keyset's byId): `alias` the row's table alias. */
export const before = (alias: string, after: string, keyType: 'uuid' | 'bigint' = 'uuid') =>
  byId(keyType).before(alias, after);

/** A page of an account's children (newest first, as graphql/paged-children pages them). */
function childPage(
  env: Env,
  g: Selected,
  a: string,
  spec: {
    table: string;
    defaultSize: number;
    keyType?: 'uuid' | 'bigint';
    filter?: (x: string) => string;
  },
  node: (h: Selected, alias: string) => string,
): string {
  const { first, after } = pageSlots(env, g, spec.defaultSize, spec.keyType);
  const t = env.b.alias('t');
  const ct = env.b.alias('ct');
  const filter = spec.filter ?? (() => 'TRUE');
  return connectionJson(
    env,
    g,
    {
      rows: `SELECT ${t}.*, row_number() OVER (ORDER BY ${t}.id DESC) AS n FROM ${spec.table} ${t}
              WHERE ${t}.account_id = ${a}.id AND ${before(t, after, spec.keyType)} AND ${filter(t)}
              ORDER BY ${t}.id DESC LIMIT ${first} + 1`,
      first,
      after,
      total: `(SELECT count(*)::int FROM ${spec.table} ${ct} WHERE ${ct}.account_id = ${a}.id AND ${filter(ct)})`,
    },
    node,
  );
}

function ledgerEntryJson(env: Env, f: Selected, e: string): string {
  return objectJson(
    env,
    subSelection(f),
    f.type!,
    e,
    { id: (x) => `${x}.id::text`, kind: col('kind'), credits: col('credits'), at: isoCol('at') },
    (g) => {
      if (g.name === 'lot') {
        const l = env.b.alias('el');
        return `(SELECT ${lotJson(env, g, l)} FROM credit_lots ${l} WHERE ${l}.id = ${e}.lot_id)`;
      }
      if (g.name === 'ticket') {
        const t = env.b.alias('et');
        return `(SELECT ${ticketJson(env, g, t)} FROM tickets ${t} WHERE ${t}.id = ${e}.ticket_id)`;
      }
      return null;
    },
  );
}

/** outbox/statement.resolver's toStatement, over an outbox row of the statement topic. */
function statementJson(env: Env, f: Selected, o: string): string {
  return objectJson(
    env,
    subSelection(f),
    f.type!,
    o,
    {
      id: col('id'),
      kind: (x) => `(${x}.payload->>'kind')`,
      credits: (x) => `(${x}.payload->'credits')`,
      balanceAfter: (x) => `(${x}.payload->'balanceAfter')`,
      message: (x) => `(${x}.payload->>'message')`,
      createdAt: isoCol('created_at'),
      deliveredAt: isoCol('delivered_at'),
    },
    (g) => {
      if (g.name === 'delivery')
        return objectJson(env, subSelection(g), g.type!, o, {
          // Rows written already delivered (imports) predate the status column's meaning.
          status: (x) =>
            `(CASE WHEN ${x}.delivered_at IS NOT NULL THEN 'SENT' ELSE ${x}.status END)`,
          attempts: col('attempts'),
          nextAttemptAt: isoCol('next_attempt_at'),
          lastError: col('last_error'),
          sentAt: isoCol('delivered_at'),
        });
      if (g.name === 'ticket') {
        const t = env.b.alias('st');
        return `(SELECT ${ticketJson(env, g, t)} FROM tickets ${t} WHERE ${t}.id = (${o}.payload->>'ticketId')::uuid)`;
      }
      return null;
    },
  );
}

/** outbox/receipt.type's toReceipt, over an outbox row of the receipt topic. */
function receiptJson(env: Env, f: Selected, o: string): string {
  const field = (key: string) => (x: string) => `(${x}.payload->'${key}')`;
  return objectJson(env, subSelection(f), f.type!, o, {
    id: col('id'),
    kind: (x) => `(${x}.payload->>'kind')`,
    credits: field('credits'),
    expiresAt: (x) => iso(`(${x}.payload->>'expiresAt')::timestamptz`),
    amountPaidCents: field('amountPaidCents'),
    currency: field('currency'),
    paymentReference: field('paymentReference'),
    note: field('note'),
    balanceAfter: field('balanceAfter'),
    createdAt: isoCol('created_at'),
    deliveredAt: isoCol('delivered_at'),
  });
}

/** An audit_events row as audit-trail's AUDIT_COLUMNS select it (actor split, details as text). */
export function auditEventJson(env: Env, f: Selected, e: string): string {
  return objectJson(
    env,
    subSelection(f),
    f.type!,
    e,
    {
      id: col('id'),
      at: isoCol('at'),
      action: col('action'),
      accountId: (x) => `${x}."accountId"`,
      targetId: (x) => `${x}."targetId"`,
      keyId: (x) => `${x}."keyId"`,
      keyName: (x) => `${x}."keyName"`,
      role: col('role'),
      requestId: (x) => `${x}."requestId"`,
      details: col('details'),
    },
    (g) => {
      if (g.name !== 'account') return null;
      const a = env.b.alias('ea');
      return `(SELECT ${accountJson(env, g, a)} FROM accounts ${a} WHERE ${a}.id = ${e}."accountId")`;
    },
  );
}

export const argOf = (f: Selected, name: string) => (run: Run) =>
  run.args(f.node, f.def)[name] ?? null;

const WITHIN_DAYS_MAX = 3660;

/** An account row under `a` (a table alias or a page of accounts). */
export function accountJson(env: Env, f: Selected, a: string): string {
  const b = env.b;
  // The balance now, however many fields read it (balance, lowBalance's
  // balance and isBelow): computed once per account, in a derived table
  // around the object.
  const shared: { bal: string | null } = { bal: null };
  const balance = () => `${(shared.bal ??= b.alias('bal'))}.balance`;
  const obj = objectJson(
    env,
    subSelection(f),
    f.type!,
    a,
    { id: col('id'), name: col('name'), email: col('email'), createdAt: isoCol('created_at') },
    (g) => {
      switch (g.name) {
        case 'balance': {
          if (!g.node.arguments?.length) return balance();
          // With asOf (null: now), the ledger as of that instant.
          const asOf = b.param((run) => {
            const at = argOf(g, 'asOf')(run) as Date | null;
            return at === null ? null : instant(at, 'asOf');
          }, 'timestamptz');
          return `(CASE WHEN ${asOf} IS NULL THEN ${balance()} ELSE ${balanceAt(`${a}.id`, asOf)} END)`;
        }
        case 'expiringCredits': {
          const days = b.param((run) => {
            const d = argOf(g, 'withinDays')(run) as number;
            if (d < 0 || d > WITHIN_DAYS_MAX)
              throw badInput('withinDays', 'withinDays must be from 0 to 3660.');
            return d;
          }, 'int');
          const el = b.alias('el');
          return `(SELECT COALESCE(SUM(${el}.remaining_credits), 0)::int FROM credit_lots ${el}
                    WHERE ${el}.account_id = ${a}.id AND ${liveAt(el, b.now())} AND ${el}.expires_at IS NOT NULL
                      AND ${el}.expires_at <= ${b.now()} + ${days} * interval '86400 seconds')`;
        }
        case 'licenses': {
          const li = b.alias('li');
          return `COALESCE((SELECT json_agg(${licenseJson(env, g, li)} ORDER BY ${li}.id)
                     FROM licenses ${li} WHERE ${li}.account_id = ${a}.id), '[]'::json)`;
        }
        case 'creditLots': {
          const all = b.param(argOf(g, 'includeExpired'), 'boolean');
          const l = b.alias('l');
          return `COALESCE((SELECT json_agg(${lotJson(env, g, l)} ORDER BY ${LOT_ORDER(l)})
                     FROM credit_lots ${l} WHERE ${l}.account_id = ${a}.id AND (${all} OR ${liveAt(l, b.now())})), '[]'::json)`;
        }
        case 'tickets': {
          const { first, after } = pageSlots(env, g, 20);
          const status = b.param(argOf(g, 'status'), 'ticket_status');
          const t = b.alias('t');
          const ct = b.alias('ct');
          const filter = (x: string) => `(${status} IS NULL OR ${x}.status = ${status})`;
          return connectionJson(
            env,
            g,
            {
              rows: `SELECT ${t}.*, row_number() OVER (ORDER BY ${t}.id DESC) AS n FROM tickets ${t}
                      WHERE ${t}.account_id = ${a}.id AND ${before(t, after)} AND ${filter(t)}
                      ORDER BY ${t}.id DESC LIMIT ${first} + 1`,
              first,
              after,
              total: `(SELECT count(*)::int FROM tickets ${ct} WHERE ${ct}.account_id = ${a}.id AND ${filter(ct)})`,
            },
            ticketJson.bind(null, env),
          );
        }
        case 'charges':
          return childPage(
            env,
            g,
            a,
            { table: 'charges', defaultSize: 20 },
            chargeJson.bind(null, env),
          );
        case 'ledger':
          return childPage(
            env,
            g,
            a,
            { table: 'ledger_entries', defaultSize: 50, keyType: 'bigint' },
            ledgerEntryJson.bind(null, env),
          );
        case 'statements': {
          const topic = `'${STATEMENT_TOPIC}'`;
          return childPage(
            env,
            g,
            a,
            { table: 'outbox', defaultSize: 20, filter: (x) => `${x}.topic = ${topic}` },
            statementJson.bind(null, env),
          );
        }
        case 'receipts': {
          const topic = `'${RECEIPT_TOPIC}'`;
          return childPage(
            env,
            g,
            a,
            { table: 'outbox', defaultSize: 20, filter: (x) => `${x}.topic = ${topic}` },
            receiptJson.bind(null, env),
          );
        }
        case 'lowBalance': {
          // notices/low-balance's lowBalanceOf.
          const s = b.alias('lb');
          const obj = objectJson(env, subSelection(g), g.type!, s, {
            threshold: () => `low_balance_threshold(${a}.id)`,
            isDefault: (x) => `(${x}.threshold IS NULL)`,
            below: (x) => `COALESCE(${x}.below, false)`,
            // LowBalanceResolver: the balance now, and below read from it.
            balance,
            isBelow: () => `(${balance()} < low_balance_threshold(${a}.id))`,
          });
          return `(SELECT ${obj} FROM (SELECT 1) one LEFT JOIN account_low_balance ${s} ON ${s}.account_id = ${a}.id)`;
        }
        case 'lowBalanceNotices': {
          // notices/low-balance's lowBalanceNoticesOf.
          const n = b.alias('ln');
          const obj = objectJson(env, subSelection(g), g.type!, n, {
            id: col('id'),
            chargeId: col('charge_id'),
            balance: col('balance'),
            threshold: col('threshold'),
            createdAt: isoCol('created_at'),
            mailedAt: isoCol('mailed_at'),
          });
          return `COALESCE((SELECT json_agg(${obj} ORDER BY ${n}.created_at DESC, ${n}.id DESC)
                     FROM low_balance_notices ${n} WHERE ${n}.account_id = ${a}.id), '[]'::json)`;
        }
        case 'expiryNotices': {
          // notices/expiry-notices' noticesOf.
          const n = b.alias('xn');
          const obj = objectJson(env, subSelection(g), g.type!, n, {
            lotId: col('lot_id'),
            thresholdDays: col('threshold_days'),
            credits: col('credits'),
            expiresAt: isoCol('expires_at'),
            createdAt: isoCol('created_at'),
            mailedAt: isoCol('mailed_at'),
          });
          return `COALESCE((SELECT json_agg(${obj} ORDER BY ${n}.created_at DESC, ${n}.threshold_days)
                     FROM expiry_notices ${n} WHERE ${n}.account_id = ${a}.id AND ${n}.sent), '[]'::json)`;
        }
        default:
          return null;
      }
    },
  );
  return shared.bal === null
    ? obj
    : `(SELECT ${obj} FROM (SELECT ${balanceNow(b, `${a}.id`)} AS balance) ${shared.bal})`;
}

/** policy/spending's liveBalance: the remaining credits of the account's lots live now. */
export function balanceNow(b: SqlBuilder, accountId: string): string {
  return balanceNowSql(accountId, b.now());
}

/** A partner key sees only its accounts: the condition on an account id column. */
export function scopeSql(b: SqlBuilder, idCol: string, scoped: boolean): string {
  if (!scoped) return 'TRUE';
  const key = b.shared('scope', (run) => run.scopeKeyId, 'uuid');
  return inScopeSql(key, idCol);
}
