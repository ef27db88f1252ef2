import { Logger, runMigrations } from 'graphile-worker';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

// graphile-worker logs through its own logger; schema installs need no chatter.
const quiet = new Logger(() => () => undefined);

/** The pg.Pool behind a TypeORM data source (its postgres driver's master pool). */
export function poolOf(ds: DataSource): Pool {
  return (ds.driver as unknown as { master: Pool }).master;
}

/**
 * Installs or upgrades graphile-worker's own schema (graphile_worker). It runs
 * before the TypeORM migrations, whose triggers call graphile_worker.add_job;
 * graphile-worker takes its own lock, so concurrent starts are safe.
 */
export async function installJobSchema(pgPool: Pool): Promise<void> {
  await runMigrations({ pgPool, logger: quiet });
}
