import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { installJobSchema, poolOf } from '../jobs/schema';
import { entities } from './entities';
import { migrations } from './migrations';

export function createDataSource(
  url: string,
  opts: { poolSize?: number; logger?: Logger } = {},
): DataSource {
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
      // Month arithmetic (P3) and day/month buckets are computed in UTC. No
      // statement or forgotten transaction may hold a connection (and an
      // account lock) for long.
      options:
        '-c TimeZone=UTC -c statement_timeout=30s -c idle_in_transaction_session_timeout=60s',
      connectionTimeoutMillis: 10_000,
    },
  });
}

// Any fixed number: the lock Postgres holds while one process migrates.
const MIGRATION_LOCK = 0x63726564; // "cred"

/**
 * Applies pending migrations under a Postgres advisory lock, so replicas
 * starting together migrate one at a time (TypeORM takes no lock itself).
 */
export async function migrate(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await installJobSchema(poolOf(ds)); // the outbound triggers need graphile_worker.add_job
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
