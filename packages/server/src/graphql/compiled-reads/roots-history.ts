import { AUDIT_COLUMNS, auditWhere } from '../../audit/audit-trail';
import { byCreatedAt } from '../../db/keyset';
import { MAX_INT } from '../../common/validate';
import { chargeCountQuery, chargeSummaryQuery, whereOf } from '../../ledger/charge-history';
import type { ChargeGrouping } from '../../policy/enums';
import { ticketCountsQuery, ticketWhere } from '../../tickets/ticket-queue';
import { type RootCompiler, readScope, statement } from './roots';
import { subSelection } from './selection';
import {
  argOf,
  auditEventJson,
  before,
  chargeJson,
  connectionJson,
  objectJson,
  pageSlots,
  ticketJson,
} from './shapes';
import type { Run } from './sql-builder';

// The lists analysts and the support desk filter: charges and their
// summaries (from the charge rollup), the ticket queue and its tabs, the
// audit trail. Each filter's SQL (and the partner scope in it) is built per
// request by the resolvers' own functions, spliced in with SqlBuilder.dynamic.

export const HISTORY_ROOTS: Record<string, RootCompiler> = {
  charges(env, f, scoped) {
    const b = env.b;
    // ledger/charge-history's listCharges: its WHERE and its rollup count,
    // built by its own functions for each request's filter.
    const filter = (run: Run) => argOf(f, 'filter')(run);
    const where = b.dynamic((run) => whereOf(readScope(scoped, run), filter(run)));
    const total = b.dynamic((run) => chargeCountQuery(readScope(scoped, run), filter(run)));
    const { first, after } = pageSlots(env, f, 50, byCreatedAt.keyType);
    const order = byCreatedAt.orderBy('c');
    const page = connectionJson(
      env,
      f,
      {
        rows: `SELECT c.*, ${byCreatedAt.key('c')} AS k, row_number() OVER (ORDER BY ${order}) AS n
                 FROM charges c
                WHERE ${where} AND ${byCreatedAt.before('c', after)} ORDER BY ${order} LIMIT ${first} + 1`,
        first,
        after,
        total: `(${total})`,
        key: 'k',
      },
      (g, p) => chargeJson(env, g, p),
    );
    return statement(env, f, `SELECT ${page}::text AS v`);
  },
  chargeSummary(env, f, scoped) {
    const b = env.b;
    // summarizeCharges' query; a group over GraphQL's Int is its error (null: the resolvers answer).
    const q = b.dynamic((run) =>
      chargeSummaryQuery(
        readScope(scoped, run),
        argOf(f, 'filter')(run),
        argOf(f, 'groupBy')(run) as ChargeGrouping,
        {
          page: {
            first: argOf(f, 'first')(run) as number | null,
            after: argOf(f, 'after')(run) as string | null,
          },
        },
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
    return statement(env, f, sql, { nullIsError: true });
  },
  tickets(env, f, scoped) {
    const b = env.b;
    // tickets/ticket-queue's listTickets: its WHERE (filter and scope) for each request.
    const where = b.dynamic((run) => ticketWhere(readScope(scoped, run), argOf(f, 'filter')(run)));
    const { first, after } = pageSlots(env, f, 20);
    const page = connectionJson(
      env,
      f,
      {
        rows: `SELECT t.*, row_number() OVER (ORDER BY t.id DESC) AS n FROM tickets t
                WHERE ${where} AND ${before('t', after)} ORDER BY t.id DESC LIMIT ${first} + 1`,
        first,
        after,
        total: `(SELECT count(*)::int FROM tickets t WHERE ${where})`,
      },
      (g, p) => ticketJson(env, g, p),
    );
    return statement(env, f, `SELECT ${page}::text AS v`);
  },
  ticketCounts(env, f, scoped) {
    const b = env.b;
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
    return statement(env, f, `SELECT ${obj}::text AS v FROM (${q}) ${x}`);
  },
  auditEvents(env, f, scoped) {
    const b = env.b;
    // audit/audit-trail's listAuditEvents: its columns (the actor split) and WHERE.
    const where = b.dynamic((run) => auditWhere(readScope(scoped, run), argOf(f, 'filter')(run)));
    const { first, after } = pageSlots(env, f, 50, 'bigint');
    const page = connectionJson(
      env,
      f,
      {
        rows: `SELECT ${AUDIT_COLUMNS}, e.id AS k, row_number() OVER (ORDER BY e.id DESC) AS n
                 FROM audit_events e
                WHERE ${where} AND ${before('e', after, 'bigint')} ORDER BY e.id DESC LIMIT ${first} + 1`,
        first,
        after,
        total: `(SELECT count(*)::int FROM audit_events e WHERE ${where})`,
        key: 'k',
      },
      (g, p) => auditEventJson(env, g, p),
    );
    return statement(env, f, `SELECT ${page}::text AS v`);
  },
};
