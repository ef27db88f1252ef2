import { columnsOf, queryRows } from '../db/sql';
import type { ServiceContext } from '../common/context';
import { ChargeGrouping } from '../policy/enums';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import type { Connection, Page } from '../common/pagination';
import { pagedList } from '../db/paged-list';
import { MAX_INT, instant } from '../common/validate';
import { ChargeEntity } from './charge.entity';
import type { ChargeFilter } from './ledger.type';
import { inScopeSql } from '../db/read-rules';

// Analysts' reads over charges. Category and edition live on the charge row
// itself, so every filter is a plain predicate on `charges c`.

/** The filter (validated: BAD_USER_INPUT on a bad value) and the key's scope, as SQL over `charges c`. */
export function whereOf(
  ctx: Pick<ServiceContext, 'access' | 'viewer'>,
  filter: ChargeFilter | null | undefined,
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const f = filter ?? {};
  if (f.accountId != null)
    parts.push(`c.account_id = ${p(parseId(f.accountId, 'filter.accountId'))}`);
  const from = f.from ? instant(f.from, 'filter.from') : null;
  const to = f.to ? instant(f.to, 'filter.to') : null;
  if (from && to && from > to)
    throw badInput('filter.to', 'filter.to must not be before filter.from.');
  if (from) parts.push(`c.created_at >= ${p(from)}`);
  if (to) parts.push(`c.created_at < ${p(to)}`);
  if (f.categories) parts.push(`c.category = ANY(${p(f.categories)}::ticket_category[])`);
  if (f.editions) parts.push(`c.edition = ANY(${p(f.editions)}::edition[])`);
  if (f.included != null) parts.push(`c.included = ${p(f.included)}`);
  if (f.refunded != null)
    parts.push(
      `${f.refunded ? '' : 'NOT '}EXISTS (SELECT 1 FROM refunds r WHERE r.charge_id = c.id)`,
    );
  if (ctx.access.scoped) {
    parts.push(inScopeSql(p(ctx.viewer.keyId), 'c.account_id'));
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/** Newest first. `to` is exclusive, so consecutive ranges never double count. */
export function listCharges(
  ctx: ServiceContext,
  filter: ChargeFilter | null,
  page: Page,
): Promise<Connection<ChargeEntity>> {
  const where = whereOf(ctx, filter);
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
        keyType: 'uuid',
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

/** Sorted by key: chronological for DAY and MONTH. */
export async function summarizeCharges(
  ctx: ServiceContext,
  filter: ChargeFilter | null,
  groupBy: ChargeGrouping,
): Promise<Bucket[]> {
  const where = whereOf(ctx, filter);
  // Sums come back as bigint (strings): GraphQL's Int cannot hold more than MAX_INT.
  const rows = await ctx.reads.run((ds) =>
    queryRows<
      Omit<Bucket, 'credits' | 'refundedCredits'> & { credits: string; refundedCredits: string }
    >(
      ds,
      `SELECT ${GROUP_KEYS[groupBy].label} AS key, g.charges, g.credits, g."includedCharges", g."refundedCredits"
         FROM (SELECT ${GROUP_KEYS[groupBy].group} AS k, count(*)::int AS charges,
                      COALESCE(sum(c.credits), 0)::bigint AS credits,
                      count(*) FILTER (WHERE c.included)::int AS "includedCharges",
                      COALESCE(sum(r.credits), 0)::bigint AS "refundedCredits"
                 FROM charges c LEFT JOIN refunds r ON r.charge_id = c.id
                WHERE ${where.sql}
                GROUP BY 1) g
        ORDER BY 1`,
      where.params,
    ),
  );
  return rows.map((r) => {
    const credits = Number(r.credits);
    const refundedCredits = Number(r.refundedCredits);
    if (credits > MAX_INT || refundedCredits > MAX_INT) {
      throw badInput(
        'filter',
        'A group holds more credits than fit in an Int; narrow the filter or group by DAY.',
      );
    }
    return { ...r, credits, refundedCredits };
  });
}
