import type { DataSource } from 'typeorm';
import { columnsOf, queryRows } from '../db/sql';
import type { ReadScope } from '../common/access';
import type { ServiceContext } from '../common/context';
import { ChargeGrouping } from '../policy/enums';
import { badInput } from '../common/errors';
import { isUuid, parseId } from '../common/ids';
import { type Connection, type Page, pageSize } from '../common/pagination';
import { pagedList } from '../db/paged-list';
import { MAX_INT, instant } from '../common/validate';
import { ChargeEntity } from './charge.entity';
import type { ChargeFilter } from './ledger.type';
import { inScopeSql } from '../db/read-rules';
import { byCreatedAt } from '../db/keyset';

// Analysts' reads over charges. Category and edition live on the charge row
// itself, so every filter is a plain predicate on `charges c`. Counts and
// summaries are answered from the charge rollup (migration 1797000000000:
// per UTC day, account, category, edition, included and refunded, kept by
// trigger in each charge's and refund's transaction); only the parts of a
// date range that are not whole UTC days read rows. The row-based queries
// stay as the specification the rollup is tested against (`source: 'rows'`).

/** Where the counts come from: the rollup (the default) or the charge rows. */
export type HistorySource = 'rollup' | 'rows';

interface ParsedFilter {
  accountId: string | null;
  from: Date | null;
  to: Date | null;
  categories: string[] | null;
  editions: string[] | null;
  included: boolean | null;
  refunded: boolean | null;
  /** The account as SQL: one account of a page of buckets by ACCOUNT (below). */
  accountSql?: string;
}

/** Validates the filter: BAD_USER_INPUT on a bad value. */
function parseFilter(filter: ChargeFilter | null | undefined): ParsedFilter {
  const f = filter ?? {};
  const accountId = f.accountId != null ? parseId(f.accountId, 'filter.accountId') : null;
  const from = f.from ? instant(f.from, 'filter.from') : null;
  const to = f.to ? instant(f.to, 'filter.to') : null;
  if (from && to && from > to)
    throw badInput('filter.to', 'filter.to must not be before filter.from.');
  return {
    accountId,
    from,
    to,
    categories: f.categories ?? null,
    editions: f.editions ?? null,
    included: f.included ?? null,
    refunded: f.refunded ?? null,
  };
}

/** $1, $2 ... in the order values are added. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * The filter's predicates other than the date range, over `alias` (charges
 * or the rollup: both name these columns alike), and the key's scope.
 * `refunded` is the rollup's own column, or for charges the EXISTS on refunds.
 */
function dimensionPredicates(
  ctx: ReadScope,
  f: ParsedFilter,
  p: Params,
  alias: string,
  refunded: (wanted: boolean) => string,
): string[] {
  const parts: string[] = [];
  if (f.accountId != null) parts.push(`${alias}.account_id = ${p.add(f.accountId)}`);
  if (f.accountSql) parts.push(`${alias}.account_id = ${f.accountSql}`);
  if (f.categories)
    parts.push(`${alias}.category = ANY(${p.add(f.categories)}::ticket_category[])`);
  if (f.editions) parts.push(`${alias}.edition = ANY(${p.add(f.editions)}::edition[])`);
  if (f.included != null) parts.push(`${alias}.included = ${p.add(f.included)}`);
  if (f.refunded != null) parts.push(refunded(f.refunded));
  if (ctx.access.scoped) {
    parts.push(inScopeSql(p.add(ctx.viewer.keyId), `${alias}.account_id`));
  }
  return parts;
}

const chargeRefunded = (wanted: boolean) =>
  `${wanted ? '' : 'NOT '}EXISTS (SELECT 1 FROM refunds r WHERE r.charge_id = c.id)`;

/** The filter (validated: BAD_USER_INPUT on a bad value) and the key's scope, as SQL over `charges c`. */
export function whereOf(
  ctx: ReadScope,
  filter: ChargeFilter | null | undefined,
): { sql: string; params: unknown[] } {
  const f = parseFilter(filter);
  const p = new Params();
  const parts: string[] = [];
  if (f.from) parts.push(`c.created_at >= ${p.add(f.from)}`);
  if (f.to) parts.push(`c.created_at < ${p.add(f.to)}`);
  parts.push(...dimensionPredicates(ctx, f, p, 'c', chargeRefunded));
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params: p.values };
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthStart = (ms: number, add = 0) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1);
};

