// The floor for the dashboard's real pages: each page (AccountPage,
// AccountsPage, TicketPage, ChargesPage, as packages/web/src/gql has them,
// with the __typename Apollo Client adds) answered by ONE hand-written
// statement per root field in which Postgres builds the very JSON the
// gateway answers with. The rules are written again here on purpose (a
// yardstick must not share the code it measures); run.ts and
// test/bench-floor.test.ts hold the answers equal to the gateway's.
import { GRANT_TABLE } from '../src/policy/grants';

/** timestamptz -> "2024-05-01T10:00:00.000Z", as graphql-scalars' DateTimeISO prints it. */
const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The gateway's opaque cursor: base64url("k:" + key), unpadded (encode's line breaks dropped). */
const cursor = (col: string) =>
  `translate(rtrim(encode(convert_to('k:' || (${col})::text, 'UTF8'), 'base64'), '='), E'+/\\n', '-_')`;

/** Live at the statement's instant (P3): no expiry, or one still ahead. */
const live = (lot: string) => `(${lot}.expires_at IS NULL OR ${lot}.expires_at > now())`;

const balance = (accountCol: string) =>
  `(SELECT COALESCE(SUM(bl.remaining_credits), 0)::int FROM credit_lots bl
     WHERE bl.account_id = ${accountCol} AND ${live('bl')})`;

/** Account.expiringCredits(withinDays: 30). */
const expiring30 = (accountCol: string) =>
  `(SELECT COALESCE(SUM(el.remaining_credits), 0)::int FROM credit_lots el
     WHERE el.account_id = ${accountCol} AND el.expires_at > now() AND el.expires_at <= now() + interval '30 days')`;

/** License.includedLevels: P1's table as a CASE over edition and plan. */
const includedLevels = (li: string) => {
  const levels = (key: keyof typeof GRANT_TABLE) =>
    `'${JSON.stringify(GRANT_TABLE[key].includedLevels)}'::json`;
  return `CASE ${li}.edition
    WHEN 'FREE' THEN ${levels('FREE')} WHEN 'LEASED' THEN ${levels('LEASED')} WHEN 'OWNED' THEN ${levels('OWNED')}
    ELSE CASE ${li}.hosting_plan WHEN 'BASIC' THEN ${levels('SAAS_BASIC')}
      WHEN 'STANDARD' THEN ${levels('SAAS_STANDARD')} ELSE ${levels('SAAS_PROFESSIONAL')} END END`;
};

const priceRange = (t: string) =>
  `json_build_object('min', ${t}.price_min, 'max', ${t}.price_max,
     'included', ${t}.price_min = 0 AND ${t}.price_max = 0, '__typename', 'PriceRange')`;

const pageInfo = (hasNext: string, endCursor: string) =>
  `json_build_object('hasNextPage', ${hasNext}, 'endCursor', ${endCursor}, '__typename', 'PageInfo')`;

const licenseIdDomain = (licenseIdCol: string) =>
  `(SELECT json_build_object('id', x.id, 'domain', x.domain, '__typename', 'License')
      FROM licenses x WHERE x.id = ${licenseIdCol})`;

const ticketIdSubject = (ticketIdExpr: string) =>
  `(SELECT json_build_object('id', x.id, 'subject', x.subject, '__typename', 'Ticket')
      FROM tickets x WHERE x.id = ${ticketIdExpr})`;

/**
 * A page of an account's children newest first (id DESC), `size` rows and
 * whether there is more, as a connection: `rows` selects the children of
 * `parent` ordered by id DESC with LIMIT size + 1, `node` builds one over
 * alias `p`.
 */
const childPage = (opts: {
  typename: string;
  count: string;
  rows: string;
  size: number;
  node: string;
}) => `(
  SELECT json_build_object(
    'totalCount', (${opts.count}),
    'pageInfo', ${pageInfo(
      `count(*) > ${opts.size}`,
      `${cursor(`(array_agg(p.id ORDER BY p.id DESC))[LEAST(count(*), ${opts.size})]`)}`,
    )},
    'nodes', COALESCE(json_agg(${opts.node} ORDER BY p.id DESC) FILTER (WHERE p.n <= ${opts.size}), '[]'::json),
    '__typename', '${opts.typename}')
  FROM (SELECT r.*, row_number() OVER (ORDER BY r.id DESC) AS n FROM (${opts.rows}) r) p)`;

