// Applies pending migrations to DATABASE_URL (the server also does this on start).
import { createDataSource, migrate } from './data-source';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the database to migrate.');
  const ds = createDataSource(url);
  await ds.initialize();
  const applied = await migrate(ds);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply');
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
