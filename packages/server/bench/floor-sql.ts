// The floor's SQL: each read is ONE statement in which Postgres builds the
// very JSON the gateway answers with (same fields, same order of rows, same
// ISO timestamps and cursors), so the Node side only passes a string through.
// run.ts checks that both answers are equal before measuring.

/** timestamptz -> "2024-05-01T10:00:00.000Z", as graphql-scalars' DateTimeISO prints it. */
const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The gateway's opaque cursor: base64url("k:" + key), unpadded. */
const cursor = (col: string) =>
  `translate(rtrim(encode(convert_to('k:' || (${col})::text, 'UTF8'), 'base64'), '='), '+/', '-_')`;

const balance = (accountCol: string) =>
  `(SELECT COALESCE(SUM(bl.remaining_credits), 0)::int FROM credit_lots bl
     WHERE bl.account_id = ${accountCol} AND (bl.expires_at IS NULL OR bl.expires_at > now()))`;

export const POINT_SQL = `
SELECT json_build_object('account', (
  SELECT json_build_object('id', a.id, 'name', a.name, 'email', a.email, 'balance', ${balance('a.id')})
    FROM accounts a WHERE a.id = $1))::text AS body`;

export const ACCOUNT_PAGE_SQL = `
SELECT json_build_object('account', (
  SELECT json_build_object(
    'id', a.id, 'name', a.name, 'email', a.email, 'createdAt', ${iso('a.created_at')},
    'balance', ${balance('a.id')},
    'licenses', COALESCE((
      SELECT json_agg(json_build_object(
        'id', li.id, 'edition', li.edition, 'hostingPlan', li.hosting_plan, 'domain', li.domain,
        'orderDate', ${iso('li.order_date')}, 'listPriceCents', li.list_price_cents, 'paidPriceCents', li.paid_price_cents,
        'creditsGranted', li.credits_granted, 'grantNote', li.grant_note,
        'creditLot', (SELECT json_build_object('id', gl.id, 'expiresAt', ${iso('gl.expires_at')})
                        FROM credit_lots gl WHERE gl.license_id = li.id)
      ) ORDER BY li.id) FROM licenses li WHERE li.account_id = a.id), '[]'::json),
    'creditLots', COALESCE((
      SELECT json_agg(json_build_object(
        'id', l.id, 'source', l.source, 'originalCredits', l.original_credits, 'remainingCredits', l.remaining_credits,
        'spentCredits', l.spent_credits, 'refundedCredits', l.refunded_credits, 'expiredCredits', l.expired_credits,
        'createdAt', ${iso('l.created_at')}, 'expiresAt', ${iso('l.expires_at')}, 'paymentReference', l.payment_reference
      ) ORDER BY l.expires_at NULLS LAST, l.id) FROM credit_lots l WHERE l.account_id = a.id), '[]'::json),
    'tickets', (
      SELECT json_build_object(
        'totalCount', (SELECT count(*)::int FROM tickets ct WHERE ct.account_id = a.id),
        'pageInfo', json_build_object(
          'hasNextPage', count(*) > 20,
          'endCursor', ${cursor('(array_agg(p.id ORDER BY p.id DESC))[LEAST(count(*), 20)]')}),
        'nodes', COALESCE(json_agg(json_build_object(
          'id', p.id, 'subject', p.subject, 'category', p.category, 'level', p.level, 'status', p.status,
          'openedAt', ${iso('p.opened_at')},
          'price', json_build_object('min', p.price_min, 'max', p.price_max, 'included', p.price_max = 0),
          'charge', (SELECT json_build_object('id', c.id, 'credits', c.credits, 'included', c.included,
                              'balanceAfter', c.balance_after, 'createdAt', ${iso('c.created_at')})
                       FROM charges c WHERE c.ticket_id = p.id)
        ) ORDER BY p.id DESC) FILTER (WHERE p.n <= 20), '[]'::json))
      FROM (SELECT t.*, row_number() OVER (ORDER BY t.id DESC) AS n
              FROM tickets t WHERE t.account_id = a.id ORDER BY t.id DESC LIMIT 21) p)
  ) FROM accounts a WHERE a.id = $1))::text AS body`;

