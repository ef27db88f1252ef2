import 'reflect-metadata';
import { createDataSource } from '../../src/db/data-source';
import { TEMPLATE_DB, urlFor, withAdmin } from './databases';

/** Builds the migrated template database every test file clones. */
export default async function setup(): Promise<void> {
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const ds = createDataSource(urlFor(TEMPLATE_DB));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
}
