#!/usr/bin/env node
// Runs a command with DATABASE_URL pointing at a Postgres server the tests may
// create databases on: the one in DATABASE_URL when set, else an embedded
// Postgres (data in .data/test-postgres, or this checkout's own folder under
// the temp dir when the postgres user cannot reach it) started here and
// stopped afterwards. Uses the server's launcher, so run it after the build.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: with-postgres.mjs <command> [args...]');
  process.exit(2);
}

let stop = async () => {};
if (!process.env.DATABASE_URL) {
  const require = createRequire(path.join(root, 'packages', 'server', 'package.json'));
  const { startEmbeddedPostgres } = require('./dist/db/embedded-postgres.js');
  const log = require('pino')({ level: process.env.LOG_LEVEL ?? 'warn' });
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(root, '.data', 'test-postgres'),
    port: Number(process.env.TEST_PG_PORT ?? 54330),
    log,
    settings: { max_connections: '300', fsync: 'off' },
  });
  process.env.DATABASE_URL = pg.url;
  console.log(`with-postgres: embedded Postgres on port ${pg.port} (${pg.dataDir})`);
  stop = () => pg.stop();
}

const child = spawn(cmd, args, { stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', async (code, signal) => {
  await stop();
  process.exit(code ?? (signal ? 1 : 0));
});