/** query AccountPage($id: ID!): $1 the account id. */
export const ACCOUNT_PAGE_REAL_SQL = `
SELECT json_build_object('account', (
  SELECT json_build_object(
    'id', a.id, 'name', a.name, 'email', a.email, 'createdAt', ${iso('a.created_at')},
    'balance', b.balance,
    'expiringCredits', ${expiring30('a.id')},
    'lowBalance', (
      SELECT json_build_object('threshold', t.threshold, 'isDefault', s.threshold IS NULL,
                               'balance', b.balance, 'isBelow', b.balance < t.threshold, '__typename', 'LowBalance')
        FROM (SELECT low_balance_threshold(a.id) AS threshold) t
        LEFT JOIN account_low_balance s ON s.account_id = a.id),
    'lowBalanceNotices', COALESCE((
      SELECT json_agg(json_build_object(
        'id', n.id, 'createdAt', ${iso('n.created_at')}, 'balance', n.balance, 'threshold', n.threshold,
        'chargeId', n.charge_id, 'mailedAt', ${iso('n.mailed_at')}, '__typename', 'LowBalanceNotice'
      ) ORDER BY n.created_at DESC, n.id DESC) FROM low_balance_notices n WHERE n.account_id = a.id), '[]'::json),
    'expiryNotices', COALESCE((
      SELECT json_agg(json_build_object(
        'lotId', n.lot_id, 'thresholdDays', n.threshold_days, 'createdAt', ${iso('n.created_at')},
        'credits', n.credits, 'expiresAt', ${iso('n.expires_at')}, 'mailedAt', ${iso('n.mailed_at')},
        '__typename', 'ExpiryNotice'
      ) ORDER BY n.created_at DESC, n.threshold_days) FROM expiry_notices n WHERE n.account_id = a.id AND n.sent), '[]'::json),
    'licenses', COALESCE((
      SELECT json_agg(json_build_object(
        'id', li.id, 'edition', li.edition, 'hostingPlan', li.hosting_plan, 'domain', li.domain,
        'orderDate', ${iso('li.order_date')}, 'listPriceCents', li.list_price_cents, 'paidPriceCents', li.paid_price_cents,
        'creditsGranted', li.credits_granted, 'grantNote', li.grant_note, 'includedLevels', ${includedLevels('li')},
        'creditLot', (SELECT json_build_object('id', gl.id, 'expiresAt', ${iso('gl.expires_at')},
                                               'expired', NOT ${live('gl')}, '__typename', 'CreditLot')
                        FROM credit_lots gl WHERE gl.license_id = li.id AND gl.account_id = a.id),
        '__typename', 'License'
      ) ORDER BY li.id) FROM licenses li WHERE li.account_id = a.id), '[]'::json),
    'creditLots', COALESCE((
      SELECT json_agg(json_build_object(
        'id', l.id, 'source', l.source, 'originalCredits', l.original_credits, 'remainingCredits', l.remaining_credits,
        'spentCredits', l.spent_credits, 'refundedCredits', l.refunded_credits, 'expiredCredits', l.expired_credits,
        'createdAt', ${iso('l.created_at')}, 'expiresAt', ${iso('l.expires_at')}, 'expired', NOT ${live('l')},
        'paymentReference', l.payment_reference, 'license', ${licenseIdDomain('l.license_id')},
        '__typename', 'CreditLot'
      ) ORDER BY l.expires_at NULLS LAST, l.id) FROM credit_lots l WHERE l.account_id = a.id), '[]'::json),
    'openTickets', json_build_object(
      'totalCount', (SELECT count(*)::int FROM tickets ot WHERE ot.account_id = a.id AND ot.status = 'OPEN'),
      '__typename', 'TicketConnection'),
    'tickets', ${childPage({
      typename: 'TicketConnection',
      count: 'SELECT count(*)::int FROM tickets ct WHERE ct.account_id = a.id',
      rows: 'SELECT * FROM tickets t WHERE t.account_id = a.id ORDER BY t.id DESC LIMIT 21',
      size: 20,
      node: `json_build_object(
          'id', p.id, 'subject', p.subject, 'category', p.category, 'level', p.level, 'status', p.status,
          'openedAt', ${iso('p.opened_at')}, 'price', ${priceRange('p')},
          'charge', (SELECT json_build_object('id', c.id, 'credits', c.credits, '__typename', 'Charge')
                       FROM charges c WHERE c.ticket_id = p.id),
          'license', ${licenseIdDomain('p.license_id')},
          '__typename', 'Ticket')`,
    })},
    'ledger', ${childPage({
      typename: 'LedgerEntryConnection',
      count: 'SELECT count(*)::int FROM ledger_entries ce WHERE ce.account_id = a.id',
      rows: 'SELECT * FROM ledger_entries e WHERE e.account_id = a.id ORDER BY e.id DESC LIMIT 26',
      size: 25,
      node: `json_build_object(
          'id', p.id::text, 'kind', p.kind, 'credits', p.credits, 'at', ${iso('p.at')},
          'lot', (SELECT json_build_object('id', l.id, 'source', l.source, 'paymentReference', l.payment_reference,
                                           'license', ${licenseIdDomain('l.license_id')}, '__typename', 'CreditLot')
                    FROM credit_lots l WHERE l.id = p.lot_id),
          'ticket', ${ticketIdSubject('p.ticket_id')},
          '__typename', 'LedgerEntry')`,
    })},
    'statements', ${childPage({
      typename: 'StatementConnection',
      count: `SELECT count(*)::int FROM outbox co WHERE co.account_id = a.id AND co.topic = 'statement'`,
      rows: `SELECT * FROM outbox o WHERE o.account_id = a.id AND o.topic = 'statement' ORDER BY o.id DESC LIMIT 6`,
      size: 5,
      node: `json_build_object(
          'id', p.id, 'kind', p.payload -> 'kind', 'credits', p.payload -> 'credits',
          'balanceAfter', p.payload -> 'balanceAfter', 'message', p.payload -> 'message',
          'createdAt', ${iso('p.created_at')}, 'deliveredAt', ${iso('p.delivered_at')},
          'delivery', json_build_object(
            'status', CASE WHEN p.delivered_at IS NOT NULL THEN 'SENT' ELSE p.status END,
            'attempts', p.attempts, 'nextAttemptAt', ${iso('p.next_attempt_at')}, 'lastError', p.last_error,
            '__typename', 'StatementDelivery'),
          'ticket', ${ticketIdSubject(`(p.payload ->> 'ticketId')::uuid`)},
          '__typename', 'Statement')`,
    })},
    '__typename', 'Account')
  FROM accounts a CROSS JOIN LATERAL (SELECT ${balance('a.id')} AS balance) b
  WHERE a.id = $1))::text AS body`;