export const ACCOUNTS_SQL = `
WITH page AS (
  SELECT a.*, row_number() OVER (ORDER BY a.id DESC) AS n FROM accounts a
   WHERE ($1::uuid IS NULL OR a.id < $1::uuid) ORDER BY a.id DESC LIMIT $2::int + 1)
SELECT json_build_object('accounts', json_build_object(
  'totalCount', (SELECT count(*)::int FROM accounts),
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) FROM page) > $2::int,
    'endCursor', (SELECT ${cursor('id')} FROM page WHERE n = LEAST($2::int, (SELECT count(*) FROM page)))),
  'nodes', COALESCE((
    SELECT json_agg(json_build_object(
      'id', p.id, 'name', p.name, 'email', p.email, 'createdAt', ${iso('p.created_at')},
      'balance', ${balance('p.id')},
      'licenses', COALESCE((
        SELECT json_agg(json_build_object('id', li.id, 'edition', li.edition, 'hostingPlan', li.hosting_plan,
                                          'domain', li.domain, 'creditsGranted', li.credits_granted) ORDER BY li.id)
          FROM licenses li WHERE li.account_id = p.id), '[]'::json),
      'creditLots', COALESCE((
        SELECT json_agg(json_build_object('id', l.id, 'source', l.source, 'originalCredits', l.original_credits,
                                          'remainingCredits', l.remaining_credits, 'expiresAt', ${iso('l.expires_at')})
                        ORDER BY l.expires_at NULLS LAST, l.id)
          FROM credit_lots l WHERE l.account_id = p.id), '[]'::json)
    ) ORDER BY p.id DESC) FROM page p WHERE p.n <= $2::int), '[]'::json)
))::text AS body`;

// chargeTicket by hand: BEGIN; lock the account; read ticket, license and
// lots in one statement; every write in one statement of data-modifying
// CTEs; COMMIT. Five round trips, the same rows written as the gateway writes.
export const CHARGE_LOCK_SQL = `
SELECT a.id AS "accountId" FROM accounts a
 WHERE a.id = (SELECT t.account_id FROM tickets t WHERE t.id = $1) FOR UPDATE OF a`;

// The clock is read here, once the lock is held (in the locking statement it
// would be the instant before any wait), as the gateway does.
export const CHARGE_READ_SQL = `
SELECT clock_timestamp() AS at, t.price_min AS "priceMin", t.price_max AS "priceMax", t.subject, t.category, li.edition,
       li.hosting_plan AS "hostingPlan",
       EXISTS (SELECT 1 FROM charges c WHERE c.ticket_id = t.id) AS charged,
       COALESCE((SELECT json_agg(json_build_object('id', l.id, 'remaining', l.remaining_credits,
                   'expiresAt', l.expires_at, 'createdAt', l.created_at))
                   FROM credit_lots l WHERE l.account_id = t.account_id), '[]'::json) AS lots
  FROM tickets t JOIN licenses li ON li.id = t.license_id WHERE t.id = $1`;

export const CHARGE_WRITE_SQL = `
WITH ch AS (
  INSERT INTO charges (id, account_id, ticket_id, credits, included, balance_after, category, edition, hosting_plan, created_at)
  VALUES ($1::uuid, $2::uuid, $3::uuid, $4::int, $5::bool, $6::int, $7::ticket_category, $8::edition, $9::hosting_plan, $10::timestamptz)
), alloc AS (
  SELECT * FROM unnest($11::uuid[], $12::int[]) AS x(lot_id, credits)
), debit AS (
  UPDATE credit_lots l SET remaining_credits = l.remaining_credits - alloc.credits, spent_credits = l.spent_credits + alloc.credits
    FROM alloc WHERE l.id = alloc.lot_id
), entries AS (
  INSERT INTO ledger_entries (account_id, lot_id, kind, credits, ticket_id, charge_id, at)
  SELECT $2::uuid, lot_id, 'CHARGE'::ledger_entry_kind, -credits, $3::uuid, $1::uuid, $10::timestamptz FROM alloc
), allocs AS (
  INSERT INTO allocations (account_id, charge_id, lot_id, credits) SELECT $2::uuid, $1::uuid, lot_id, credits FROM alloc
), ticket AS (
  UPDATE tickets SET status = 'CHARGED' WHERE id = $3::uuid
), statement AS (
  INSERT INTO outbox (id, account_id, topic, payload, created_at, delivered_at, attempts)
  VALUES ($13::uuid, $2::uuid, 'statement', $14::jsonb, $10::timestamptz, NULL, 0)
), audit AS (
  INSERT INTO audit_events (account_id, api_key_id, actor, action, target_id, request_id, details)
  VALUES ($2::uuid, NULL, 'ADMIN:bench floor', 'chargeTicket', $1::text, $15::text, $16::jsonb)
)
SELECT 1`;