/**
 * The whole UTC months within whole days [dayFrom, dayTo) (null: unbounded):
 * [the first 1st at or after dayFrom, the last 1st at or before dayTo), or
 * null when no month fits whole.
 */
function wholeMonths(
  dayFrom: number | null,
  dayTo: number | null,
): { from: number | null; to: number | null } | null {
  const from =
    dayFrom === null ? null : monthStart(dayFrom) === dayFrom ? dayFrom : monthStart(dayFrom, 1);
  const to = dayTo === null ? null : monthStart(dayTo);
  return from !== null && to !== null && from >= to ? null : { from, to };
}

/**
 * The filtered charges as rollup-shaped rows (account_id, day, category,
 * edition, included, refunded, charges, credits, refunded_credits): the
 * rollup's rows for the whole UTC days in the range, and rows made from
 * the charges themselves for the part-days at either end. Summing them by
 * any key gives what the charges would; a group with no charges left (all
 * moved to the refunded row) must be skipped by the reader. Unless the read
 * needs accounts (an account filter, a partner's scope, grouping by
 * account), the whole days come from the all-accounts level instead: the
 * folded rows plus the deltas not folded yet (account_id NULL), the folded
 * ones by month for the whole months in the range unless grouping by day
 * (a month's row stands on its 1st), by day for the rest. `only` keeps the
 * whole days' rows or the part-days' (empty SQL when there are none), with
 * parameters numbered on from `p`'s.
 */
function rollupSource(
  ctx: ReadScope,
  f: ParsedFilter,
  groupBy: ChargeGrouping | null,
  opts: { only?: 'wholeDays' | 'partDays'; p?: Params } = {},
): { sql: string; params: unknown[] } {
  const byAccount = f.accountId != null || ctx.access.scoped || groupBy === ChargeGrouping.ACCOUNT;
  const p = opts.p ?? new Params();
  const from = f.from?.getTime() ?? null;
  const to = f.to?.getTime() ?? null;
  // Whole days: [first midnight at or after from, last midnight at or before to).
  const dayFrom = from === null ? null : Math.ceil(from / DAY_MS) * DAY_MS;
  const dayTo = to === null ? null : Math.floor(to / DAY_MS) * DAY_MS;
  const parts: string[] = [];
  const rowsBetween = (lo: number | null, hi: number | null) => {
    if (opts.only === 'wholeDays') return;
    const where = dimensionPredicates(ctx, f, p, 'c', (wanted) =>
      wanted ? 'r.charge_id IS NOT NULL' : 'r.charge_id IS NULL',
    );
    if (lo !== null) where.push(`c.created_at >= ${p.add(new Date(lo))}::timestamptz`);
    if (hi !== null) where.push(`c.created_at < ${p.add(new Date(hi))}::timestamptz`);
    parts.push(`SELECT c.account_id, (c.created_at AT TIME ZONE 'UTC')::date AS day, c.category, c.edition,
              c.included, r.charge_id IS NOT NULL AS refunded, 1 AS charges, c.credits::bigint AS credits,
              COALESCE(r.credits, 0)::bigint AS refunded_credits
         FROM charges c LEFT JOIN refunds r ON r.charge_id = c.id
        WHERE ${where.join(' AND ') || 'TRUE'}`);
  };
  if (dayFrom !== null && dayTo !== null && dayFrom >= dayTo) {
    // Within one day (or across one midnight with no whole day): rows only.
    rowsBetween(from, to);
  } else {
    // The all-accounts level's tables, each over [lo, hi) of its own date column.
    const level = (
      table: string,
      column: 'day' | 'month',
      lo: number | null,
      hi: number | null,
    ) => {
      if (opts.only === 'partDays') return;
      const where = dimensionPredicates(ctx, f, p, 'g', (w) => `g.refunded = ${p.add(w)}`);
      if (lo !== null) where.push(`g.${column} >= ${p.add(isoDay(lo))}::date`);
      if (hi !== null) where.push(`g.${column} < ${p.add(isoDay(hi))}::date`);
      const account = byAccount ? 'g.account_id' : 'NULL::uuid';
      parts.push(`SELECT ${account} AS account_id, g.${column} AS day, g.category, g.edition, g.included,
              g.refunded, g.charges, g.credits, g.refunded_credits
         FROM ${table} g
        WHERE ${where.join(' AND ') || 'TRUE'}`);
    };
    const months = byAccount || groupBy === ChargeGrouping.DAY ? null : wholeMonths(dayFrom, dayTo);
    if (byAccount) {
      level('charge_rollup', 'day', dayFrom, dayTo);
    } else if (months) {
      // The days either side of the whole months, where there are any.
      level('charge_rollup_monthly', 'month', months.from, months.to);
      if (months.from !== dayFrom) level('charge_rollup_daily', 'day', dayFrom, months.from);
      if (months.to !== dayTo) level('charge_rollup_daily', 'day', months.to, dayTo);
      level('charge_rollup_delta', 'day', dayFrom, dayTo);
    } else {
      level('charge_rollup_daily', 'day', dayFrom, dayTo);
      level('charge_rollup_delta', 'day', dayFrom, dayTo);
    }
    if (from !== null && dayFrom !== null && from < dayFrom) rowsBetween(from, dayFrom);
    if (to !== null && dayTo !== null && dayTo < to) rowsBetween(dayTo, to);
  }
  return { sql: parts.join('\n UNION ALL\n'), params: p.values };
}

