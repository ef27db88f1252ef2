/**
 * Settings every connection of the gateway must carry. Month arithmetic (P3)
 * and day/month buckets are computed in UTC; no statement or forgotten
 * transaction may hold a connection (and an account lock) for long.
 *
 * They are stored on the database as defaults of the gateway's role in its
 * database (`ALTER ROLE ... IN DATABASE ... SET`), which every new server
 * session loads, PgBouncer's pooled ones included: PgBouncer in transaction
 * mode refuses (or, with `ignore_startup_parameters = options`, silently
 * drops) the startup `options` a direct connection may still send, and a
 * session `SET` would leak to whichever client gets the connection next.
 * Role-in-database rather than database defaults: ordinary roles may set
 * their own, they touch no other application's role, and a physical replica
 * receives them with the rest of the catalog.
 */
export interface SessionSettings {
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
};

/** Postgres parameter -> value, as pg_settings reports it (times in ms). */
export function sessionParameters(s: SessionSettings): Record<string, string> {
  return {
    TimeZone: 'UTC',
    statement_timeout: String(s.statementTimeoutMs),
    idle_in_transaction_session_timeout: String(s.idleInTransactionTimeoutMs),
  };
}

/** The same as startup `options`, for direct connections (never through PgBouncer). */
export function startupOptions(s: SessionSettings): string {
  return Object.entries(sessionParameters(s))
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
}

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Makes the settings the defaults of the current role in `database`, on a
 * direct connection. Writes the catalog only when something differs, so
 * gateways restarting together do not rewrite it; callers serialise through
 * the migration lock. Sessions opened before keep their old values (PgBouncer
 * recycles its server connections after `server_lifetime`).
 */
export async function storeSessionSettings(
  query: Query,
  database: string,
  s: SessionSettings,
): Promise<string[]> {
  const rows = await query(
    `SELECT unnest(setconfig) AS kv FROM pg_db_role_setting
      WHERE setrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)
        AND setdatabase = (SELECT oid FROM pg_database WHERE datname = $1)`,
    [database],
  );
  const stored = new Set(rows.map((r) => String(r.kv)));
  const changed: string[] = [];
  for (const [name, value] of Object.entries(sessionParameters(s))) {
    if (stored.has(`${name}=${value}`)) continue;
    // Values are integers or 'UTC' (see sessionParameters): nothing to escape.
    await query(
      `ALTER ROLE CURRENT_USER IN DATABASE ${quoteIdent(database)} SET ${name} = '${value}'`,
    );
    changed.push(name);
  }
  return changed;
}

/** The settings a connection does not carry, as "name=actual (want wanted)". */
export async function missingSessionSettings(query: Query, s: SessionSettings): Promise<string[]> {
  const want = sessionParameters(s);
  const rows = await query(`SELECT name, setting FROM pg_settings WHERE name = ANY($1)`, [
    Object.keys(want),
  ]);
  const have = new Map(rows.map((r) => [String(r.name), String(r.setting)]));
  return Object.entries(want)
    .filter(([name, value]) => have.get(name) !== value)
    .map(([name, value]) => `${name}=${have.get(name) ?? '?'} (want ${value})`);
}