/** query AccountsPage($search: String, $first: Int!, $after: String): $1 ILIKE pattern or null, $2 after id or null, $3 first. */
export const ACCOUNTS_PAGE_REAL_SQL = `
WITH page AS (
  SELECT a.*, row_number() OVER (ORDER BY a.id DESC) AS n FROM accounts a
   WHERE ($1::text IS NULL OR a.name ILIKE $1 OR a.email ILIKE $1) AND ($2::uuid IS NULL OR a.id < $2::uuid)
   ORDER BY a.id DESC LIMIT $3::int + 1)
SELECT json_build_object('accounts', json_build_object(
  'totalCount', (SELECT count(*)::int FROM accounts a WHERE $1::text IS NULL OR a.name ILIKE $1 OR a.email ILIKE $1),
  'pageInfo', ${pageInfo(
    '(SELECT count(*) FROM page) > $3::int',
    `COALESCE((SELECT ${cursor('id')} FROM page WHERE n = LEAST($3::int, (SELECT count(*) FROM page))),
              CASE WHEN $2::uuid IS NULL THEN NULL ELSE ${cursor('$2::uuid')} END)`,
  )},
  'nodes', COALESCE((
    SELECT json_agg(json_build_object(
      'id', p.id, 'name', p.name, 'email', p.email, 'createdAt', ${iso('p.created_at')},
      'balance', ${balance('p.id')}, 'expiringCredits', ${expiring30('p.id')},
      'licenses', COALESCE((
        SELECT json_agg(json_build_object('id', li.id, 'edition', li.edition, 'hostingPlan', li.hosting_plan,
                                          '__typename', 'License') ORDER BY li.id)
          FROM licenses li WHERE li.account_id = p.id), '[]'::json),
      '__typename', 'Account'
    ) ORDER BY p.id DESC) FROM page p WHERE p.n <= $3::int), '[]'::json),
  '__typename', 'AccountConnection'
))::text AS body`;