/**
 * Folds the rollup's deltas into its daily and monthly rows (a scheduled
 * job, every minute): reads stay exact either way, but each unfolded delta
 * is one more row for the all-accounts reads to add up. Returns the daily
 * rows touched.
 */
export async function compactChargeRollup(ds: DataSource): Promise<number> {
  const [row] = await ds.query<[{ n: number }]>('SELECT charge_rollup_compact() AS n');
  return row.n;
}

/**
 * How many charges the filter matches, from the rollup: one integer. The
 * charges page's totalCount, on the resolvers' path and the compiled one.
 */
export function chargeCountQuery(
  ctx: ReadScope,
  filter: ChargeFilter | null | undefined,
): { sql: string; params: unknown[] } {
  const source = rollupSource(ctx, parseFilter(filter), null);
  return {
    sql: `SELECT COALESCE(sum(s.charges), 0)::int FROM (${source.sql}) s`,
    params: source.params,
  };
}

/** Newest first. `to` is exclusive, so consecutive ranges never double count. */
export function listCharges(
  ctx: ServiceContext,
  filter: ChargeFilter | null,
  page: Page,
  opts: { source?: HistorySource } = {},
): Promise<Connection<ChargeEntity>> {
  const where = whereOf(ctx, filter);
  const count = (opts.source ?? 'rollup') === 'rollup' ? chargeCountQuery(ctx, filter) : undefined;
  // Analysts' history: the read replica when fresh (no balance is decided here).
  return ctx.reads.run((ds) =>
    pagedList<ChargeEntity>(
      ds,
      {
        columns: columnsOf(ctx.ds, ChargeEntity, 'c'),
        table: 'charges',
        alias: 'c',
        where: where.sql,
        params: where.params,
        keyset: byCreatedAt,
        count,
      },
      page,
    ),
  );
}

// Rows are grouped by a cheap typed key and labelled once per group: at 1M
// charges, to_char() on every row cost more than the scan (EXPLAIN ANALYZE:
// 1.25 s -> 0.8 s for MONTH, 0.73 s -> 0.42 s for ACCOUNT).
const GROUP_KEYS: Record<ChargeGrouping, { group: string; label: string }> = {
  [ChargeGrouping.DAY]: {
    group: `date_trunc('day', c.created_at AT TIME ZONE 'UTC')`,
    label: `to_char(g.k, 'YYYY-MM-DD')`,
  },
  [ChargeGrouping.MONTH]: {
    group: `date_trunc('month', c.created_at AT TIME ZONE 'UTC')`,
    label: `to_char(g.k, 'YYYY-MM')`,
  },
  [ChargeGrouping.CATEGORY]: { group: 'c.category', label: 'g.k::text' },
  [ChargeGrouping.EDITION]: { group: 'c.edition', label: 'g.k::text' },
  [ChargeGrouping.ACCOUNT]: { group: 'c.account_id', label: 'g.k::text' },
};

export interface Bucket {
  key: string;
  charges: number;
  credits: number;
  includedCharges: number;
  refundedCredits: number;
}

