/*
## Export and charge-history benchmark

    corepack pnpm bench:export                        # 100k then 1M charges (~3 min of seeding on 2 cores)
    BENCH_SCALE=10 corepack pnpm bench:export         # 1M then 10M charges (~35-45 min of seeding; ~20 GB)
    BENCH_SCALE=0.05 corepack pnpm bench:export       # 5k then 50k charges, quick

Seeds a throwaway database with the main benchmark's set-based seeder
(bench/seed.ts: at scale 1, 10k accounts and 1M charges) in two steps: the
first tenth of the accounts (about a tenth of the charges), then the rest of
the same plan. After each step it starts the built gateway (`node
dist/main.js`) and times, one request at a time, the median of BENCH_REPEAT
runs of every `chargeSummary` grouping and the filtered `charges` pages
with their totalCount (answered from the charge rollup), so the report
shows each at both sizes side by side. After the last step it also measures
GET /export/charges.csv for every charge and for a filtered part: rows,
seconds, rows/s, MB, and the gateway's peak RSS during the export (the
kernel's high-water mark, reset just before via /proc/<pid>/clear_refs).

Settings (env): DATABASE_URL (the server to create the database on),
BENCH_SCALE (1), BENCH_REPEAT (5), BENCH_DB_POOL (20), BENCH_SEED (42),
BENCH_KEEP_DB=1 keeps the database (its name is printed), BENCH_DB=<name>
reuses such a database instead of seeding (one step: its current size),
BENCH_SEED_ONLY=1 seeds both steps, keeps the database and stops (for
EXPLAIN sessions), BENCH_READS_ONLY=1 times the reads and skips the exports.
*/
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { createDataSource, migrate } from '../src/db/data-source';
import { seed, sizesFor } from './seed';

const serverDir = path.resolve(__dirname, '..');
const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
};
const settings = {
  adminUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  scale: num('BENCH_SCALE', 1),
  repeat: Math.round(num('BENCH_REPEAT', 5)),
  dbPool: Math.round(num('BENCH_DB_POOL', 20)),
  seed: Math.round(num('BENCH_SEED', 42)),
  keep: process.env.BENCH_KEEP_DB === '1' || process.env.BENCH_SEED_ONLY === '1',
  reuse: process.env.BENCH_DB || null,
  seedOnly: process.env.BENCH_SEED_ONLY === '1',
  readsOnly: process.env.BENCH_READS_ONLY === '1',
};

const log = (msg: string) =>
  console.log(`[bench:export ${new Date().toISOString().slice(11, 19)}] ${msg}`);

