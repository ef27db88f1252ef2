/*
## Benchmark

    corepack pnpm bench                                  # from the repo root: full size, ~4-6 min on 2 cores
    BENCH_SCALE=0.1 BENCH_DURATION=5 corepack pnpm bench  # quick run, ~1.5 min

It needs a Postgres server it may create databases on (`DATABASE_URL`, default
postgres://postgres@127.0.0.1:5432/postgres) and builds the server first when
`dist/` is missing or older than `src/`. It:

1. creates a throwaway database `credits_bench_<random>`: a copy of a cached
   seeded database (`credits_bench_seed_<scale>_<seed>_<hash of the
   migrations and seed.ts>`, kept between runs; BENCH_CACHE=0 seeds afresh
   and keeps nothing) or, the first time, applies the migrations and seeds
   it with set-based SQL (one INSERT ... SELECT FROM
   unnest() statement per 100 accounts, history simulated with the gateway's
   own policy functions so the books add up; ~1.5 min at scale 1): 10k
   accounts, 30k licenses, 100k credit lots, 1.2M tickets of which 1M are
   charged (one charge per ticket is a unique index, so 1M charges need 1M
   tickets; 200k more stay open), ~0.8M allocations, ~0.9M ledger entries
   and 1M outbox statements, then VACUUM ANALYZE;
2. starts three servers, each its own process under the same Node binary
   (Node 22 from the `node` package of packages/postgraphile-bench, since
   PostGraphile 5 needs Node >= 22; BENCH_NODE overrides it; that folder is
   its own pnpm project, outside the workspace, installed by the bench
   itself with its own lockfile), all on
   127.0.0.1 with the same pool size:
   - the built gateway (`dist/main.js`);
   - PostGraphile 5 (packages/postgraphile-bench/server.mjs: the Amber preset
     with lists and connections, on grafserv's node:http adaptor), with
     packages/postgraphile-bench/setup.sql (a balance function and a smart
     comment) applied to the bench database only;
   - the "floor" (bench/floor-server.ts: the same reads and chargeTicket
     written by hand with `pg` behind a bare node:http server, one SQL
     statement per read, five per charge);
   and checks that the floor answers every read with the gateway's JSON and
   PostGraphile with the same data (its own field names and formats mapped);
3. drives each with a closed loop of BENCH_CONNECTIONS connections, in
   BENCH_ROUNDS rounds per scenario; within a round the servers take turns
   (the order rotates from round to round), each for BENCH_WARMUP (the
   first round; 0.5 s after) + BENCH_DURATION seconds, so that other work on
   the machine weighs on all of them alike and ratios are taken within a round:
   - account page: an account with its licenses, lots and 20 latest tickets with their charges;
   - point lookup: an account by id with its balance;
   - accounts page: 20 accounts with their licenses and lots, from a random cursor;
   - chargeTicket spread over many accounts (fresh open tickets, one charge each);
   - chargeTicket on one hot account (every request queues on its row lock);
   - the dashboard's AccountPage, AccountsPage, TicketPage and ChargesPage,
     exactly as its Apollo Client sends them (the generated documents of
     packages/web/src/gql with the __typename Apollo adds), gateway only for
     now (no floor or PostGraphile twin of those documents yet);
4. prints, per scenario and server, the median over rounds of requests/s,
   p50/p99 latency and server CPU, the ratios gateway/PostGraphile and
   gateway/floor (median of the per-round ratios, with their range), and
   the SQL statements the gateway sends per request (a page of 2 vs 20
   accounts should cost the same); PostGraphile serves the reads only;
5. reconciles the ledger (the test suite's checks), then drops the database,
   also on failure or Ctrl-C.

Settings (env): BENCH_SCALE (1), BENCH_ROUNDS (6), BENCH_DURATION (3 s per
server per round), BENCH_WARMUP (2 s), BENCH_CONNECTIONS (10), BENCH_CACHE (1),
BENCH_NODE (path of the Node binary for the servers), BENCH_DB_POOL (20, both servers), BENCH_SEED (42),
BENCH_SCENARIOS (comma list of: page,point,list,spread,hot,dash-account,dash-accounts,dash-ticket,dash-charges), BENCH_RECONCILE (1),
BENCH_CPU_PROFILE (a directory: run the gateway under --cpu-prof).
*/
import 'reflect-metadata';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import pino from 'pino';
import type { Logger } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { createDataSource, migrate } from '../src/db/data-source';
import { buildGatewaySchema } from '../src/graphql/schema';
import { createGateway } from '../src/http/app';
import {
  type Edition,
  type HostingPlan,
  LedgerEntryKind,
  LotSource,
  TicketCategory,
} from '../src/policy/enums';
import { priceFor } from '../src/policy/prices';
import { dashboardQuery } from '../test/support/dashboard-documents';
import { reconcile } from '../test/support/reconcile';
import { type LoadResult, type Req, type Target, request, runLoad } from './load';
import { mulberry32, seed, sizesFor } from './seed';

const serverDir = path.resolve(__dirname, '..');

function numberEnv(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min)
    throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  return n;
}

