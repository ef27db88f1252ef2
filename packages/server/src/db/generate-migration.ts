// Diffs the entities against a scratch database that has every committed
// migration applied, and writes the difference as a new migration to review.
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from './data-source';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Za-z]+$/.test(name))
    throw new Error('usage: migration:generate <CamelCaseName>');
  const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `migration_scratch_${process.pid}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(admin);
  url.pathname = `/${scratch}`;
  const ds = createDataSource(url.toString());
  try {
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    // Foreign keys are declared by hand (ledger-guards), not as entity
    // relations, so TypeORM would propose dropping them: ignore that.
    const handWritten = /CONSTRAINT "\w+_fk"/;
    sql.upQueries = sql.upQueries.filter((u) => !handWritten.test(u.query));
    sql.downQueries = sql.downQueries.filter((d) => !handWritten.test(d.query));
    if (sql.upQueries.length === 0) {
      console.log('entities match the migrations; nothing to generate');
      return;
    }
    const ts = Date.now();
    const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${ts} implements MigrationInterface {
  name = '${name}${ts}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((u) => `    await queryRunner.query(${q(u.query)});`).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((d) => `    await queryRunner.query(${q(d.query)});`)
  .join('\n')}
  }
}
`;
    const file = path.join(
      __dirname,
      'migrations',
      `${ts}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`,
    );
    fs.writeFileSync(file, body);
    console.log(`wrote ${file}; add it to migrations/index.ts after review`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await client.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await client.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
