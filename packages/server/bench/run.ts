/*
## Benchmark

    corepack pnpm bench                                  # from the repo root: full size, ~11 min on 2 cores
    BENCH_SCENARIOS=dash-account,dash-accounts,dash-ticket,dash-charges corepack pnpm bench  # the real pages, ~5.5 min
    BENCH_SCALE=0.01 BENCH_ROUNDS=1 BENCH_DURATION=1 corepack pnpm bench  # smoke run, ~2.5 min

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
   itself with its own lockfile), all on 127.0.0.1 with the same pool size:
   - the built gateway (`dist/main.js`);
   - PostGraphile 5 (packages/postgraphile-bench/server.mjs: the Amber preset
     with lists and connections, on grafserv's node:http adaptor), with
     packages/postgraphile-bench/setup.sql (computed columns for what the
     gateway computes, smart comments) applied to the bench database only;
   - the "floor" (bench/floor-server.ts over floor-app.ts: the same reads
     and chargeTicket written by hand with `pg` behind a bare node:http
     server, one SQL statement per read, five per charge);
   and checks, before any timing, that the floor answers every read with
   the gateway's JSON (parsed, deep-equal: the real pages too) and
   PostGraphile with the same data (its own names and formats mapped,
   compare.ts), failing otherwise;
3. counts the SQL statements each server sends per request of each
   scenario: a second set of the three servers, each connected through a
   proxy that counts Query and Execute messages on the wire
   (statement-counter.ts), one request at a time; then stops them;
4. drives each with a closed loop of BENCH_CONNECTIONS connections, in
   BENCH_ROUNDS rounds per scenario; within a round the servers take turns
   (the order rotates from round to round), each for BENCH_WARMUP (the
   first round; 0.5 s after) + BENCH_DURATION seconds, so that other work on
   the machine weighs on all of them alike and ratios are taken within a round:
   - the dashboard's AccountPage, AccountsPage, TicketPage and ChargesPage,
     exactly as its Apollo Client sends them (the generated documents of
     packages/web/src/gql with the __typename Apollo adds), against the
     floor's hand-written SQL for the same JSON and PostGraphile's twin
     documents (dashboard-pages.ts; none for ChargesPage);
   - account page: an account with its licenses, lots and 20 latest tickets with their charges;
   - point lookup: an account by id with its balance;
   - accounts page: 20 accounts with their licenses and lots, from a random cursor;
   - chargeTicket spread over many accounts (fresh open tickets, one charge each);
   - chargeTicket on one hot account (every request queues on its row lock);
5. prints, per scenario and server, the median over rounds of requests/s,
   p50/p99 latency, server CPU and statements per request, the ratios
   gateway/PostGraphile and gateway/floor (median of the per-round ratios,
   with their range), and for the real pages issue 14's targets met or not;
   PostGraphile serves the reads only;
6. reconciles the ledger (the test suite's checks), then drops the database,
   also on failure or Ctrl-C.

Settings (env): BENCH_SCALE (1), BENCH_ROUNDS (6), BENCH_DURATION (3 s per
server per round), BENCH_WARMUP (2 s), BENCH_CONNECTIONS (10), BENCH_CACHE (1),
BENCH_NODE (path of the Node binary for the servers), BENCH_DB_POOL (20, every server), BENCH_SEED (42),
BENCH_SCENARIOS (comma list of: page,point,list,spread,hot,dash-account,dash-accounts,dash-ticket,dash-charges), BENCH_RECONCILE (1),
BENCH_CPU_PROFILE (a directory: run the gateway under --cpu-prof),
BENCH_ROLLUP_AB=1 (the charge scenarios also give the gateway a turn with the
charge rollup's triggers disabled, in the same rotation, and report
with/without: what keeping the rollup in the charge's transaction costs; the
rollup is recounted from the rows afterwards, before the reconciliation).
*/
import 'reflect-metadata';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { createDataSource, migrate } from '../src/db/data-source';
import {
  type Edition,
  type HostingPlan,
  LedgerEntryKind,
  LotSource,
  TicketCategory,
} from '../src/policy/enums';
import { priceFor } from '../src/policy/prices';
import { reconcile } from '../test/support/reconcile';
import { comparable, firstDifference, fromPostgraphile } from './compare';
import { DASHBOARD_PAGES, type PageArgs, cursorFor, gql } from './dashboard-pages';
import { type LoadResult, type Req, type Target, request, runLoad } from './load';
import { mulberry32, recountRollup, seed, sizesFor } from './seed';
import { type StatementCounter, shortForm, startStatementCounter } from './statement-counter';

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
  rollupAB: process.env.BENCH_ROLLUP_AB === '1',
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

    ensureBuilt();
    const adminKey = `bench-${randomBytes(24).toString('hex')}`;
    const webhookKey = randomBytes(32).toString('base64');

    // The servers the timed runs drive, connected straight to Postgres; and a
    // second set, each behind a statement counter, for the counting phase.
    const timed = await startServers({ dbUrl, adminKey, webhookKey, label: '' });
    const counters: Record<ServerKey, StatementCounter> = {
      gateway: await startStatementCounter(pgHostOf(dbUrl)),
      postgraphile: await startStatementCounter(pgHostOf(dbUrl)),
      floor: await startStatementCounter(pgHostOf(dbUrl)),
    };
    const counted = await startServers({
      dbUrl,
      adminKey,
      webhookKey,
      label: 'counted ',
      via: counters,
    });
    const nodeVersion = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
    log(`servers run on Node ${nodeVersion} (${nodeBin})`);
    const pglCursorFor = await postgraphileCursors(timed.targets.postgraphile);
    const { gateway: gwTarget, floor: floorTarget, postgraphile: pglTarget } = timed.targets;

    // Same question, same answer: otherwise the comparison means nothing.
    const checks: { name: string; g: Req; f: Req; p: Req | null }[] = [];
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
    // Each real page for a few accounts and tickets (charged and open ones,
    // the top of the accounts list and a page further down).
    const pageArgs = pageArgsOf(prepared);
    for (const d of DASHBOARD_PAGES)
      for (const a of [0, 1, 2, 3].map(pageArgs))
        checks.push({
          name: d.name,
          g: d.gateway(a),
          f: d.floor(a),
          p: d.postgraphile ? d.postgraphile(a, pglCursorFor) : null,
        });
    const sizesByCheck = new Map<string, number[]>();
    for (const { name, g, f, p } of checks) {
      const [a, b, c] = await Promise.all([
        request(gwTarget, g),
        request(floorTarget, f),
        p ? request(pglTarget, p) : null,
      ]);
      for (const [server, r] of [
        ['gateway', a],
        ['floor', b],
        ['PostGraphile', c],
      ] as const)
        if (r && (r.status !== 200 || r.body.includes('"errors":[')))
          throw new Error(
            `${server} failed the ${name} check: ${r.status} ${r.body.slice(0, 300)}`,
          );
      // The floor: the whole answer, exactly; PostGraphile: the same data.
      const diff = firstDifference(JSON.parse(a.body), JSON.parse(b.body));
      if (diff) throw new Error(`gateway and floor disagree on the ${name}: ${diff}`);
      const da = (JSON.parse(a.body) as { data?: unknown }).data;
      if (c) {
        const dc = (JSON.parse(c.body) as { data?: unknown }).data;
        const pdiff = firstDifference(comparable(da), comparable(fromPostgraphile(dc)));
        if (pdiff) throw new Error(`gateway and PostGraphile disagree on the ${name}: ${pdiff}`);
      }
      sizesByCheck.set(name, [a.body.length, c?.body.length ?? NaN, b.body.length]);
    }
    log(
      `the floor returns the gateway's JSON and PostGraphile the same data for ${checks.length} read checks ` +
        `(response bytes gateway/PostGraphile/floor: ${[...sizesByCheck].map(([n, x]) => `${n} ${x.map((v) => (Number.isNaN(v) ? '-' : v)).join('/')}`).join(', ')})`,
    );

    // SQL statements per request, each server behind its counter, one request at a time.
    const spare = {
      spreadGateway: prepared.pools.spreadGateway.splice(-(COUNT_REQUESTS + 1)),
      spreadFloor: prepared.pools.spreadFloor.splice(-(COUNT_REQUESTS + 1)),
      hotGateway: prepared.pools.hotGateway.splice(-(COUNT_REQUESTS + 1)),
      hotFloor: prepared.pools.hotFloor.splice(-(COUNT_REQUESTS + 1)),
    };
    const statements = await countStatements(
      scenariosOf(prepared, spare, pglCursorFor).filter((s) => settings.scenarios.includes(s.key)),
      counted.targets,
      counters,
    );
    await Promise.all(counted.children.map(stopChild));
    await Promise.all(Object.values(counters).map((c) => c.close()));

    const servers = {
      gateway: { target: gwTarget, pid: timed.children[0]!.pid },
      postgraphile: { target: pglTarget, pid: timed.children[1]!.pid },
      floor: { target: floorTarget, pid: timed.children[2]!.pid },
    };
    const scenarios = scenariosOf(prepared, prepared.pools, pglCursorFor);
    const results: ScenarioResult[] = [];
    const line = (r: LoadResult) =>
      `${r.rps.toFixed(0)} req/s p99 ${r.p99.toFixed(1)} ms` +
      (r.errors ? `, ${r.errors} errors (${r.firstError})` : '') +
      (r.exhausted ? ', ran out of tickets' : '');
    let rollupOff = false;
    for (const s of scenarios.filter((x) => settings.scenarios.includes(x.key))) {
      const order: TurnKey[] = (['gateway', 'postgraphile', 'floor'] as const).filter(
        (k) => s[k] !== null,
      );
      if (settings.rollupAB && ROLLUP_AB_SCENARIOS.has(s.key)) order.push('noRollup');
      const rounds: Partial<Record<TurnKey, LoadResult>>[] = [];
      for (let round = 0; round < settings.rounds; round++) {
        const got: Partial<Record<TurnKey, LoadResult>> = {};
        // Rotate who goes first, so no server always follows the same one.
        for (let k = 0; k < order.length; k++) {
          const key = order[(round + k) % order.length]!;
          const server: ServerKey = key === 'noRollup' ? 'gateway' : key;
          if (key === 'noRollup') {
            await rollupTriggers(pool, 'DISABLE');
            rollupOff = true;
          }
          try {
            got[key] = await runLoad({
              connections: settings.connections,
              warmupMs: round === 0 ? settings.warmupMs : 500,
              durationMs: settings.durationMs,
              target: servers[server].target,
              next: s[server]!,
              serverPid: servers[server].pid,
            });
          } finally {
            if (key === 'noRollup') await rollupTriggers(pool, 'ENABLE');
          }
        }
        rounds.push(got);
        log(
          `${s.name}, round ${round + 1}/${settings.rounds}: ` +
            order.map((k) => `${k} ${line(got[k]!)}`).join(' | ') +
            ` | load ${os.loadavg()[0]!.toFixed(1)}`,
        );
      }
      results.push({ key: s.key, name: s.name, rounds, target: s.target });
    }

    printTable(results, statements);

    if (rollupOff) {
      const recount = await recountRollup(pool);
      log(`charge rollup recounted from the rows after the turns without it (${secs(recount)})`);
    }

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
/** A turn in a round: a server, or the gateway with the charge rollup's triggers off (BENCH_ROLLUP_AB). */
type TurnKey = ServerKey | 'noRollup';
const ROLLUP_AB_SCENARIOS = new Set(['spread', 'hot']);