const settings = {
  adminUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  scale: numberEnv('BENCH_SCALE', 1, 0.001),
  durationMs: numberEnv('BENCH_DURATION', 3, 1) * 1000,
  rounds: Math.round(numberEnv('BENCH_ROUNDS', 6, 1)),
  cache: process.env.BENCH_CACHE !== '0',
  warmupMs: numberEnv('BENCH_WARMUP', 2) * 1000,
  connections: Math.round(numberEnv('BENCH_CONNECTIONS', 10, 1)),
  dbPool: Math.round(numberEnv('BENCH_DB_POOL', 20, 1)),
  seed: Math.round(numberEnv('BENCH_SEED', 42)),
  scenarios: (
    process.env.BENCH_SCENARIOS ||
    'page,point,list,spread,hot,dash-account,dash-accounts,dash-ticket,dash-charges'
  )
    .split(',')
    .map((s) => s.trim()),
  reconcile: process.env.BENCH_RECONCILE !== '0',
  cpuProfileDir: process.env.BENCH_CPU_PROFILE || null,
};

const pglDir = path.resolve(serverDir, '..', 'postgraphile-bench');
/** One Node binary for all three servers: PostGraphile 5 needs Node >= 22. */
const nodeBin = process.env.BENCH_NODE || path.join(pglDir, 'node_modules', 'node', 'bin', 'node');

// ---------------------------------------------------------------- documents

const ACCOUNT_PAGE = `query BenchAccountPage($id: ID!) {
  account(id: $id) {
    id name email createdAt balance
    licenses { id edition hostingPlan domain orderDate listPriceCents paidPriceCents creditsGranted grantNote creditLot { id expiresAt } }
    creditLots(includeExpired: true) {
      id source originalCredits remainingCredits spentCredits refundedCredits expiredCredits createdAt expiresAt paymentReference
    }
    tickets(first: 20) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id subject category level status openedAt price { min max included }
        charge { id credits included balanceAfter createdAt }
      }
    }
  }
}`;

const POINT = `query BenchAccount($id: ID!) { account(id: $id) { id name email balance } }`;

const ACCOUNTS = `query BenchAccounts($first: Int!, $after: String) {
  accounts(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id name email createdAt balance
      licenses { id edition hostingPlan domain creditsGranted }
      creditLots(includeExpired: true) { id source originalCredits remainingCredits expiresAt }
    }
  }
}`;

const CHARGE = `mutation BenchCharge($i: ChargeTicketInput!) { chargeTicket(input: $i) { id credits included balanceAfter } }`;

// The same shapes asked of PostGraphile 5 (Amber): its names aliased to the
// gateway's, rows in the gateway's order. A ticket's charge and a license's
// lot come as lists there (their unique indexes are partial or not
// constraints), and the price as two columns; fromPostgraphile maps them.
const PGL_LOT_ORDER = '[EXPIRES_AT_ASC, ROW_ID_ASC]';

const PGL_ACCOUNT_PAGE = `query PglAccountPage($id: UUID!) {
  account: accountByRowId(rowId: $id) {
    id: rowId name email createdAt balance
    licenses: licensesByAccountIdList(orderBy: ROW_ID_ASC) { id: rowId edition hostingPlan domain orderDate listPriceCents paidPriceCents creditsGranted grantNote creditLot: creditLotsByLicenseIdList(first: 1) { id: rowId expiresAt } }
    creditLots: creditLotsByAccountIdList(orderBy: ${PGL_LOT_ORDER}) {
      id: rowId source originalCredits remainingCredits spentCredits refundedCredits expiredCredits createdAt expiresAt paymentReference
    }
    tickets: ticketsByAccountId(first: 20, orderBy: ROW_ID_DESC) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id: rowId subject category level status openedAt priceMin priceMax
        charge: chargesByTicketIdList(first: 1) { id: rowId credits included balanceAfter createdAt }
      }
    }
  }
}`;

const PGL_POINT = `query PglAccount($id: UUID!) { account: accountByRowId(rowId: $id) { id: rowId name email balance } }`;

/** The dashboard's pages as its Apollo Client sends them (documents from packages/web/src/gql, __typename added). */
const DASHBOARD_PAGES: {
  key: string;
  name: string;
  request: (accountId: string, ticketId: string) => Req;
}[] = [
  {
    key: 'dash-account',
    name: 'AccountPage',
    request: (id) => gql(dashboardQuery('AccountPage'), { id }),
  },
  {
    key: 'dash-accounts',
    name: 'AccountsPage',
    request: () => gql(dashboardQuery('AccountsPage'), { search: null, first: 20 }),
  },
  {
    key: 'dash-ticket',
    name: 'TicketPage',
    request: (_a, id) => gql(dashboardQuery('TicketPage'), { id }),
  },
  {
    key: 'dash-charges',
    name: 'ChargesPage',
    request: () => gql(dashboardQuery('ChargesPage'), { filter: null, first: 50 }),
  },
];

const PGL_ACCOUNTS = `query PglAccounts($first: Int!, $after: Cursor) {
  accounts: allAccounts(first: $first, after: $after, orderBy: ROW_ID_DESC) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id: rowId name email createdAt balance
      licenses: licensesByAccountIdList(orderBy: ROW_ID_ASC) { id: rowId edition hostingPlan domain creditsGranted }
      creditLots: creditLotsByAccountIdList(orderBy: ${PGL_LOT_ORDER}) { id: rowId source originalCredits remainingCredits expiresAt }
    }
  }
}`;

const gql = (query: string, variables: Record<string, unknown>): Req => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});
const cursorFor = (id: string) => Buffer.from(`k:${id}`).toString('base64url');

// ---------------------------------------------------------------- helpers

