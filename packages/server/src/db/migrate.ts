// Applies pending migrations to DATABASE_URL (the server also does this on start).
import { createDataSource } from './data-source';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the database to migrate.');
  const ds = createDataSource(url);
  await ds.initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'nothing to apply');
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
