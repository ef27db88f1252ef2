import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The example as a partner would run it: the built program against the built
// gateway on a fresh database, then its printout is checked line by line and
// against what the gateway recorded.

const run = promisify(execFile);
const here = path.resolve(__dirname, '..');
const gatewayMain = path.resolve(here, '../../packages/server/dist/main.js');
const exampleMain = path.join(here, 'dist', 'main.js');
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `example_${randomBytes(6).toString('hex')}`;
const adminKey = `example-admin-${randomBytes(16).toString('hex')}`;

let gateway: ChildProcess;
let baseUrl = '';
let log = '';

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

beforeAll(async () => {
  for (const f of [gatewayMain, exampleMain])
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`corepack pnpm build\` first`);
  await admin(`CREATE DATABASE "${database}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  gateway = spawn(process.execPath, [gatewayMain], {
    env: {
      ...process.env,
      DATABASE_URL: u.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      GATEWAY_ADMIN_KEY: adminKey,
      // A gateway on a DATABASE_URL needs the key that seals webhook secrets.
      WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  gateway.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  gateway.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  for (let i = 0; ; i++) {
    if (gateway.exitCode !== null) throw new Error(`gateway exited:\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 240) throw new Error(`gateway not ready:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(async () => {
  if (gateway && gateway.exitCode === null) {
    const exited = new Promise((r) => gateway.once('exit', r));
    gateway.kill('SIGTERM');
    await exited;
  }
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

describe('examples/partner-client', () => {
  it('runs green against a fresh gateway with a partner key, and the gateway agrees', async () => {
    const { createApiKey } = await gql<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(input: { name: "Reseller Nord", role: PARTNER }) { secret } }',
    );
    const { stdout } = await run(process.execPath, [exampleMain], {
      env: { ...process.env, GATEWAY_URL: baseUrl, GATEWAY_KEY: createApiKey.secret },
    });
    const lines = stdout.trim().split('\n');
    const patterns = [
      /^signed in: Reseller Nord \(PARTNER\)$/,
      /^account created: (?<account>[0-9a-f-]{36})$/,
      /^license issued: [0-9a-f-]{36}, (?<granted>\d+) credits granted$/,
      /^purchase: TypeError: connection reset before the answer arrived; sending it again$/,
      /^credits bought: lot (?<lot>[0-9a-f-]{36}), 100 credits, (?<ref>order-\w+)$/,
      /^sent once more: same lot, nothing added$/,
      /^reference reused with other credits: IDEMPOTENCY_CONFLICT, not retried$/,
      /^ticket opened: [0-9a-f-]{36}, OPEN, costs \d+-\d+ credits$/,
      /^quote ROOT_CAUSE_ANALYSIS: \d+-\d+ credits, balance (?<quoted>\d+), (covered|not covered)$/,
      /^ledger: PURCHASE \+100, GRANT \+(?<ledgerGrant>\d+) \(2 pages\)$/,
      /^balance: (?<balance>\d+)$/,
      /^unknown account: missing$/,
    ];
    expect(lines).toHaveLength(patterns.length);
    const found: Record<string, string> = {};
    patterns.forEach((p, i) => {
      const m = p.exec(lines[i]!);
      expect(m, `line ${i + 1}: ${lines[i]} should match ${String(p)}`).not.toBeNull();
      for (const [k, v] of Object.entries(m!.groups ?? {})) if (v !== undefined) found[k] = v;
    });
    const granted = Number(found.granted);
    expect(granted).toBeGreaterThan(0);
    expect(Number(found.ledgerGrant)).toBe(granted);
    expect(Number(found.balance)).toBe(granted + 100);
    expect(Number(found.quoted)).toBe(granted + 100);

    // What the gateway holds: one lot for the reference despite three sends.
    const { account } = await gql<{
      account: {
        balance: number;
        creditLots: { id: string; paymentReference: string | null }[];
        ledger: { totalCount: number };
      };
    }>(
      'query($id: ID!) { account(id: $id) { balance creditLots { id paymentReference } ledger { totalCount } } }',
      { id: found.account },
    );
    expect(account.balance).toBe(granted + 100);
    expect(account.creditLots.filter((l) => l.paymentReference === found.ref)).toEqual([
      { id: found.lot, paymentReference: found.ref },
    ]);
    expect(account.ledger.totalCount).toBe(2);
  });
});