// The same keys over rollup-shaped rows `s` (day is a date; as a timestamp
// without time zone, date_trunc stays in UTC whatever the session's zone).
const ROLLUP_GROUP_KEYS: Record<ChargeGrouping, string> = {
  [ChargeGrouping.DAY]: 's.day::timestamp',
  [ChargeGrouping.MONTH]: `date_trunc('month', s.day::timestamp)`,
  [ChargeGrouping.CATEGORY]: 's.category',
  [ChargeGrouping.EDITION]: 's.edition',
  [ChargeGrouping.ACCOUNT]: 's.account_id',
};

type BucketRow = Omit<Bucket, 'credits' | 'refundedCredits'> & {
  credits: string;
  refundedCredits: string;
};

/** A page of buckets (chargeSummary's `first` and `after`); absent, every bucket. */
export interface BucketPage {
  first?: number | null;
  /** The key of the last bucket of the page before. */
  after?: string | null;
}

// A bucket's key as the grouping writes it (ChargeBucket.key).
const isBucketKey: Record<ChargeGrouping, (key: string) => boolean> = {
  [ChargeGrouping.DAY]: (k) => /^\d{4}-\d{2}-\d{2}$/.test(k),
  [ChargeGrouping.MONTH]: (k) => /^\d{4}-\d{2}$/.test(k),
  [ChargeGrouping.CATEGORY]: (k) => /^[A-Z_]+$/.test(k),
  [ChargeGrouping.EDITION]: (k) => /^[A-Z_]+$/.test(k),
  [ChargeGrouping.ACCOUNT]: isUuid,
};

/** Validates a page of buckets: BAD_USER_INPUT on a bad `first` or an `after` that is no key of the grouping. */
function parseBucketPage(
  page: BucketPage | undefined,
  groupBy: ChargeGrouping,
): { first: number | null; after: string | null } {
  const first = page?.first == null ? null : pageSize(page.first);
  let after = page?.after ?? null;
  if (after !== null) {
    if (groupBy === ChargeGrouping.ACCOUNT) after = after.toLowerCase();
    if (!isBucketKey[groupBy](after))
      throw badInput('after', `after must be the key of a ${groupBy} bucket.`);
  }
  return { first, after };
}

// A bucket's figures, summed over rollup-shaped rows `s`.
const ROLLUP_SUMS = `sum(s.charges)::int AS charges, sum(s.credits)::bigint AS credits,
       COALESCE(sum(s.charges) FILTER (WHERE s.included), 0)::int AS "includedCharges",
       sum(s.refunded_credits)::bigint AS "refundedCredits"`;

/**
 * A page of buckets by ACCOUNT from the rollup: the accounts after `after`
 * in id order, each summed on its own (the rollup's key starts with the
 * account), until `first` have charges. Grouping the whole rollup and
 * keeping a page would read every account-day; this reads the page's. The
 * part-days at either end of the range are summed once for every account
 * and merged in by id: asked per account, the planner ANDed each account's
 * charges with the whole part-day range of the index by time, a cost that
 * grew with the charges per day.
 */
function accountPage(
  ctx: ReadScope,
  f: ParsedFilter,
  after: string | null,
  first: number,
): [string, unknown[]] {
  const p = new Params();
  const wholeDays = rollupSource(ctx, { ...f, accountSql: 'a.id' }, ChargeGrouping.ACCOUNT, {
    only: 'wholeDays',
    p,
  }).sql;
  const partDays = rollupSource(ctx, f, ChargeGrouping.ACCOUNT, { only: 'partDays', p }).sql;
  const from: string[] = ['accounts a'];
  const sums: string[] = [];
  if (wholeDays) {
    from.push(`CROSS JOIN LATERAL (SELECT ${ROLLUP_SUMS} FROM (${wholeDays}) s) t`);
    sums.push('t');
  }
  if (partDays) {
    from.push(`LEFT JOIN (SELECT s.account_id, ${ROLLUP_SUMS} FROM (${partDays}) s GROUP BY 1) q
        ON q.account_id = a.id`);
    sums.push('q');
  }
  const sum = (column: string) => sums.map((x) => `COALESCE(${x}.${column}, 0)`).join(' + ');
  const total = (column: string, type: string) => `(${sum(column)})::${type} AS ${column}`;
  // The account filter and the key's scope, which the sums apply too, also
  // narrow the walk itself to their accounts.
  const where = [`${sum('charges')} > 0`];
  if (after !== null) where.push(`a.id > ${p.add(after)}::uuid`);
  if (f.accountId !== null) where.push(`a.id = ${p.add(f.accountId)}::uuid`);
  if (ctx.access.scoped) where.push(inScopeSql(p.add(ctx.viewer.keyId), 'a.id'));
  return [
    `SELECT a.id AS k, ${total('charges', 'int')}, ${total('credits', 'bigint')},
            ${total('"includedCharges"', 'int')}, ${total('"refundedCredits"', 'bigint')}
       FROM ${from.join('\n       ')}
      WHERE ${where.join(' AND ')}
      ORDER BY a.id LIMIT ${p.add(first)}`,
    p.values,
  ];
}

