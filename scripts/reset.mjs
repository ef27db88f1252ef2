#!/usr/bin/env node
// `pnpm reset` / `npm run reset`: forget this checkout's demo, so the next
// `npm start` begins afresh (new database, demo data, admin key, mailbox).
// Removes the embedded Postgres data wherever the server keeps it (.data/ or,
// as root, this checkout's folder under the temp dir: the server's own path
// logic, from its build), the test runs' embedded cluster, the copy of the
// Postgres binaries made for the postgres user, the admin key and the local
// mailbox. Stop the gateway first (Ctrl-C); a Postgres left running is stopped.
// A database given by DATABASE_URL is yours: it is left alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = path.join(root, 'packages', 'server');
const built = path.join(serverDir, 'dist', 'db', 'embedded-postgres.js');

if (!fs.existsSync(built)) {
  if (!fs.existsSync(path.join(serverDir, 'node_modules'))) {
    console.error(
      'reset: nothing installed yet; run `npm start` (or `corepack pnpm install`) first',
    );
    process.exit(1);
  }
  console.log('reset: building the server first (its path logic decides where the data is)');
  const r = spawnSync('corepack', ['pnpm', '--filter', '@credits/server', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const require = createRequire(path.join(serverDir, 'package.json'));
const { removeEmbeddedPostgres, removeBinariesCopy } = require('./dist/db/embedded-postgres.js');
const { loadConfig } = require('./dist/config.js');
const log = require('pino')({ level: process.env.LOG_LEVEL ?? 'warn' });

// Only the embedded paths matter here; a DATABASE_URL (and what it requires) is left alone.
const { DATABASE_URL: databaseUrl, ...env } = process.env;
const config = loadConfig(env);
const removed = [];
const remove = (p) => {
  if (!fs.existsSync(p)) return;
  fs.rmSync(p, { recursive: true, force: true });
  removed.push(p);
};

for (const dataDir of [config.embeddedPgDir, path.join(root, '.data', 'test-postgres')])
  removed.push(...(await removeEmbeddedPostgres({ dataDir, log })));
remove(path.join(path.dirname(config.embeddedPgDir), 'admin-key'));
remove(path.join(path.dirname(config.embeddedPgDir), 'webhook-secret-key'));
remove(config.mailDir);
const copy = removeBinariesCopy();
if (copy) removed.push(copy);
// What is left in .data/ is this checkout's too (it is git-ignored).
remove(path.join(root, '.data'));

if (removed.length === 0) console.log('reset: nothing to remove; the next start begins afresh');
else {
  console.log('reset: removed');
  for (const p of removed) console.log(`  ${p}`);
  console.log('the next `npm start` begins afresh');
}
if (databaseUrl) console.log('DATABASE_URL is set: that database is yours and was left alone');