/** Turns the charge rollup's trigger off or on (between turns: no charge is in flight). */
async function rollupTriggers(pool: Pool, how: 'DISABLE' | 'ENABLE'): Promise<void> {
  await pool.query(`ALTER TABLE charges ${how} TRIGGER charges_rollup`);
}
const SERVER_NAMES: Record<ServerKey, string> = {
  gateway: 'gateway',
  postgraphile: 'PostGraphile',
  floor: 'floor',
};

/** The issue's targets for a real page (issue 14, Measure). */
interface Targets {
  /** Root fields that read the database: at most one statement each. */
  rootFields: number;
  /** Whether PostGraphile answers the page (the 1.2x target needs it). */
  postgraphile: boolean;
}

interface Scenario {
  key: string;
  name: string;
  /** Each server's next request (null: nothing left), or null where that server has no twin. */
  gateway: () => Req | null;
  postgraphile: (() => Req | null) | null;
  floor: (() => Req | null) | null;
  /** Set for the dashboard's real pages: the report marks their targets met or not. */
  target?: Targets;
}

interface ScenarioResult {
  key: string;
  name: string;
  rounds: Partial<Record<TurnKey, LoadResult>>[];
  target?: Targets;
}

type ChargePools = Prepared['pools'];

/** What each request of a real page is about: accounts and tickets in turn. */
function pageArgsOf(prepared: Prepared): (i: number) => PageArgs {
  const { readIds, readTickets } = prepared;
  return (i) => ({
    accountId: readIds[i % readIds.length]!,
    ticketId: readTickets[i % readTickets.length]!,
    // Mostly pages further down the list, the top every tenth time.
    afterAccountId: i % 10 === 0 ? null : readIds[(i * 7) % readIds.length]!,
  });
}