const allocations = (ownerCol: string, ownerId: string, lotFields: string) =>
  `COALESCE((SELECT json_agg(json_build_object(
      'credits', al.credits,
      'lot', (SELECT json_build_object(${lotFields}, 'license', ${licenseIdDomain('l.license_id')}, '__typename', 'CreditLot')
                FROM credit_lots l WHERE l.id = al.lot_id),
      '__typename', 'Allocation') ORDER BY al.id)
    FROM allocations al WHERE al.${ownerCol} = ${ownerId}), '[]'::json)`;

/** query TicketPage($id: ID!): $1 the ticket id. */
export const TICKET_PAGE_REAL_SQL = `
SELECT json_build_object('ticket', (
  SELECT json_build_object(
    'id', t.id, 'subject', t.subject, 'category', t.category, 'level', t.level, 'status', t.status,
    'openedAt', ${iso('t.opened_at')}, 'price', ${priceRange('t')},
    'license', (SELECT json_build_object('id', li.id, 'domain', li.domain, 'edition', li.edition,
                                         'hostingPlan', li.hosting_plan, 'includedLevels', ${includedLevels('li')},
                                         '__typename', 'License')
                  FROM licenses li WHERE li.id = t.license_id),
    'account', (SELECT json_build_object('id', a.id, 'name', a.name, 'balance', ${balance('a.id')}, '__typename', 'Account')
                  FROM accounts a WHERE a.id = t.account_id),
    'charge', (SELECT json_build_object(
                 'id', c.id, 'credits', c.credits, 'included', c.included, 'refunded', EXISTS (SELECT 1 FROM refunds cr WHERE cr.charge_id = c.id),
                 'balanceAfter', c.balance_after, 'createdAt', ${iso('c.created_at')},
                 'allocations', ${allocations(
                   'charge_id',
                   'c.id',
                   `'id', l.id, 'source', l.source, 'expiresAt', ${iso('l.expires_at')}, 'expired', NOT ${live('l')},
                    'paymentReference', l.payment_reference`,
                 )},
                 '__typename', 'Charge')
                 FROM charges c WHERE c.ticket_id = t.id),
    'refund', CASE WHEN r.id IS NOT NULL THEN json_build_object(
                 'id', r.id, 'credits', r.credits, 'reason', r.reason, 'balanceAfter', r.balance_after,
                 'createdAt', ${iso('r.created_at')},
                 'allocations', ${allocations(
                   'refund_id',
                   'r.id',
                   `'id', l.id, 'source', l.source, 'expiresAt', ${iso('l.expires_at')}, 'createdAt', ${iso('l.created_at')},
                    'paymentReference', l.payment_reference`,
                 )},
                 '__typename', 'Refund') END,
    'history', (
      SELECT json_agg(json_build_object('status', h.status, 'at', ${iso('h.at')}, 'note', h.note, '__typename', 'TicketEvent')
                      ORDER BY h.step)
        FROM (SELECT 1 AS step, 'OPEN' AS status, t.opened_at AS at, NULL AS note
              UNION ALL
              SELECT 2, 'CHARGED', c.created_at,
                     CASE WHEN c.included THEN 'Included support: 0 credits.' ELSE c.credits || ' credits charged.' END
                FROM charges c WHERE c.ticket_id = t.id
              UNION ALL
              SELECT 3, 'REFUNDED', r.created_at, r.reason WHERE r.id IS NOT NULL) h),
    '__typename', 'Ticket')
  FROM tickets t LEFT JOIN refunds r ON r.ticket_id = t.id
  WHERE t.id = $1))::text AS body`;

