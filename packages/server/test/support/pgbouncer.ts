import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import {
  ensureDebianPackage,
  freePort,
  serviceDir,
  spawnAsService,
  stopChild,
  waitForPort,
  writeServiceFile,
} from './services';

const BINARY = '/usr/sbin/pgbouncer';

export interface PgBouncer {
  /** postgres://user@127.0.0.1:<port>/<database>: any database of the target server. */
  urlFor: (database: string) => string;
  log: () => string;
  /** Transactions PgBouncer has served per database (its admin console's SHOW STATS). */
  transactions: () => Promise<Map<string, number>>;
  stop: () => Promise<void>;
}

/**
 * Debian's PgBouncer (installed when missing) in transaction mode in front of
 * the server in `targetUrl`, on a free port, as a non-root user, with its
 * config in a temp dir. `ignore_startup_parameters` deliberately leaves out
 * `options`: a client sending startup options is refused, as in production
 * set-ups that do not list it.
 */
export async function startPgBouncer(targetUrl: string): Promise<PgBouncer> {
  ensureDebianPackage(BINARY, 'pgbouncer');
  const target = new URL(targetUrl);
  const user = decodeURIComponent(target.username || 'postgres');
  const password = decodeURIComponent(target.password);
  const dir = serviceDir('credits-pgbouncer-');
  const port = await freePort();
  const server = [
    `host=${target.hostname}`,
    `port=${target.port || 5432}`,
    `user=${user}`,
    ...(password ? [`password=${password}`] : []),
  ].join(' ');
  writeServiceFile(path.join(dir, 'userlist.txt'), `"${user}" ""\n`);
  writeServiceFile(
    path.join(dir, 'pgbouncer.ini'),
    `[databases]
* = ${server}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/userlist.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = 40
server_lifetime = 3600
ignore_startup_parameters = extra_float_digits
pidfile = ${dir}/pgbouncer.pid
admin_users = ${user}
`,
  );
  const logFile = path.join(dir, 'pgbouncer.log');
  const child = spawnAsService(BINARY, [path.join(dir, 'pgbouncer.ini')], logFile);
  try {
    await waitForPort(port);
  } catch (err) {
    await stopChild(child);
    throw new Error(`pgbouncer did not start: ${fs.readFileSync(logFile, 'utf8')}`, { cause: err });
  }
  return {
    urlFor: (database) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`,
    log: () => fs.readFileSync(logFile, 'utf8'),
    async transactions() {
      const admin = new Client({
        connectionString: `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/pgbouncer`,
      });
      await admin.connect();
      try {
        const { rows } = await admin.query<{ database: string; total_xact_count: string }>(
          'SHOW STATS',
        );
        return new Map(rows.map((r) => [r.database, Number(r.total_xact_count)]));
      } finally {
        await admin.end();
      }
    },
    async stop() {
      await stopChild(child); // SIGTERM: immediate shutdown
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
