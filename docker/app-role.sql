-- The application's database role: it reads and writes rows, owns nothing,
-- is no superuser, so it cannot DISABLE TRIGGER on the ledger (only a table's
-- owner or a superuser can) nor drop or alter a table. The owner role (the
-- one that runs the migrations, DATABASE_DIRECT_URL) creates every table.
--
-- psql variables: owner (the migrating role), app_role, app_password.
--   psql -v ON_ERROR_STOP=1 -v owner=credits -v app_role=credits_app \
--        -v app_password=... -d credits -f app-role.sql
-- Idempotent: safe on a fresh database (before the migrations: default
-- privileges cover the tables to come) and on a migrated one (grants on what
-- is there already).

-- BYPASSRLS: graphile-worker turns row-level security on for its private
-- tables (no policies: only their owner may use them); the app's own tables
-- have none, so this opens the job queue to the app and nothing else. It
-- does not allow disabling triggers or changing any table.
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role') AS app_role_missing \gset
\if :app_role_missing
  CREATE ROLE :"app_role" LOGIN PASSWORD :'app_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS;
\else
  ALTER ROLE :"app_role" LOGIN PASSWORD :'app_password'
    NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS;
\endif

-- Connect, but create nothing in the database or its public schema.
SELECT current_database() AS dbname \gset
GRANT CONNECT, TEMPORARY ON DATABASE :"dbname" TO :"app_role";
REVOKE CREATE ON DATABASE :"dbname" FROM :"app_role";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app_role";

-- What the owner creates from now on (tables, sequences, functions, schemas
-- such as graphile_worker): usable by the app, still owned by the owner.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner"
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner"
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner"
  GRANT EXECUTE ON FUNCTIONS TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner"
  GRANT USAGE ON SCHEMAS TO :"app_role";

-- What exists already (a database migrated before this script ran).
SELECT format('GRANT USAGE ON SCHEMA %1$I TO %2$I;
               GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1$I TO %2$I;
               GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %1$I TO %2$I;
               GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %1$I TO %2$I;',
              nspname, :'app_role')
  FROM pg_namespace
 WHERE nspname IN ('public', 'graphile_worker')
\gexec
