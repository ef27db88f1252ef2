import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './poll';

// Helpers for tests that start their own servers (PgBouncer, a Postgres
// primary and replica) from Debian's packages, as a non-root user: both
// refuse to run as root.

/** Ids to run a service as: the `postgres` user when we are root, else ourselves. */
export function serviceUser(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

/** Installs a Debian package when `binary` is missing (as root; CI runs as root). */
export function ensureDebianPackage(binary: string, pkg: string): void {
  if (fs.existsSync(binary)) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `${binary} is missing: install Debian's ${pkg} package (apt-get install ${pkg})`,
    );
  const apt = (args: string[]) =>
    execFileSync('apt-get', args, {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['install', '-y', pkg]);
  } catch {
    apt(['update']);
    apt(['install', '-y', pkg]);
  }
  if (!fs.existsSync(binary)) throw new Error(`installing ${pkg} did not bring ${binary}`);
}

/** A temp dir the service user owns (and can reach: under the shared temp dir). */
export function serviceDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const user = serviceUser();
  if ('uid' in user) fs.chownSync(dir, user.uid, user.gid);
  return dir;
}

/** Writes a file the service user owns. */
export function writeServiceFile(file: string, text: string, mode = 0o600): void {
  fs.writeFileSync(file, text, { mode });
  const user = serviceUser();
  if ('uid' in user) fs.chownSync(file, user.uid, user.gid);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port. */
export async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const open = () =>
    new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
  await waitFor(open, `something listening on port ${port}`, timeoutMs, 100);
}

/** Runs a program as the service user, to completion. */
export function runAsService(file: string, args: string[]): string {
  return execFileSync(file, args, { encoding: 'utf8', ...serviceUser(), cwd: os.tmpdir() });
}

/** Starts a long-running program as the service user. */
export function spawnAsService(file: string, args: string[], log: string): ChildProcess {
  const out = fs.openSync(log, 'a');
  const child = spawn(file, args, {
    stdio: ['ignore', out, out],
    ...serviceUser(),
    cwd: os.tmpdir(),
  });
  fs.closeSync(out);
  return child;
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