/** The scenarios, each server's requests drawn in turn from the read ids or drained from `pools`. */
function scenariosOf(
  prepared: Prepared,
  pools: ChargePools,
  pglCursorFor: (id: string) => string,
): Scenario[] {
  const cycle = <T>(items: T[], make: (item: T) => Req) => {
    let i = 0;
    return () => make(items[i++ % items.length]!);
  };
  const counter = (make: (i: number) => Req) => {
    let i = 0;
    return () => make(i++);
  };
  const drain = <T>(items: T[], make: (item: T) => Req) => {
    let i = 0;
    return () => (i < items.length ? make(items[i++]!) : null);
  };
  const readIds = prepared.readIds;
  const pageArgs = pageArgsOf(prepared);
  return [
    // The dashboard's own pages, exactly as its Apollo Client sends them.
    ...DASHBOARD_PAGES.map((d) => ({
      key: d.key,
      name: `dashboard ${d.name}`,
      gateway: counter((i) => d.gateway(pageArgs(i))),
      postgraphile: d.postgraphile
        ? counter((i) => d.postgraphile!(pageArgs(i), pglCursorFor))
        : null,
      floor: counter((i) => d.floor(pageArgs(i))),
      target: { rootFields: d.rootFields, postgraphile: d.postgraphile !== null },
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
      gateway: drain(pools.spreadGateway, (t) =>
        gql(CHARGE, { i: { ticketId: t.ticketId, credits: t.credits } }),
      ),
      floor: drain(pools.spreadFloor, (t) => ({ path: '/charge', body: JSON.stringify(t) })),
      postgraphile: null,
    },
    {
      key: 'hot',
      name: 'chargeTicket, one hot account',
      gateway: drain(pools.hotGateway, (t) =>
        gql(CHARGE, { i: { ticketId: t.ticketId, credits: t.credits } }),
      ),
      floor: drain(pools.hotFloor, (t) => ({ path: '/charge', body: JSON.stringify(t) })),
      postgraphile: null,
    },
  ];
}

// ---------------------------------------------------------------- servers

interface Servers {
  targets: Record<ServerKey, Target>;
  /** gateway, PostGraphile, floor. */
  children: ChildProcess[];
}

function pgHostOf(dbUrl: string): { host: string; port: number } {
  const u = new URL(dbUrl);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 5432) };
}

