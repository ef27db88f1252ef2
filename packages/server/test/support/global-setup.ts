import 'reflect-metadata';
import { createDataSource, migrate } from '../../src/db/data-source';
import { urlFor, withAdmin } from './databases';

/** Builds the migrated template database every test file of this run clones. */
export default async function setup(): Promise<() => Promise<void>> {
  const template = `credits_test_template_${process.pid}`;
  process.env.CREDITS_TEST_TEMPLATE = template; // inherited by the test workers
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${template}`);
  });
  const ds = createDataSource(urlFor(template));
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();
  return () =>
    withAdmin(
      async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)),
    );
}
