import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { assertBuilt, repoRoot, resultsDir, serverMain, webDist } from './paths';
import { waitFor } from './poll';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminKey: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function waitReady(
  baseUrl: string,
  child: ChildProcess,
  logFile: string,
  timeoutMs = 90_000,
): Promise<void> {
  let exited = null as number | null; // set by the exit handler below
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  const ready = async () => {
    if (exited !== null) {
      throw new Error(
        `The gateway exited with code ${exited} before it was ready. Its log:\n${tail(logFile)}`,
      );
    }
    try {
      return (await fetch(`${baseUrl}/readyz`)).ok;
    } catch {
      return false; // not listening yet
    }
  };
  try {
    await waitFor(ready, 'the gateway to be ready', timeoutMs);
  } catch (err) {
    if (exited !== null) throw err;
    throw new Error(
      `The gateway was not ready within ${timeoutMs / 1000}s. Its log:\n${tail(logFile)}`,
      { cause: err },
    );
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * One gateway for the whole browser run: a fresh database e2e_<random> on the
 * Postgres server named by DATABASE_URL, the built server on a free port,
 * serving the built dashboard. Dropped again at the end.
 */
export default async function setup(project: TestProject) {
  assertBuilt();
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!process.env.DATABASE_URL) console.warn(`[e2e] DATABASE_URL is not set; using ${serverUrl}`);
  const database = `e2e_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${database}"`));

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const adminKey = `e2e-admin-${randomBytes(16).toString('hex')}`;
  mkdirSync(resultsDir, { recursive: true });
  const logFile = path.join(resultsDir, 'gateway.log');
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: withDatabase(serverUrl, database),
      PORT: String(port),
      HOST: '127.0.0.1',
      GATEWAY_ADMIN_KEY: adminKey,
      WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      WEB_DIST: webDist,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      // Outbound: e-mails into a mailbox of this run; webhooks to receivers on 127.0.0.1.
      MAIL_DIR: path.join(resultsDir, `mail-${database}`),
      WEBHOOK_ALLOW_LOCAL: 'true',
      // Scheduled work every minute, so the browser tests see a real recorded
      // expiry run and reconciliation report from the gateway's own worker.
      EXPIRY_SCHEDULE: '* * * * *',
      RECONCILIATION_SCHEDULE: '* * * * *',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    await admin(serverUrl, (c) =>
      c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    ).catch((e: unknown) => {
      console.warn(`[e2e] could not drop ${database}: ${String(e)}`);
    });
  };

  try {
    await waitReady(baseUrl, child, logFile);
  } catch (e) {
    await stop();
    throw e;
  }

  project.provide('baseUrl', baseUrl);
  project.provide('adminKey', adminKey);
  return stop;
}