function urlFor(database: string): string {
  const url = new URL(settings.adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: settings.adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** kB from /proc/<pid>/status, e.g. VmHWM (peak RSS) or VmRSS. */
function procKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
}

function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function ensureBuilt(): void {
  if (fs.existsSync(path.join(serverDir, 'dist', 'main.js'))) return;
  const r = spawnSync('corepack', ['pnpm', '--filter', '@credits/server', 'build'], {
    cwd: serverDir,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('server build failed');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Gateway {
  proc: ChildProcess;
  base: string;
  pid: number;
}

async function startGateway(database: string, adminKey: string): Promise<Gateway> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['dist/main.js'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: urlFor(database),
      GATEWAY_ADMIN_KEY: adminKey,
      WEBHOOK_SECRET_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      DB_POOL_SIZE: String(settings.dbPool),
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error('gateway did not start');
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { proc, base, pid: proc.pid! };
}

async function stopGateway(g: Gateway): Promise<void> {
  if (g.proc.exitCode !== null) return;
  const exited = new Promise((r) => g.proc.once('exit', r));
  g.proc.kill('SIGTERM');
  await exited;
}

async function gql<T>(g: Gateway, key: string, query: string): Promise<T> {
  const res = await fetch(`${g.base}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A partner key over the first 10 accounts (by id): the scoped reads. */
async function partnerKey(g: Gateway, adminKey: string): Promise<string> {
  const { accounts } = await gql<{ accounts: { nodes: { id: string }[] } }>(
    g,
    adminKey,
    '{ accounts(first: 10) { nodes { id } } }',
  );
  const ids = JSON.stringify(accounts.nodes.map((a) => a.id));
  const { createApiKey } = await gql<{ createApiKey: { secret: string } }>(
    g,
    adminKey,
    `mutation { createApiKey(input: {name: "bench partner", role: PARTNER, accountIds: ${ids}}) { secret } }`,
  );
  return createApiKey.secret;
}

/** The analysts' reads, by name: [name, document, as the partner?]. */
function readQueries(accountId: string, thousandth: string): [string, string, boolean?][] {
  const DAY = 86_400_000;
  const midnight = Math.floor(Date.now() / DAY) * DAY;
  const since = new Date(Date.now() - 90 * DAY).toISOString();
  const wholeFrom = new Date(midnight - 90 * DAY).toISOString();
  const wholeTo = new Date(midnight).toISOString();
  const page = (filter: string) =>
    `{ charges(first: 50${filter ? `, filter: {${filter}}` : ''}) { totalCount nodes { id } } }`;
  const summary = (groupBy: string, filter = '', paged = '') =>
    `{ chargeSummary(groupBy: ${groupBy}${filter ? `, filter: {${filter}}` : ''}${paged}) { key charges credits includedCharges refundedCredits } }`;
  return [
    ['chargeSummary by DAY, all', summary('DAY')],
    ['chargeSummary by MONTH, all', summary('MONTH')],
    ['chargeSummary by CATEGORY, all', summary('CATEGORY')],
    ['chargeSummary by EDITION, all', summary('EDITION')],
    ['chargeSummary by ACCOUNT, all', summary('ACCOUNT')],
    ['chargeSummary by ACCOUNT, first 100', summary('ACCOUNT', '', ', first: 100')],
    [
      'chargeSummary by ACCOUNT, the 100 after the first 1000',
      summary('ACCOUNT', '', `, first: 100, after: "${thousandth}"`),
    ],
    [
      'chargeSummary by ACCOUNT, last 90 days, first 100',
      summary('ACCOUNT', `from: "${since}"`, ', first: 100'),
    ],
    [
      'chargeSummary by CATEGORY, last 90 days (part-days)',
      summary('CATEGORY', `from: "${since}"`),
    ],
    ['chargeSummary by DAY, refunded, OWNED', summary('DAY', 'refunded: true, editions: [OWNED]')],
    ['chargeSummary by MONTH, one account', summary('MONTH', `accountId: "${accountId}"`)],
    ['chargeSummary by MONTH, partner key (10 accounts)', summary('MONTH'), true],
    ['charges page + totalCount, no filter', page('')],
    ['charges page + totalCount, 2 categories', page('categories: [ROOT_CAUSE_ANALYSIS, SETUP]')],
    ['charges page + totalCount, edition OWNED', page('editions: [OWNED]')],
    ['charges page + totalCount, included', page('included: true')],
    ['charges page + totalCount, not included', page('included: false')],
    ['charges page + totalCount, refunded', page('refunded: true')],
    ['charges page + totalCount, one account', page(`accountId: "${accountId}"`)],
    ['charges page + totalCount, 90 whole days', page(`from: "${wholeFrom}", to: "${wholeTo}"`)],
    ['charges page + totalCount, last 90 days (part-days)', page(`from: "${since}"`)],
    [
      'charges page + totalCount, 2 categories, not included, last 90 days',
      page(`categories: [ROOT_CAUSE_ANALYSIS, SETUP], included: false, from: "${since}"`),
    ],
    ['charges page + totalCount, partner key (10 accounts)', page(''), true],
  ];
}

/** Median milliseconds per read, in readQueries' order. */
async function timeReads(g: Gateway, adminKey: string): Promise<{ charges: number; ms: number[] }> {
  const charges = (
    await gql<{ charges: { totalCount: number } }>(
      g,
      adminKey,
      '{ charges(first: 1) { totalCount } }',
    )
  ).charges.totalCount;
  const partner = await partnerKey(g, adminKey);
  const { accounts } = await gql<{ accounts: { nodes: { id: string }[] } }>(
    g,
    adminKey,
    '{ accounts(first: 1) { nodes { id } } }',
  );
  // The key the eleventh page of 100 accounts starts after.
  let thousandth = '';
  for (let page = 0; page < 10; page++) {
    const { chargeSummary } = await gql<{ chargeSummary: { key: string }[] }>(
      g,
      adminKey,
      `{ chargeSummary(groupBy: ACCOUNT, first: 100${thousandth ? `, after: "${thousandth}"` : ''}) { key } }`,
    );
    thousandth = chargeSummary.at(-1)!.key;
  }
  const out: number[] = [];
  for (const [name, query, scoped] of readQueries(accounts.nodes[0]!.id, thousandth)) {
    const ms: number[] = [];
    for (let i = 0; i < settings.repeat; i++) {
      const t0 = performance.now();
      await gql(g, scoped ? partner : adminKey, query).catch((err: unknown) => {
        throw new Error(`${name}: ${String(err)}`);
      });
      ms.push(performance.now() - t0);
    }
    out.push(median(ms));
    log(`${charges} charges | ${name} | ${median(ms).toFixed(1)} ms`);
  }
  return { charges, ms: out };
}

async function exportRows(g: Gateway, adminKey: string): Promise<string[]> {
  const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const exports: [string, string][] = [
    ['all charges', ''],
    ['last 90 days, 2 categories', `from=${since}&categories=ROOT_CAUSE_ANALYSIS,SETUP`],
  ];
  const lines: string[] = [];
  for (const [name, query] of exports) {
    const exact = resetPeakRss(g.pid);
    let peakKb = procKb(g.pid, 'VmRSS');
    const sampler = setInterval(() => (peakKb = Math.max(peakKb, procKb(g.pid, 'VmRSS'))), 50);
    const t0 = performance.now();
    const res = await fetch(`${g.base}/export/charges.csv${query ? `?${query}` : ''}`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    if (!res.ok) throw new Error(`export ${name}: HTTP ${res.status} ${await res.text()}`);
    let bytes = 0;
    let rows = -1; // the header
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) rows += 1;
    }
    const s = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (exact) peakKb = procKb(g.pid, 'VmHWM');
    lines.push(
      `| export: ${name} | ${rows} | ${s.toFixed(1)} s | ${Math.round(rows / s)} rows/s | ${(bytes / 1e6).toFixed(0)} MB | ${(peakKb / 1024).toFixed(0)} MB |`,
    );
    log(lines.at(-1)!);
  }
  return lines;
}

async function main(): Promise<void> {
  const database = settings.reuse ?? `credits_bench_${randomBytes(5).toString('hex')}`;
  let gateway: Gateway | null = null;
  const cleanup = async () => {
    if (gateway) await stopGateway(gateway);
    if (!settings.keep && !settings.reuse) {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      log(`dropped ${database}`);
    }
  };
  process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    const sizes = sizesFor(settings.scale);
    // Two steps of one plan: the first tenth of the accounts, then the rest.
    const steps = settings.reuse
      ? [null]
      : [Math.round(sizes.accounts / 10), sizes.accounts].map((to, i, all) => ({
          from: i === 0 ? 0 : all[i - 1]!,
          to,
        }));
    if (!settings.reuse) {
      log(
        `scale ${settings.scale}: ${database}, ~${Math.round(sizes.tickets * (5 / 6))} charges in two steps`,
      );
      await admin(`CREATE DATABASE ${database}`);
      const migrator = createDataSource(urlFor(database));
      await migrator.initialize();
      await migrate(migrator);
      await migrator.destroy();
    }
    ensureBuilt();
    const adminKey = `bench-${randomBytes(24).toString('hex')}`;
    const results: { charges: number; ms: number[] }[] = [];
    let exports: string[] = [];
    for (const [i, step] of steps.entries()) {
      if (step) {
        const pool = new Pool({ connectionString: urlFor(database), max: 2 });
        const t0 = performance.now();
        const counts = await seed(pool, sizes, {
          seed: settings.seed,
          workers: 1,
          accounts: step,
        });
        await pool.query('VACUUM (ANALYZE)');
        const size = (
          await pool.query<{ s: string }>(
            'SELECT pg_size_pretty(pg_database_size(current_database())) AS s',
          )
        ).rows[0]!.s;
        await pool.end();
        log(
          `step ${i + 1}: accounts ${step.from}-${step.to}, ${counts.charges} charges seeded in ` +
            `${((performance.now() - t0) / 1000).toFixed(1)} s (indexes ${(counts.indexMs / 1000).toFixed(1)} s, ` +
            `rollup recount ${(counts.rollupMs / 1000).toFixed(1)} s); database ${size}`,
        );
      }
      if (settings.seedOnly) continue;
      gateway = await startGateway(database, adminKey);
      log(`gateway RSS ${(procKb(gateway.pid, 'VmRSS') / 1024).toFixed(0)} MB at rest`);
      results.push(await timeReads(gateway, adminKey));
      if (i === steps.length - 1 && !settings.readsOnly) {
        exports = await exportRows(gateway, adminKey);
      }
      await stopGateway(gateway);
      gateway = null;
    }
    if (settings.seedOnly) {
      log(`kept database ${database}`);
      return;
    }

    const last = results.at(-1)!;
    console.log(
      `\n${last.charges} charges, one request at a time, gateway pool ${settings.dbPool}:\n`,
    );
    if (exports.length) {
      console.log('| export | rows | time | rows/s | size | gateway peak RSS |');
      console.log('|---|---|---|---|---|---|');
      for (const l of exports) console.log(l);
    }
    const names = readQueries('x', 'x').map(([name]) => name);
    const head = results.map((r) => `${r.charges} charges`);
    console.log(
      `\n| read (median of ${settings.repeat}) | ${head.join(' | ')} |${results.length > 1 ? ' ratio |' : ''}`,
    );
    console.log(`|---|${results.map(() => '---|').join('')}${results.length > 1 ? '---|' : ''}`);
    names.forEach((name, k) => {
      const cells = results.map((r) => `${r.ms[k]!.toFixed(1)} ms`);
      const ratio =
        results.length > 1 ? ` ${(results.at(-1)!.ms[k]! / results[0]!.ms[k]!).toFixed(2)}x |` : '';
      console.log(`| ${name} | ${cells.join(' | ')} |${ratio}`);
    });
    if (settings.keep) log(`kept database ${database}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