const log = (msg: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function urlFor(database: string): string {
  const url = new URL(settings.adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: settings.adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHttp(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`${url}: process exited with ${child.exitCode}\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms\n${output()}`);
}

const children: ChildProcess[] = [];

function start(
  name: string,
  args: string[],
  env: Record<string, string>,
  cwd = serverDir,
): { child: ChildProcess; output: () => string } {
  const child = spawn(nodeBin, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let buf = '';
  const keep = (d: Buffer) => {
    buf = (buf + d.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code, signal) => {
    if (code !== 0 && code !== null && !stopping)
      console.error(`${name} exited with ${code ?? signal}\n${buf}`);
  });
  return { child, output: () => buf };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt(): void {
  const main = path.join(serverDir, 'dist', 'main.js');
  const stale =
    !fs.existsSync(main) || fs.statSync(main).mtimeMs < newestMtime(path.join(serverDir, 'src'));
  if (!stale) return;
  log('dist/ is missing or older than src/: building the server');
  const r = spawnSync('corepack', ['pnpm', '--filter', '@credits/server', 'build'], {
    cwd: serverDir,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('server build failed');
}

/**
 * PostGraphile and the Node 22 binary sit outside the product's workspace
 * (packages/postgraphile-bench is its own pnpm project with its own
 * lockfile), so a newcomer's install never downloads them: the bench installs
 * them here, before seeding, so a failed download stops it early.
 */
function ensureYardstick(): void {
  const r = spawnSync('corepack', ['pnpm', 'install', '--frozen-lockfile', '--dir', pglDir], {
    cwd: pglDir,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`installing ${pglDir} failed`);
}

/** The first path where two JSON values differ, or null when they are equal. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${at}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs object`;
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return `${at}: keys ${ka.join(',')} vs ${kb.join(',')}`;
  for (const k of ka) {
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      `${at}.${k}`,
    );
    if (d) return d;
  }
  return null;
}

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** Instants to one format (ms, UTC), cursors dropped: each server has its own. */
function comparable(v: unknown): unknown {
  if (typeof v === 'string' && ISO_INSTANT.test(v)) return new Date(v).toISOString();
  if (Array.isArray(v)) return v.map(comparable);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== 'endCursor')
        .map(([k, x]) => [k, comparable(x)]),
    );
  return v;
}

/** PostGraphile's shapes to the gateway's: one-row lists to the row, the price's columns to PriceRange. */
function fromPostgraphile(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromPostgraphile);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (k === 'priceMin' || k === 'priceMax') continue;
    out[k] =
      (k === 'charge' || k === 'creditLot') && Array.isArray(x)
        ? (fromPostgraphile(x[0]) ?? null)
        : fromPostgraphile(x);
  }
  const o = v as { priceMin?: number; priceMax?: number };
  if (typeof o.priceMin === 'number' && typeof o.priceMax === 'number')
    out.price = { min: o.priceMin, max: o.priceMax, included: o.priceMax === 0 };
  return out;
}

/**
 * PostGraphile's cursor for "after this account id" in ROW_ID_DESC order,
 * built from one it hands out (base64 of JSON naming the order and the key),
 * so both servers page from the same random places.
 */
async function postgraphileCursors(target: Target): Promise<(id: string) => string> {
  const res = await request(
    target,
    gql(
      'query { allAccounts(first: 1, orderBy: ROW_ID_DESC) { nodes { rowId } pageInfo { endCursor } } }',
      {},
    ),
  );
  const page = (
    JSON.parse(res.body) as {
      data?: { allAccounts: { nodes: { rowId: string }[]; pageInfo: { endCursor: string } } };
    }
  ).data?.allAccounts;
  const sample = page?.nodes[0]?.rowId;
  if (!page || !sample) throw new Error(`PostGraphile gave no cursor: ${res.body.slice(0, 300)}`);
  const template = Buffer.from(page.pageInfo.endCursor, 'base64').toString('utf8');
  if (!template.includes(sample))
    throw new Error(`PostGraphile's cursor does not hold the row id: ${template}`);
  return (id) => Buffer.from(template.replace(sample, id)).toString('base64');
}

// ---------------------------------------------------------------- preparation

interface Prepared {
  readIds: string[];
  readTickets: string[];
  hotAccount: string;
  spreadAccounts: number;
  pools: Record<
    'spreadGateway' | 'spreadFloor' | 'hotGateway' | 'hotFloor',
    { ticketId: string; credits: number }[]
  >;
}

/**
 * Splits the accounts into readers and chargers, and opens the fresh tickets
 * the charge scenarios spend (never measured). Their accounts get a purchase
 * lot with its ledger entry first, so no charge fails for lack of credits and
 * the books still add up.
 */
async function prepare(pool: Pool, ticketsPerPool: number): Promise<Prepared> {
  const rows = (
    await pool.query<{
      id: string;
      licenseId: string | null;
      edition: Edition | null;
      hostingPlan: HostingPlan | null;
    }>(
      `SELECT a.id, l.id AS "licenseId", l.edition, l.hosting_plan AS "hostingPlan" FROM accounts a
         LEFT JOIN LATERAL (SELECT * FROM licenses l WHERE l.account_id = a.id
                             AND NOT (l.edition = 'SAAS' AND l.hosting_plan = 'PROFESSIONAL') ORDER BY l.id LIMIT 1) l ON TRUE
        ORDER BY a.id`,
    )
  ).rows;
  const rnd = mulberry32(settings.seed + 7);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const chargeable = rows.filter((r) => r.licenseId);
  const hot = chargeable[0]!;
  const spread = chargeable.slice(1, 1 + Math.min(1000, Math.floor(rows.length / 5)));
  const charging = new Set([hot.id, ...spread.map((s) => s.id)]);
  const readIds = rows.filter((r) => !charging.has(r.id)).map((r) => r.id);

  const tickets = {
    ids: [] as string[],
    accounts: [] as string[],
    licenses: [] as string[],
    levels: [] as string[],
    min: [] as number[],
    max: [] as number[],
  };
  const need = new Map<string, number>();
  const open = (acc: (typeof rows)[number]) => {
    const category = TicketCategory.ROOT_CAUSE_ANALYSIS;
    const { level, price } = priceFor(acc.edition!, acc.hostingPlan, category);
    const credits = Math.round((price.min + price.max) / 2);
    const id = uuidv7();
    tickets.ids.push(id);
    tickets.accounts.push(acc.id);
    tickets.licenses.push(acc.licenseId!);
    tickets.levels.push(level);
    tickets.min.push(price.min);
    tickets.max.push(price.max);
    need.set(acc.id, (need.get(acc.id) ?? 0) + credits);
    return { ticketId: id, credits };
  };
  const pools: Prepared['pools'] = {
    spreadGateway: [],
    spreadFloor: [],
    hotGateway: [],
    hotFloor: [],
  };
  for (let i = 0; i < ticketsPerPool; i++) {
    // Round robin: consecutive requests go to different accounts.
    pools.spreadGateway.push(open(spread[i % spread.length]!));
    pools.spreadFloor.push(open(spread[i % spread.length]!));
    pools.hotGateway.push(open(hot));
    pools.hotFloor.push(open(hot));
  }
  await pool.query(
    `INSERT INTO tickets (id, account_id, license_id, category, level, subject, status, price_min, price_max, opened_at)
     SELECT id, a, l, 'ROOT_CAUSE_ANALYSIS', lv, 'Bench ticket', 'OPEN', mn, mx, now()
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::support_level[], $5::int[], $6::int[]) AS x(id, a, l, lv, mn, mx)`,
    [tickets.ids, tickets.accounts, tickets.licenses, tickets.levels, tickets.min, tickets.max],
  );
  const lotIds: string[] = [];
  const lotAccounts: string[] = [];
  const lotCredits: number[] = [];
  for (const [account, credits] of need) {
    lotIds.push(uuidv7());
    lotAccounts.push(account);
    lotCredits.push(credits + 100);
  }
  await pool.query(
    `WITH lots AS (
       INSERT INTO credit_lots (id, account_id, source, payment_reference, payment_namespace, original_credits, remaining_credits, created_at)
       SELECT id, a, $4::lot_source, 'bench-topup-' || id, 'vendor', c, c, now() FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS x(id, a, c)
       RETURNING id, account_id, original_credits, created_at)
     INSERT INTO ledger_entries (account_id, lot_id, kind, credits, at)
     SELECT account_id, id, $5::ledger_entry_kind, original_credits, created_at FROM lots`,
    [lotIds, lotAccounts, lotCredits, LotSource.PURCHASE, LedgerEntryKind.PURCHASE],
  );
  // The dashboard's ticket page opens tickets of the accounts being read.
  const readTickets = (
    await pool.query<{ id: string }>(
      `SELECT t.id FROM unnest($1::uuid[]) a(id)
         CROSS JOIN LATERAL (SELECT id FROM tickets WHERE account_id = a.id ORDER BY id DESC LIMIT 2) t`,
      [readIds.slice(0, 500)],
    )
  ).rows.map((r) => r.id);
  return { readIds, readTickets, hotAccount: hot.id, spreadAccounts: spread.length, pools };
}

// ---------------------------------------------------------------- statement counts

/** Counts statements like the tests' QueryCounter, and keeps a short form of each. */
class StatementLog implements Logger {
  count = 0;
  recent: string[] = [];
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  logQuery(query: string): void {
    this.count += 1;
    const q = query.replace(/\s+/g, ' ').trim();
    const table = /\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?/i.exec(q)?.[1];
    const verb = q.split(' ')[0]!.toUpperCase();
    this.recent.push(
      table && verb !== 'WITH'
        ? `${verb} ${table}${/FOR UPDATE/i.test(q) ? ' FOR UPDATE' : ''}`
        : verb,
    );
  }
}

async function countStatements(
  dbUrl: string,
  prepared: Prepared,
): Promise<{ counts: [string, number][]; charge: string[] }> {
  const counter = new StatementLog();
  const ds = createDataSource(dbUrl, { logger: counter, poolSize: 5 });
  await ds.initialize();
  const adminKey = randomBytes(24).toString('hex');
  const gateway = await createGateway({
    ds,
    schema: await buildGatewaySchema(),
    config: { adminKey, bodyLimit: '100kb', webDist: '/nonexistent' },
    log: pino({ level: 'silent' }),
  });
  const base = await gateway.listen(0, '127.0.0.1');
  const target: Target = {
    host: '127.0.0.1',
    port: Number(new URL(base).port),
    headers: { authorization: `Bearer ${adminKey}` },
  };
  const id = prepared.readIds[0]!;
  const measure = async (req: () => Req) => {
    await request(target, req()); // first call warms caches
    const before = counter.count;
    counter.recent = [];
    const res = await request(target, req());
    if (res.status !== 200 || res.body.includes('"errors":['))
      throw new Error(`statement count request failed: ${res.body.slice(0, 300)}`);
    return counter.count - before;
  };
  const spare = [prepared.pools.spreadGateway.pop()!, prepared.pools.spreadGateway.pop()!];
  try {
    const counts: [string, number][] = [
      ['account page', await measure(() => gql(ACCOUNT_PAGE, { id }))],
      ['point lookup', await measure(() => gql(POINT, { id }))],
      ['accounts page of 2', await measure(() => gql(ACCOUNTS, { first: 2, after: null }))],
      ['accounts page of 20', await measure(() => gql(ACCOUNTS, { first: 20, after: null }))],
    ];
    // One at a time: the counter counts whatever runs meanwhile.
    for (const d of DASHBOARD_PAGES)
      counts.push([
        d.name,
        await measure(() => d.request(prepared.readIds[0]!, prepared.readTickets[0]!)),
      ]);
    counts.push([
      'chargeTicket',
      await measure(() => {
        const t = spare.pop()!;
        return gql(CHARGE, { i: { ticketId: t.ticketId, credits: t.credits } });
      }),
    ]);
    return { counts, charge: counter.recent };
  } finally {
    await gateway.close();
    await ds.destroy();
  }
}

/** Migrations and seed code decide the data: a change to either makes a new cache. */
function seedFingerprint(): string {
  const hash = createHash('sha1');
  const migrations = path.join(serverDir, 'src', 'db', 'migrations');
  for (const f of fs.readdirSync(migrations).sort())
    hash.update(f).update(fs.readFileSync(path.join(migrations, f)));
  hash.update(fs.readFileSync(path.join(__dirname, 'seed.ts')));
  return hash.digest('hex').slice(0, 10);
}

/**
 * The name of a seeded database kept between runs as a template, seeding it
 * first when it is missing. Caches of other fingerprints (stale code) go.
 */
async function cachedSeed(sizes: ReturnType<typeof sizesFor>): Promise<string> {
  const scale = String(settings.scale).replace(/\W/g, '_');
  const prefix = 'credits_bench_seed_';
  const name = `${prefix}${scale}_${settings.seed}_${seedFingerprint()}`;
  const existing = await withAdmin(async (c) => {
    const rows = (
      await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 || '%'`,
        [prefix],
      )
    ).rows.map((r) => r.datname);
    for (const stale of rows.filter((d) => d !== name && d.startsWith(`${prefix}${scale}_`))) {
      await c.query(`DROP DATABASE IF EXISTS ${stale} WITH (FORCE)`);
      log(`dropped the stale cache ${stale}`);
    }
    return rows.includes(name);
  });
  if (existing) return name;
  // Seeded under a temporary name and renamed at the end, so an interrupted
  // seed never passes for a finished one.
  const building = `${name}_wip`;
  await withAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${building}`);
  });
  try {
    await migrateAndSeed(urlFor(building), sizes);
    await withAdmin((c) => c.query(`ALTER DATABASE ${building} RENAME TO ${name}`));
  } catch (err) {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`));
    throw err;
  }
  log(`kept the seeded database as ${name} for later runs (BENCH_CACHE=0: seed afresh)`);
  return name;
}

async function migrateAndSeed(dbUrl: string, sizes: ReturnType<typeof sizesFor>): Promise<void> {
  const migrator = createDataSource(dbUrl);
  await migrator.initialize();
  // As the gateway does: graphile-worker's schema first, then the migrations.
  await migrate(migrator);
  await migrator.destroy();

  const pool = new Pool({ connectionString: dbUrl, max: 4, options: '-c TimeZone=UTC' });
  pool.on('error', () => undefined);
  try {
    const t0 = performance.now();
    let shown = 0;
    const counts = await seed(pool, sizes, {
      seed: settings.seed,
      // One writer: on 2 cores a second one only steals CPU from the simulation.
      workers: Math.round(numberEnv('BENCH_SEED_WRITERS', 1, 1)),
      onProgress: (done, total) => {
        if (process.stdout.isTTY && (done / total >= shown + 0.1 || done === total)) {
          shown = Math.floor((done / total) * 10) / 10;
          process.stdout.write(`\r  seeding ${Math.round((done / total) * 100)}% `);
        }
      },
    });
    const seedMs = performance.now() - t0;
    if (process.stdout.isTTY) process.stdout.write('\n');
    const t1 = performance.now();
    await pool.query('VACUUM (ANALYZE)');
    const vacuumMs = performance.now() - t1;
    const size = (
      await pool.query<{ s: string }>(
        'SELECT pg_size_pretty(pg_database_size(current_database())) AS s',
      )
    ).rows[0]!.s;
    log(
      `seeded in ${secs(seedMs)} (simulating ${secs(counts.simulateMs)}, waiting for inserts ${secs(counts.waitMs)}, ` +
        `building indexes ${secs(counts.indexMs)}) + ${secs(vacuumMs)} VACUUM ANALYZE; database ${size}; ` +
        `foreign-key triggers during load: ${counts.fkChecks ? 'on' : 'off (superuser bulk load)'}`,
    );
    log(
      `  ${counts.accounts} accounts, ${counts.licenses} licenses, ${counts.lots} credit lots (${counts.topUps} of them top-ups), ` +
        `${counts.tickets} tickets, ${counts.charges} charges, ${counts.allocations} allocations, ` +
        `${counts.ledgerEntries} ledger entries, ${counts.statements} statements`,
    );
  } finally {
    await pool.end();
  }
}

// ---------------------------------------------------------------- main

let stopping = false;
let cleanup: () => Promise<void> = async () => {};

async function main(): Promise<void> {
  const database = `credits_bench_${randomBytes(5).toString('hex')}`;
  const dbUrl = urlFor(database);
  const sizes = sizesFor(settings.scale);
  let pool: Pool | null = null;
  let dropped = false;
  cleanup = async () => {
    stopping = true;
    await Promise.all(children.map((c) => stopChild(c).catch(() => undefined)));
    await pool?.end().catch(() => undefined);
    if (!dropped) {
      dropped = true;
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`))
        .then(() => log(`dropped ${database}`))
        .catch((err: unknown) => console.error(`could not drop ${database}: ${String(err)}`));
    }
  };

  log(
    `scale ${settings.scale}: ${sizes.accounts} accounts, ~${sizes.tickets} tickets; ${settings.connections} connections, ` +
      `${secs(settings.warmupMs)} warm-up + ${secs(settings.durationMs)} per run; database ${database}; ` +
      `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  try {
    ensureYardstick();
    const seeded = settings.cache ? await cachedSeed(sizes) : null;
    if (seeded) {
      const t0 = performance.now();
      await withAdmin((c) => c.query(`CREATE DATABASE ${database} TEMPLATE ${seeded}`));
      log(`copied the cached seeded database ${seeded} in ${secs(performance.now() - t0)}`);
    } else {
      await withAdmin((c) => c.query(`CREATE DATABASE ${database}`));
      await migrateAndSeed(dbUrl, sizes);
    }
    pool = new Pool({ connectionString: dbUrl, max: 4, options: '-c TimeZone=UTC' });
    pool.on('error', () => undefined); // an idle client cut off at the final DROP DATABASE
    // PostGraphile's needs, in this database only (never a product migration).
    await pool.query(fs.readFileSync(path.join(pglDir, 'setup.sql'), 'utf8'));

    const ticketsPerPool = Math.round(
      numberEnv(
        'BENCH_CHARGE_TICKETS',
        Math.max(
          3000,
          1200 * ((settings.warmupMs + settings.rounds * (500 + settings.durationMs)) / 1000),
        ),
        10,
      ),
    );
    const prepared = await prepare(pool, ticketsPerPool);
    log(
      `charge scenarios: ${ticketsPerPool} fresh tickets per run; spread over ${prepared.spreadAccounts} accounts; hot account ${prepared.hotAccount}`,
    );

    const statements = await countStatements(dbUrl, prepared);
    ensureBuilt();

    const adminKey = `bench-${randomBytes(24).toString('hex')}`;
    const gwPort = await freePort();
    const gwArgs = settings.cpuProfileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(settings.cpuProfileDir)}`, 'dist/main.js']
      : ['dist/main.js'];
    const gw = start('gateway', gwArgs, {
      PORT: String(gwPort),
      HOST: '127.0.0.1',
      DATABASE_URL: dbUrl,
      GATEWAY_ADMIN_KEY: adminKey,
      WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      DB_POOL_SIZE: String(settings.dbPool),
      NODE_ENV: 'production',
      RUN_WORKER: 'false', // the floor sends no e-mail either; outbound has bench/outbound.ts
    });
    const floorPort = await freePort();
    const floor = start('floor', ['--import', 'tsx', 'bench/floor-server.ts'], {
      PORT: String(floorPort),
      DATABASE_URL: dbUrl,
      DB_POOL_SIZE: String(settings.dbPool),
      NODE_ENV: 'production',
    });
    const pglPort = await freePort();
    const pgl = start(
      'postgraphile',
      ['server.mjs'],
      {
        PORT: String(pglPort),
        DATABASE_URL: dbUrl,
        DB_POOL_SIZE: String(settings.dbPool),
        NODE_ENV: 'production',
        GRAPHILE_ENV: 'production',
      },
      pglDir,
    );
    await waitForHttp(`http://127.0.0.1:${gwPort}/readyz`, gw.child, gw.output);
    await waitForHttp(`http://127.0.0.1:${floorPort}/healthz`, floor.child, floor.output);
    await waitForHttp(`http://127.0.0.1:${pglPort}/healthz`, pgl.child, pgl.output);
    const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
    log(`servers run on Node ${nodeVersion} (${nodeBin})`);
    const gwTarget: Target = {
      host: '127.0.0.1',
      port: gwPort,
      headers: { authorization: `Bearer ${adminKey}` },
    };
    const floorTarget: Target = { host: '127.0.0.1', port: floorPort, headers: {} };
    const pglTarget: Target = { host: '127.0.0.1', port: pglPort, headers: {} };
    const pglCursorFor = await postgraphileCursors(pglTarget);

    // Same question, same answer: otherwise the comparison means nothing.
    const checks: { name: string; g: Req; f: Req; p: Req }[] = [];
    for (const id of prepared.readIds.slice(0, 3)) {
      checks.push({
        name: 'account page',
        g: gql(ACCOUNT_PAGE, { id }),
        f: { path: '/account-page', body: JSON.stringify({ id }) },
        p: gql(PGL_ACCOUNT_PAGE, { id }),
      });
      checks.push({
        name: 'point lookup',
        g: gql(POINT, { id }),
        f: { path: '/account', body: JSON.stringify({ id }) },
        p: gql(PGL_POINT, { id }),
      });
      checks.push({
        name: 'accounts page',
        g: gql(ACCOUNTS, { first: 20, after: cursorFor(id) }),
        f: { path: '/accounts', body: JSON.stringify({ first: 20, after: cursorFor(id) }) },
        p: gql(PGL_ACCOUNTS, { first: 20, after: pglCursorFor(id) }),
      });
    }
    checks.push({
      name: 'accounts page',
      g: gql(ACCOUNTS, { first: 20, after: null }),
      f: { path: '/accounts', body: JSON.stringify({ first: 20, after: null }) },
      p: gql(PGL_ACCOUNTS, { first: 20, after: null }),
    });
    const sizesByScenario = new Map<string, number[]>();
    for (const { name, g, f, p } of checks) {
      const [a, b, c] = await Promise.all([
        request(gwTarget, g),
        request(floorTarget, f),
        request(pglTarget, p),
      ]);
      const bad = [a, b, c].find((r) => r.status !== 200 || r.body.includes('"errors":['));
      if (bad) throw new Error(`a read check failed: ${bad.status} ${bad.body.slice(0, 300)}`);
      const da = (JSON.parse(a.body) as { data?: unknown }).data;
      const db = (JSON.parse(b.body) as { data?: unknown }).data;
      const dc = (JSON.parse(c.body) as { data?: unknown }).data;
      const diff = firstDifference(da, db);
      if (diff) throw new Error(`gateway and floor disagree on the ${name}: ${diff}`);
      const pdiff = firstDifference(comparable(da), comparable(fromPostgraphile(dc)));
      if (pdiff) throw new Error(`gateway and PostGraphile disagree on the ${name}: ${pdiff}`);
      sizesByScenario.set(name, [a.body.length, c.body.length, b.body.length]);
    }
    log(
      `the floor returns the gateway's JSON and PostGraphile the same data for ${checks.length} read checks ` +
        `(response bytes gateway/PostGraphile/floor: ${[...sizesByScenario].map(([n, x]) => `${n} ${x.join('/')}`).join(', ')})`,
    );

    const cycle = <T>(items: T[], make: (item: T) => Req) => {
      let i = 0;
      return () => make(items[i++ % items.length]!);
    };
    const drain = <T>(items: T[], make: (item: T) => Req) => {
      let i = 0;
      return () => (i < items.length ? make(items[i++]!) : null);
    };
    const readIds = prepared.readIds;
    const scenarios: {
      key: string;
      name: string;
      gateway: () => Req | null;
      floor: (() => Req | null) | null;
      postgraphile: (() => Req | null) | null;
    }[] = [
      // The dashboard's own pages, exactly as its Apollo Client sends them
      // (the gateway alone: no hand-written floor or PostGraphile twin yet).
      ...DASHBOARD_PAGES.map((d) => ({
        key: d.key,
        name: `dashboard ${d.name}`,
        gateway: cycle(
          readIds.map((id, i) => [id, prepared.readTickets[i % prepared.readTickets.length]!]),
          ([id, ticket]) => d.request(id!, ticket!),
        ),
        floor: null,
        postgraphile: null,
      })),
      {
        key: 'page',
        name: 'account page (20 tickets)',
        gateway: cycle(readIds, (id) => gql(ACCOUNT_PAGE, { id })),
        floor: cycle(readIds, (id) => ({ path: '/account-page', body: JSON.stringify({ id }) })),
        postgraphile: cycle(readIds, (id) => gql(PGL_ACCOUNT_PAGE, { id })),
      },
      {
        key: 'point',
        name: 'point lookup + balance',
        gateway: cycle(readIds, (id) => gql(POINT, { id })),
        floor: cycle(readIds, (id) => ({ path: '/account', body: JSON.stringify({ id }) })),
        postgraphile: cycle(readIds, (id) => gql(PGL_POINT, { id })),
      },
      {
        key: 'list',
        name: 'accounts page of 20',
        gateway: cycle(readIds, (id) => gql(ACCOUNTS, { first: 20, after: cursorFor(id) })),
        floor: cycle(readIds, (id) => ({
          path: '/accounts',
          body: JSON.stringify({ first: 20, after: cursorFor(id) }),
        })),
        postgraphile: cycle(readIds, (id) =>
          gql(PGL_ACCOUNTS, { first: 20, after: pglCursorFor(id) }),
        ),
      },
      {
        key: 'spread',
        name: 'chargeTicket, many accounts',
        gateway: drain(prepared.pools.spreadGateway, (t) =>
          gql(CHARGE, { i: { ticketId: t.ticketId, credits: t.credits } }),
        ),
        floor: drain(prepared.pools.spreadFloor, (t) => ({
          path: '/charge',
          body: JSON.stringify(t),
        })),
        postgraphile: null,
      },
      {
        key: 'hot',
        name: 'chargeTicket, one hot account',
        gateway: drain(prepared.pools.hotGateway, (t) =>
          gql(CHARGE, { i: { ticketId: t.ticketId, credits: t.credits } }),
        ),
        floor: drain(prepared.pools.hotFloor, (t) => ({
          path: '/charge',
          body: JSON.stringify(t),
        })),
        postgraphile: null,
      },
    ];

    const results: ScenarioResult[] = [];
    const line = (r: LoadResult) =>
      `${r.rps.toFixed(0)} req/s p99 ${r.p99.toFixed(1)} ms` +
      (r.errors ? `, ${r.errors} errors (${r.firstError})` : '') +
      (r.exhausted ? ', ran out of tickets' : '');
    for (const s of scenarios.filter((x) => settings.scenarios.includes(x.key))) {
      const servers: { key: ServerKey; target: Target; next: () => Req | null; pid?: number }[] = [
        { key: 'gateway', target: gwTarget, next: s.gateway, pid: gw.child.pid },
      ];
      if (s.floor)
        servers.push({ key: 'floor', target: floorTarget, next: s.floor, pid: floor.child.pid });
      if (s.postgraphile)
        servers.splice(1, 0, {
          key: 'postgraphile',
          target: pglTarget,
          next: s.postgraphile,
          pid: pgl.child.pid,
        });
      const rounds: Partial<Record<ServerKey, LoadResult>>[] = [];
      for (let round = 0; round < settings.rounds; round++) {
        const got: Partial<Record<ServerKey, LoadResult>> = {};
        // Rotate who goes first, so no server always follows the same one.
        for (let k = 0; k < servers.length; k++) {
          const srv = servers[(round + k) % servers.length]!;
          got[srv.key] = await runLoad({
            connections: settings.connections,
            warmupMs: round === 0 ? settings.warmupMs : 500,
            durationMs: settings.durationMs,
            target: srv.target,
            next: srv.next,
            serverPid: srv.pid,
          });
        }
        rounds.push(got);
        log(
          `${s.name}, round ${round + 1}/${settings.rounds}: ` +
            servers.map((x) => `${x.key} ${line(got[x.key]!)}`).join(' | ') +
            ` | load ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
      results.push({ name: s.name, rounds });
    }

    printTable(results, statements.counts);
    console.log(`chargeTicket, statement by statement: ${statements.charge.join(' · ')}\n`);

    if (settings.reconcile) {
      const t2 = performance.now();
      const ds = createDataSource(dbUrl);
      await ds.initialize();
      const problems = await reconcile(ds);
      await ds.destroy();
      log(
        problems.length
          ? `ledger does NOT reconcile:\n  ${problems.join('\n  ')}`
          : `ledger reconciles (${secs(performance.now() - t2)})`,
      );
      if (problems.length) process.exitCode = 1;
    }
  } finally {
    await cleanup();
  }
}

type ServerKey = 'gateway' | 'postgraphile' | 'floor';
interface ScenarioResult {
  name: string;
  rounds: Partial<Record<ServerKey, LoadResult>>[];
}

const median = (xs: number[]): number => {
  const v = xs.filter(Number.isFinite).sort((x, y) => x - y);
  if (v.length === 0) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

function printTable(results: ScenarioResult[], statements: [string, number][]): void {
  const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  const of = (r: ScenarioResult, key: ServerKey, pick: (l: LoadResult) => number | null) =>
    median(r.rounds.map((x) => (x[key] ? (pick(x[key]) ?? NaN) : NaN)));
  /** The median of the per-round ratios, with their range. */
  const ratio = (r: ScenarioResult, key: ServerKey) => {
    const per = r.rounds
      .filter((x) => x.gateway && x[key])
      .map((x) => x.gateway!.rps / x[key]!.rps)
      .sort((x, y) => x - y);
    if (per.length === 0) return '-';
    return `${fmt(median(per), 2)} (${fmt(per[0]!, 2)}-${fmt(per[per.length - 1]!, 2)})`;
  };
  const head = ['scenario'];
  for (const srv of ['gateway', 'PostGraphile', 'floor'])
    head.push(`${srv} req/s`, 'p50 ms', 'p99 ms', 'cpu %');
  head.push('gateway/PostGraphile', 'gateway/floor');
  const rows = results.map((r) => {
    const errors = r.rounds.some((x) => Object.values(x).some((l) => l.errors > 0));
    const cells = [r.name + (errors ? ' (!errors)' : '')];
    for (const key of ['gateway', 'postgraphile', 'floor'] as const) {
      cells.push(
        fmt(of(r, key, (l) => l.rps)),
        fmt(
          of(r, key, (l) => l.p50),
          1,
        ),
        fmt(
          of(r, key, (l) => l.p99),
          1,
        ),
        fmt(of(r, key, (l) => l.cpu)),
      );
    }
    cells.push(ratio(r, 'postgraphile'), ratio(r, 'floor'));
    return cells;
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log('');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  console.log(
    `\n(${settings.connections} connections; ${settings.rounds} rounds per scenario, each server ${secs(settings.durationMs)} ` +
      `per round after a warm-up of ${secs(settings.warmupMs)} in the first round and 0.5 s in the others; ` +
      'figures are medians over rounds, ratios the median of per-round ratios (range in brackets); ' +
      'cpu % = the server process, 100 = one core; PostGraphile serves the reads only; ' +
      'the floor answers each read with one SQL statement, a charge with five)',
  );
  console.log(
    `SQL statements per gateway request: ${statements.map(([n, c]) => `${n} ${c}`).join(', ')}`,
  );
  console.log(
    `${os.cpus().length} CPUs; load average now ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} ` + '(other work on the machine competes with the servers and Postgres)',
  );
}

// The database must go whatever happens: a closed pipe on stdout (`| head`)
// or a stray exception ends the run the same way as Ctrl-C.
process.stdout.on('error', () => undefined);
process.on('uncaughtException', (err) => {
  if (stopping) return;
  console.error(err);
  void cleanup().finally(() => process.exit(1));
});

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    console.error(`\n${sig}: stopping and dropping the database`);
    void cleanup().finally(() => process.exit(130));
  });
}

main().catch(async (err: unknown) => {
  console.error(err);
  await cleanup();
  process.exit(1);
});
