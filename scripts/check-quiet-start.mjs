#!/usr/bin/env node
// CI: `npm start` as a newcomer runs it, up to the banner, failing when
// anything before the banner is a warning (npm's about unknown .npmrc keys,
// pnpm's "Update available" box, "Failed to create bin", a build's warnings,
// the server's WARN logs). Run it first on a clean clone, so the install it
// watches is the real one; on a checkout already installed it still sees
// npm's and pnpm's configuration, the build and the server's start.
//
// The update checks see a fresh state (temporary npm cache and pnpm state
// dir), so a notifier that is turned back on shows here. The server runs on
// a free port with an embedded Postgres in a temporary folder (removed
// afterwards, with the server's own path logic).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeEmbeddedData, stopProcessGroup, untilBanner } from './npm-start-process.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const timeoutMs = Number(process.env.QUIET_START_TIMEOUT ?? 20 * 60) * 1000;
const BANNER = /Support-credit gateway: http/;
const WARNINGS = [
  /\bnpm warn\b/i,
  /\bWARN\b/,
  /\bwarning\b/i,
  /Update available/i,
  /Failed to create bin/i,
  /\(!\)/, // Vite/Rolldown's warnings
  /\bdeprecated\b/i,
  /\bERR!?\b/,
  /\berror\b/i,
  /"level":\s*(40|50|60)\b/, // the server's pino warn/error/fatal, as JSON off a terminal
];
// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'credits-quiet-start-'));
const env = {
  ...process.env,
  npm_config_cache: path.join(tmp, 'npm-cache'),
  XDG_STATE_HOME: path.join(tmp, 'state'),
  PORT: '0',
  HOST: '127.0.0.1',
  MAIL_DIR: path.join(tmp, 'mail'),
  FORCE_COLOR: '0',
};
// A CI variable turns pnpm's notifier off by itself: the check must not rely on it.
for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'BUILD_NUMBER'])
  delete env[name];

// The newcomer's path: no DATABASE_URL, the embedded Postgres, here in a
// temporary folder (nothing is installed yet on a clean clone, so no client
// library could create a database on a server beforehand).
delete env.DATABASE_URL;
delete env.DATABASE_DIRECT_URL;
delete env.DATABASE_READ_URL;
env.EMBEDDED_PG_DIR = path.join(tmp, 'data', 'postgres');
env.EMBEDDED_PG_PORT = String(54500 + Math.floor(Math.random() * 400));

console.log(`quiet-start: npm start (output captured; shown on failure)`);
const child = spawn('npm', ['start'], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true, // its own process group: the SIGINT reaches the server behind npm
});
let output = '';
let bannerAt = -1;
const started = untilBanner(child, timeoutMs, (text) => {
  output += text;
  if (bannerAt < 0) bannerAt = BANNER.exec(output)?.index ?? -1;
  return bannerAt >= 0;
});

let failure = null;
try {
  await started;
} catch (err) {
  failure = err.message;
}
await stopProcessGroup(child);

const before = stripAnsi(bannerAt < 0 ? output : output.slice(0, bannerAt));
const offending = before
  .split('\n')
  .filter((line) => WARNINGS.some((re) => re.test(line)))
  .map((line) => `  ${line.trim()}`);

try {
  // The server's own path logic finds the data (as root: under the temp dir).
  await removeEmbeddedData(root, env.EMBEDDED_PG_DIR);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (failure || offending.length) {
  console.error(stripAnsi(output));
  if (failure) console.error(`quiet-start: ${failure}`);
  if (offending.length)
    console.error(`quiet-start: printed before the banner:\n${offending.join('\n')}`);
  process.exit(1);
}
console.log(
  `quiet-start: nothing but progress before the banner (${before.split('\n').length} lines)`,
);