/** `dbUrl` through a statement counter on 127.0.0.1:`port` (plain TCP: the counter reads the protocol). */
function viaCounter(dbUrl: string, port: number): string {
  const u = new URL(dbUrl);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  u.searchParams.delete('sslmode');
  return u.toString();
}

/** The three servers over the bench database, each its own process under the same Node binary. */
async function startServers(opts: {
  dbUrl: string;
  adminKey: string;
  webhookKey: string;
  label: string;
  via?: Record<ServerKey, StatementCounter>;
}): Promise<Servers> {
  const urlOf = (k: ServerKey) =>
    opts.via ? viaCounter(opts.dbUrl, opts.via[k].port) : opts.dbUrl;
  const gwPort = await freePort();
  const gwArgs =
    settings.cpuProfileDir && !opts.via
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(settings.cpuProfileDir)}`, 'dist/main.js']
      : ['dist/main.js'];
  const gw = start(`${opts.label}gateway`, gwArgs, {
    PORT: String(gwPort),
    HOST: '127.0.0.1',
    DATABASE_URL: urlOf('gateway'),
    GATEWAY_ADMIN_KEY: opts.adminKey,
    WEBHOOK_SECRET_KEY: opts.webhookKey,
    LOG_LEVEL: 'warn',
    WEB_DIST: '/nonexistent',
    DB_POOL_SIZE: String(settings.dbPool),
    NODE_ENV: 'production',
    RUN_WORKER: 'false', // the floor sends no e-mail either; outbound has bench/outbound.ts
  });
  const pglPort = await freePort();
  const pgl = start(
    `${opts.label}postgraphile`,
    ['server.mjs'],
    {
      PORT: String(pglPort),
      DATABASE_URL: urlOf('postgraphile'),
      DB_POOL_SIZE: String(settings.dbPool),
      NODE_ENV: 'production',
      GRAPHILE_ENV: 'production',
    },
    pglDir,
  );
  const floorPort = await freePort();
  const floor = start(`${opts.label}floor`, ['--import', 'tsx', 'bench/floor-server.ts'], {
    PORT: String(floorPort),
    DATABASE_URL: urlOf('floor'),
    DB_POOL_SIZE: String(settings.dbPool),
    NODE_ENV: 'production',
  });
  await waitForHttp(`http://127.0.0.1:${gwPort}/readyz`, gw.child, gw.output);
  await waitForHttp(`http://127.0.0.1:${pglPort}/healthz`, pgl.child, pgl.output);
  await waitForHttp(`http://127.0.0.1:${floorPort}/healthz`, floor.child, floor.output);
  const at = (port: number, headers: Record<string, string> = {}): Target => ({
    host: '127.0.0.1',
    port,
    headers,
  });
  return {
    targets: {
      gateway: at(gwPort, { authorization: `Bearer ${opts.adminKey}` }),
      postgraphile: at(pglPort),
      floor: at(floorPort),
    },
    children: [gw.child, pgl.child, floor.child],
  };
}

