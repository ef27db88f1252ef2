// What check-quiet-start.mjs and measure-install.mjs both do around the
// `npm start` they run in a throwaway folder: stop it as a user would, and
// remove the embedded Postgres it started with the server's own code.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Resolves once `child` (npm start) has printed its banner: `seen` gets
 * each chunk of its stdout and stderr, in order, and says when the banner
 * has come. Rejects when the child exits first or after `timeoutMs`.
 */
export function untilBanner(child, timeoutMs, seen) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no banner after ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const onData = (d) => {
      if (seen(d.toString('utf8'))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code ?? signal}) before the banner`));
    });
  });
}

/**
 * Ctrl-C to the process group of `child` (spawned `detached`, so the signal
 * reaches the server behind npm), SIGKILL after 60 s; resolves once it exited.
 */
export async function stopProcessGroup(child) {
  const exited = new Promise((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r();
    else child.once('exit', () => r());
  });
  try {
    process.kill(-child.pid, 'SIGINT'); // Ctrl-C, as the README says
  } catch {
    // already gone
  }
  const kill = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 60_000);
  await exited;
  clearTimeout(kill);
}

/**
 * Removes the embedded Postgres data in `dataDir` (and, with `binaries`, the
 * copy of its binaries made as root) with the built server of checkout
 * `root`, as `pnpm reset` does; nothing when the server was never built.
 */
export async function removeEmbeddedData(root, dataDir, { binaries = false } = {}) {
  const built = path.join(root, 'packages', 'server', 'dist', 'db', 'embedded-postgres.js');
  if (!fs.existsSync(built)) return;
  const require = createRequire(path.join(root, 'packages', 'server', 'package.json'));
  const { removeEmbeddedPostgres, removeBinariesCopy } = require(built);
  await removeEmbeddedPostgres({ dataDir, log: require('pino')({ level: 'warn' }) });
  if (binaries) removeBinariesCopy();
}