/**
 * The buckets' query (columns key, charges, credits, "includedCharges",
 * "refundedCredits"; credits as bigint), sorted by key: chronological for
 * DAY and MONTH. From the rollup by default; `rows` reads the charges. A
 * page keeps the buckets whose key comes after `after`, at most `first` of
 * them; by ACCOUNT the rollup reads only the page's accounts (an id's
 * order is its text's), however many accounts there are.
 */
export function chargeSummaryQuery(
  ctx: ReadScope,
  filter: ChargeFilter | null | undefined,
  groupBy: ChargeGrouping,
  opts: { source?: HistorySource; page?: BucketPage } = {},
): { sql: string; params: unknown[] } {
  const page = parseBucketPage(opts.page, groupBy);
  const label = GROUP_KEYS[groupBy].label;
  const paged = (inner: string, params: unknown[]) => {
    const add = (v: unknown) => `$${params.push(v)}`;
    const after = page.after === null ? '' : `WHERE ${label} > ${add(page.after)}`;
    const limit = page.first === null ? '' : `LIMIT ${add(page.first)}`;
    return {
      sql: `SELECT ${label} AS key, g.charges, g.credits, g."includedCharges", g."refundedCredits"
         FROM (${inner}) g ${after}
        ORDER BY 1 ${limit}`,
      params,
    };
  };
  if ((opts.source ?? 'rollup') === 'rollup') {
    const f = parseFilter(filter);
    if (groupBy === ChargeGrouping.ACCOUNT && page.first !== null) {
      return paged(...accountPage(ctx, f, page.after, page.first));
    }
    const source = rollupSource(ctx, f, groupBy);
    return paged(
      `SELECT ${ROLLUP_GROUP_KEYS[groupBy]} AS k, ${ROLLUP_SUMS}
         FROM (${source.sql}) s
        GROUP BY 1 HAVING sum(s.charges) > 0`,
      [...source.params],
    );
  }
  const where = whereOf(ctx, filter);
  return paged(
    `SELECT ${GROUP_KEYS[groupBy].group} AS k, count(*)::int AS charges,
            COALESCE(sum(c.credits), 0)::bigint AS credits,
            count(*) FILTER (WHERE c.included)::int AS "includedCharges",
            COALESCE(sum(r.credits), 0)::bigint AS "refundedCredits"
       FROM charges c LEFT JOIN refunds r ON r.charge_id = c.id
      WHERE ${where.sql}
      GROUP BY 1`,
    [...where.params],
  );
}

/** A group's credits must fit GraphQL's Int. */
const TOO_MANY_CREDITS =
  'A group holds more credits than fit in an Int; narrow the filter or group by DAY.';

/** Sorted by key: chronological for DAY and MONTH. */
export async function summarizeCharges(
  ctx: ServiceContext,
  filter: ChargeFilter | null,
  groupBy: ChargeGrouping,
  opts: { source?: HistorySource; page?: BucketPage } = {},
): Promise<Bucket[]> {
  // Sums come back as bigint (strings): GraphQL's Int cannot hold more than MAX_INT.
  const query = chargeSummaryQuery(ctx, filter, groupBy, opts);
  const rows = await ctx.reads.run((ds) => queryRows<BucketRow>(ds, query.sql, query.params));
  return rows.map((r) => {
    const credits = Number(r.credits);
    const refundedCredits = Number(r.refundedCredits);
    if (credits > MAX_INT || refundedCredits > MAX_INT) {
      throw badInput('filter', TOO_MANY_CREDITS);
    }
    return { ...r, credits, refundedCredits };
  });
}
