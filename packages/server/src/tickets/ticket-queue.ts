import type { ReadScope } from '../common/access';
import type { ServiceContext } from '../common/context';
import { badInput } from '../common/errors';
import { parseId } from '../common/ids';
import { inScopeSql } from '../db/read-rules';
import type { Connection, Page } from '../common/pagination';
import { instant } from '../common/validate';
import { pagedList } from '../db/paged-list';
import { columnsOf, queryRows } from '../db/sql';
import { TicketEntity } from './ticket.entity';
import type { TicketCounts, TicketFilter } from './ticket.type';
import { byId } from '../db/keyset';

// The support desk's queue: tickets across accounts, newest first (ids are
// uuid v7, so id order is opening order). Every filter is a predicate on
// `tickets t`; the edition is its license's, read through an EXISTS on the
// license's primary key.

/** The filter (validated: BAD_USER_INPUT on a bad value) and the key's scope, as SQL over `tickets t`. */
export function ticketWhere(
  ctx: ReadScope,
  filter: TicketFilter | null | undefined,
  opts: { ignoreStatus?: boolean } = {},
): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const f = filter ?? {};
  if (f.status != null && !opts.ignoreStatus)
    parts.push(`t.status = ${p(f.status)}::ticket_status`);
  if (f.categories) parts.push(`t.category = ANY(${p(f.categories)}::ticket_category[])`);
  if (f.levels) parts.push(`t.level = ANY(${p(f.levels)}::support_level[])`);
  if (f.editions) {
    parts.push(
      `EXISTS (SELECT 1 FROM licenses l WHERE l.id = t.license_id AND l.edition = ANY(${p(f.editions)}::edition[]))`,
    );
  }
  if (f.accountId != null)
    parts.push(`t.account_id = ${p(parseId(f.accountId, 'filter.accountId'))}`);
  if (f.openedBy != null)
    parts.push(`t.opened_by_key_id = ${p(parseId(f.openedBy, 'filter.openedBy'))}`);
  const after = f.openedAfter ? instant(f.openedAfter, 'filter.openedAfter') : null;
  const before = f.openedBefore ? instant(f.openedBefore, 'filter.openedBefore') : null;
  if (after && before && after > before)
    throw badInput(
      'filter.openedBefore',
      'filter.openedBefore must not be before filter.openedAfter.',
    );
  if (after) parts.push(`t.opened_at >= ${p(after)}`);
  if (before) parts.push(`t.opened_at < ${p(before)}`);
  if (ctx.access.scoped) {
    parts.push(inScopeSql(p(ctx.viewer.keyId), 't.account_id'));
  }
  return { sql: parts.length ? parts.join(' AND ') : 'TRUE', params };
}

/** One page of the queue and its total, in one statement. */
export function listTickets(
  ctx: ServiceContext,
  filter: TicketFilter | null,
  page: Page,
): Promise<Connection<TicketEntity>> {
  const where = ticketWhere(ctx, filter);
  return pagedList<TicketEntity>(
    ctx.ds,
    {
      columns: columnsOf(ctx.ds, TicketEntity, 't'),
      table: 'tickets',
      alias: 't',
      where: where.sql,
      params: where.params,
      keyset: byId('uuid'),
    },
    page,
  );
}

/** The queue's tabs' query: one row (open, charged, refunded, total), under the filter but its status. */
export function ticketCountsQuery(
  ctx: ReadScope,
  filter: TicketFilter | null | undefined,
): { sql: string; params: unknown[] } {
  const where = ticketWhere(ctx, filter, { ignoreStatus: true });
  return {
    sql: `SELECT count(*) FILTER (WHERE t.status = 'OPEN')::int AS open,
            count(*) FILTER (WHERE t.status = 'CHARGED')::int AS charged,
            count(*) FILTER (WHERE t.status = 'REFUNDED')::int AS refunded,
            count(*)::int AS total
       FROM tickets t WHERE ${where.sql}`,
    params: where.params,
  };
}

/** Per status, under every other part of the filter: the queue's tabs. */
export async function countTickets(
  ctx: ServiceContext,
  filter: TicketFilter | null,
): Promise<TicketCounts> {
  const q = ticketCountsQuery(ctx, filter);
  const [row] = await queryRows<TicketCounts>(ctx.ds, q.sql, q.params);
  return row ?? { open: 0, charged: 0, refunded: 0, total: 0 };
}