// ---------------------------------------------------------------- statement counts

/** Requests per scenario and server in the counting phase, after one that warms caches. */
const COUNT_REQUESTS = 4;

interface StatementCounts {
  /** Per scenario key and server: statements per request (the mean over COUNT_REQUESTS). */
  perRequest: Map<string, Partial<Record<ServerKey, number>>>;
  /** A gateway chargeTicket, statement by statement. */
  charge: string[];
}

/**
 * Sends each scenario's requests to the counted servers one at a time and
 * reads each server's counter around them: a warm-up request (prepared
 * statements, PostGraphile's plan cache), then COUNT_REQUESTS, averaged.
 */
async function countStatements(
  scenarios: Scenario[],
  targets: Record<ServerKey, Target>,
  counters: Record<ServerKey, StatementCounter>,
): Promise<StatementCounts> {
  const perRequest = new Map<string, Partial<Record<ServerKey, number>>>();
  let charge: string[] = [];
  for (const s of scenarios) {
    const row: Partial<Record<ServerKey, number>> = {};
    for (const key of ['gateway', 'postgraphile', 'floor'] as const) {
      const next = s[key];
      if (!next) continue;
      const send = async () => {
        const req = next();
        if (!req) throw new Error(`${s.name}: no request left to count`);
        const res = await request(targets[key], req);
        if (res.status !== 200 || res.body.includes('"errors":['))
          throw new Error(
            `${SERVER_NAMES[key]} failed a ${s.name} request while counting: ${res.status} ${res.body.slice(0, 300)}`,
          );
      };
      await send();
      // Let statements a response does not wait for land before the count starts.
      await new Promise((r) => setTimeout(r, 50));
      const before = counters[key].count;
      counters[key].take();
      for (let i = 0; i < COUNT_REQUESTS; i++) await send();
      await new Promise((r) => setTimeout(r, 50));
      row[key] = (counters[key].count - before) / COUNT_REQUESTS;
      const texts = counters[key].take();
      if (key === 'gateway' && s.key === 'spread')
        charge = texts.slice(0, texts.length / COUNT_REQUESTS).map(shortForm);
    }
    perRequest.set(s.key, row);
  }
  return { perRequest, charge };
}

// ---------------------------------------------------------------- report

const median = (xs: number[]): number => {
  const v = xs.filter(Number.isFinite).sort((x, y) => x - y);
  if (v.length === 0) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
};