/** The rollup's all-accounts level over all time: the folded months plus the deltas not folded yet. */
const ROLLUP_ALL = `(SELECT month AS day, category, charges, credits, included, refunded_credits FROM charge_rollup_monthly
                     UNION ALL
                     SELECT day, category, charges, credits, included, refunded_credits FROM charge_rollup_delta)`;

const buckets = (keyExpr: string, label: string) => `COALESCE((
  SELECT json_agg(json_build_object('key', g.key, 'charges', g.charges, 'credits', g.credits,
                                    'includedCharges', g.included, 'refundedCredits', g.refunded,
                                    '__typename', 'ChargeBucket') ORDER BY g.key)
    FROM (SELECT ${label} AS key, sum(s.charges)::int AS charges, sum(s.credits)::int AS credits,
                 COALESCE(sum(s.charges) FILTER (WHERE s.included), 0)::int AS included,
                 sum(s.refunded_credits)::int AS refunded
            FROM ${ROLLUP_ALL} s GROUP BY ${keyExpr} HAVING sum(s.charges) > 0) g), '[]'::json)`;

/**
 * query ChargesPage($filter: ChargeFilter, $first: Int!, $after: String) with
 * no filter (what the page sends first): $1 the cursor's key
 * ("<instant>|<id>") or null, $2 first. Its three root fields in one
 * statement (one round trip, one snapshot); newest first by created_at, then
 * id; counts and summaries from the charge rollup, as the gateway reads them.
 */
export const CHARGES_PAGE_REAL_SQL = `
WITH page AS (
  SELECT c.*, to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' || c.id AS k,
         row_number() OVER (ORDER BY c.created_at DESC, c.id DESC) AS n FROM charges c
   WHERE $1::text IS NULL
      OR (c.created_at, c.id) < (split_part($1::text, '|', 1)::timestamptz, split_part($1::text, '|', 2)::uuid)
   ORDER BY c.created_at DESC, c.id DESC LIMIT $2::int + 1)
SELECT json_build_object(
 'charges', json_build_object(
  'totalCount', (SELECT COALESCE(sum(s.charges), 0)::int FROM ${ROLLUP_ALL} s),
  'pageInfo', ${pageInfo(
    '(SELECT count(*) FROM page) > $2::int',
    `COALESCE((SELECT ${cursor('k')} FROM page WHERE n = LEAST($2::int, (SELECT count(*) FROM page))),
              CASE WHEN $1::text IS NULL THEN NULL ELSE ${cursor('$1::text')} END)`,
  )},
  'nodes', COALESCE((
    SELECT json_agg(json_build_object(
      'id', p.id, 'createdAt', ${iso('p.created_at')}, 'credits', p.credits, 'included', p.included,
      'refunded', EXISTS (SELECT 1 FROM refunds r WHERE r.charge_id = p.id),
      'account', (SELECT json_build_object('id', a.id, 'name', a.name, '__typename', 'Account')
                    FROM accounts a WHERE a.id = p.account_id),
      'ticket', (SELECT json_build_object('id', t.id, 'subject', t.subject, 'category', t.category,
                   'license', (SELECT json_build_object('id', li.id, 'edition', li.edition, 'hostingPlan', li.hosting_plan,
                                                        '__typename', 'License') FROM licenses li WHERE li.id = t.license_id),
                   '__typename', 'Ticket') FROM tickets t WHERE t.id = p.ticket_id),
      '__typename', 'Charge'
    ) ORDER BY p.n) FROM page p WHERE p.n <= $2::int), '[]'::json),
  '__typename', 'ChargeConnection'),
 'byMonth', ${buckets(
   `date_trunc('month', s.day::timestamp)`,
   `to_char(date_trunc('month', s.day::timestamp), 'YYYY-MM')`,
 )},
 'byCategory', ${buckets('s.category', 's.category::text')}
)::text AS body`;
