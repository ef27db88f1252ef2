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
