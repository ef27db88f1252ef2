-- What PostGraphile 5 needs to serve the bench's read shapes, applied to the
-- bench database only (never a product migration).

-- The balance as a computed column (Account.balance): P20, spendable now is
-- what the unexpired lots hold.
CREATE OR REPLACE FUNCTION accounts_balance(a accounts) RETURNS integer
  LANGUAGE sql STABLE AS $$
  SELECT COALESCE(SUM(l.remaining_credits), 0)::int FROM credit_lots l
   WHERE l.account_id = a.id AND (l.expires_at IS NULL OR l.expires_at > now())
$$;

-- The only index on credit_lots.license_id is partial (unique where not
-- null), which PostGraphile does not count as an index: without this tag a
-- License gets no relation to its lot.
COMMENT ON CONSTRAINT credit_lots_license_id_fk ON credit_lots IS E'@isIndexed';

-- The dashboard's real pages (AccountPage, AccountsPage, TicketPage) ask for
-- fields the gateway computes from rows; here each is a computed column, the
-- way a PostGraphile user would add it. Same rules as the gateway, written
-- again in SQL (a yardstick, not a second home for them).

-- Account.expiringCredits(withinDays): live lots dying within the window.
CREATE OR REPLACE FUNCTION accounts_expiring_credits(a accounts, within_days integer) RETURNS integer
  LANGUAGE sql STABLE AS $$
  SELECT COALESCE(SUM(l.remaining_credits), 0)::int FROM credit_lots l
   WHERE l.account_id = a.id AND l.expires_at > now()
     AND l.expires_at <= now() + within_days * interval '1 day'
$$;

-- Account.lowBalance: the threshold in force and whether the balance is under it.
DO $$ BEGIN
  CREATE TYPE bench_low_balance AS (threshold integer, is_default boolean, balance integer, is_below boolean);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE OR REPLACE FUNCTION accounts_low_balance(a accounts) RETURNS bench_low_balance
  LANGUAGE sql STABLE AS $$
  SELECT t.threshold, s.threshold IS NULL, b.balance, b.balance < t.threshold
    FROM (SELECT low_balance_threshold(a.id) AS threshold) t
   CROSS JOIN (SELECT accounts_balance(a) AS balance) b
    LEFT JOIN account_low_balance s ON s.account_id = a.id
$$;

-- License.includedLevels: P1's table (policy/grants.ts GRANT_TABLE).
CREATE OR REPLACE FUNCTION licenses_included_levels(l licenses) RETURNS support_level[]
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN l.edition = 'LEASED' THEN ARRAY['LEVEL_1']::support_level[]
    WHEN l.edition = 'SAAS' AND l.hosting_plan = 'PROFESSIONAL' THEN ARRAY['LEVEL_1', 'LEVEL_2']::support_level[]
    WHEN l.edition = 'SAAS' THEN ARRAY['LEVEL_1']::support_level[]
    ELSE ARRAY[]::support_level[] END
$$;

-- CreditLot.expired: no longer live now (P3).
CREATE OR REPLACE FUNCTION credit_lots_expired(l credit_lots) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT l.expires_at IS NOT NULL AND l.expires_at <= now() $$;

-- Charge.refunded.
CREATE OR REPLACE FUNCTION charges_refunded(c charges) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT EXISTS (SELECT 1 FROM refunds r WHERE r.charge_id = c.id) $$;

-- Ticket.history: opened, charged, refunded, oldest first.
DO $$ BEGIN
  CREATE TYPE bench_ticket_event AS (status ticket_status, at timestamptz, note text);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE OR REPLACE FUNCTION tickets_history(t tickets) RETURNS SETOF bench_ticket_event
  LANGUAGE sql STABLE AS $$
  SELECT 'OPEN'::ticket_status, t.opened_at, NULL::text
  UNION ALL
  SELECT 'CHARGED', c.created_at,
         CASE WHEN c.included THEN 'Included support: 0 credits.' ELSE c.credits || ' credits charged.' END
    FROM charges c WHERE c.ticket_id = t.id
  UNION ALL
  SELECT 'REFUNDED', r.created_at, r.reason::text FROM refunds r WHERE r.ticket_id = t.id
$$;

-- Statement.delivery.status: a delivered row is SENT whatever its status says.
CREATE OR REPLACE FUNCTION outbox_delivery_status(o outbox) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT CASE WHEN o.delivered_at IS NOT NULL THEN 'SENT' ELSE o.status END $$;

-- Statement.ticket: the payload names it.
CREATE OR REPLACE FUNCTION outbox_ticket(o outbox) RETURNS tickets
  LANGUAGE sql STABLE AS $$ SELECT t.* FROM tickets t WHERE t.id = (o.payload ->> 'ticketId')::uuid $$;

-- Statements are the outbox rows of topic 'statement', and only sent
-- expiry notices are shown: both columns unindexed, so PostGraphile offers
-- no condition on them without these tags.
COMMENT ON COLUMN outbox.topic IS E'@behavior +filterBy';
COMMENT ON COLUMN expiry_notices.sent IS E'@behavior +filterBy';
