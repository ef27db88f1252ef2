import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

export function createDataSource(url: string, opts: { poolSize?: number; logger?: Logger } = {}): DataSource {
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
    // Month arithmetic (P3) and day/month buckets are computed in UTC.
    extra: { options: '-c TimeZone=UTC' },
  });
}