function printTable(results: ScenarioResult[], statements: StatementCounts): void {
  const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-');
  const of = (r: ScenarioResult, key: TurnKey, pick: (l: LoadResult) => number | null) =>
    median(r.rounds.map((x) => (x[key] ? (pick(x[key]) ?? NaN) : NaN)));
  /** The per-round ratios gateway / `key`, sorted. */
  const ratios = (r: ScenarioResult, key: TurnKey) =>
    r.rounds
      .filter((x) => x.gateway && x[key])
      .map((x) => x.gateway!.rps / x[key]!.rps)
      .sort((x, y) => x - y);
  /** The median of the per-round ratios, with their range. */
  const ratio = (r: ScenarioResult, key: TurnKey) => {
    const per = ratios(r, key);
    if (per.length === 0) return '-';
    return `${fmt(median(per), 2)} (${fmt(per[0]!, 2)}-${fmt(per[per.length - 1]!, 2)})`;
  };
  const stmts = (r: ScenarioResult, key: ServerKey) => {
    const n = statements.perRequest.get(r.key)?.[key];
    return n === undefined ? '-' : fmt(n, Number.isInteger(n) ? 0 : 2);
  };
  const table = (head: string[], rows: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
    console.log('');
    console.log(line(head));
    console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
    for (const r of rows) console.log(line(r));
  };

  const head = ['scenario'];
  for (const srv of ['gateway', 'PostGraphile', 'floor'])
    head.push(`${srv} req/s`, 'p50 ms', 'p99 ms', 'cpu %', 'SQL/req');
  head.push('gateway/PostGraphile', 'gateway/floor');
  table(
    head,
    results.map((r) => {
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
          stmts(r, key),
        );
      }
      cells.push(ratio(r, 'postgraphile'), ratio(r, 'floor'));
      return cells;
    }),
  );
  console.log(
    `\n(${settings.connections} connections; ${settings.rounds} rounds per scenario, each server ${secs(settings.durationMs)} ` +
      `per round after a warm-up of ${secs(settings.warmupMs)} in the first round and 0.5 s in the others; ` +
      'figures are medians over rounds, ratios the median of per-round ratios (range in brackets); ' +
      'cpu % = the server process, 100 = one core; SQL/req = statements each server sent per request ' +
      `(simple queries and executes on the wire, BEGIN/COMMIT included, mean of ${COUNT_REQUESTS}); ` +
      'PostGraphile serves the reads only, and of the real pages those it has a twin of)',
  );
  const chargesOnly = DASHBOARD_PAGES.filter((d) => d.noPostgraphile);
  for (const d of chargesOnly)
    if (results.some((r) => r.key === d.key))
      console.log(`No PostGraphile twin of ${d.name}: ${d.noPostgraphile}.`);

  // The issue's targets for the real pages.
  const pages = results.filter((r) => r.target);
  if (pages.length) {
    /** A figure and whether it meets its target; '-' where there is nothing to judge. */
    const judged = (text: string, ok: boolean | null) =>
      ok === null ? '-' : `${text} ${ok ? 'met' : 'NOT met'}`;
    table(
      [
        'real page',
        '>= 1.2x PostGraphile',
        'p99 <= PostGraphile',
        '>= 0.8x floor',
        '1 statement per root field',
      ],
      pages.map((r) => {
        const pgl = r.target!.postgraphile ? median(ratios(r, 'postgraphile')) : NaN;
        const floor = median(ratios(r, 'floor'));
        const p99 = (k: ServerKey) => of(r, k, (l) => l.p99);
        const sql = statements.perRequest.get(r.key)?.gateway;
        const hasPgl = Number.isFinite(pgl) && Number.isFinite(p99('postgraphile'));
        return [
          r.name,
          judged(fmt(pgl, 2), hasPgl ? pgl >= 1.2 : null),
          judged(
            `${fmt(p99('gateway'), 1)} vs ${fmt(p99('postgraphile'), 1)} ms`,
            hasPgl ? p99('gateway') <= p99('postgraphile') : null,
          ),
          judged(fmt(floor, 2), Number.isFinite(floor) ? floor >= 0.8 : null),
          judged(
            `${sql === undefined ? '-' : fmt(sql, Number.isInteger(sql) ? 0 : 2)} for ${r.target!.rootFields}`,
            sql === undefined ? null : sql <= r.target!.rootFields,
          ),
        ];
      }),
    );
    console.log(
      '\n(targets from issue 14: every real page >= 1.2x PostGraphile with a p99 no worse, >= 0.8x the floor, ' +
        'one SQL statement per root field; ratios are the medians of the per-round ratios)',
    );
  }
  // What keeping the charge rollup in the charge's transaction costs (issue 17: within 5%).
  const ab = results.filter((r) => r.rounds.some((x) => x.noRollup));
  if (ab.length) {
    table(
      ['charge scenario', 'gateway req/s', 'without the rollup', 'with / without', '>= 0.95'],
      ab.map((r) => {
        const per = median(ratios(r, 'noRollup'));
        return [
          r.name,
          fmt(of(r, 'gateway', (l) => l.rps)),
          fmt(of(r, 'noRollup', (l) => l.rps)),
          ratio(r, 'noRollup'),
          Number.isFinite(per) ? (per >= 0.95 ? 'met' : 'NOT met') : '-',
        ];
      }),
    );
    console.log(
      "\n(the same gateway process, the charge rollup's trigger disabled for its turn; " +
        'ratio = the median of the per-round ratios, range in brackets)',
    );
  }
  if (statements.charge.length)
    console.log(`\nchargeTicket, statement by statement: ${statements.charge.join(' · ')}`);
  console.log(
    `${os.cpus().length} CPUs; load average now ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} ` + '(other work on the machine competes with the servers and Postgres)\n',
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
