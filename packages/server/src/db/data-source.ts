import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import {
  DEFAULT_SESSION_SETTINGS,
  type SessionSettings,
  startupOptions,
  storeSessionSettings,
} from './session-settings';

export function createDataSource(
  url: string,
  opts: {
    poolSize?: number;
    logger?: Logger;
    session?: SessionSettings;
    /**
     * Send the session settings as startup `options`: for direct connections.
     * False for a URL that may be PgBouncer's, which refuses them; those
     * connections get the role defaults storeSessionSettings wrote.
     */
    startupOptions?: boolean;
  } = {},
): DataSource {
  const session = opts.session ?? DEFAULT_SESSION_SETTINGS;
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: opts.logger,
    poolSize: opts.poolSize ?? 10,
    applicationName: 'credits-gateway',
    extra: {
      // See session-settings.ts for why these settings and where they live.
      ...(opts.startupOptions === false ? {} : { options: startupOptions(session) }),
      connectionTimeoutMillis: 10_000,
    },
  });
}

// Any fixed number: the lock Postgres holds while one process migrates.
const MIGRATION_LOCK = 0x63726564; // "cred"

/**
 * Applies pending migrations under a Postgres advisory lock, so replicas
 * starting together migrate one at a time (TypeORM takes no lock itself).
 * A session lock: `ds` must connect directly (DATABASE_DIRECT_URL), never
 * through PgBouncer in transaction mode, where the lock, the migrations and
 * the unlock could each land on another server connection. With `session`,
 * stores the session settings as the role's defaults under the same lock.
 */
export async function migrate(
  ds: DataSource,
  opts: { session?: SessionSettings } = {},
): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (opts.session) {
      const database = (await runner.query('SELECT current_database() AS db')) as [{ db: string }];
      await storeSessionSettings(
        (sql, params) => runner.query(sql, params) as Promise<Record<string, unknown>[]>,
        database[0].db,
        opts.session,
      );
    }
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
