/*
## Export and charge-history benchmark

    corepack pnpm bench:export                        # 1M charges (~2-3 min of seeding on 2 cores)
    BENCH_SCALE=0.05 corepack pnpm bench:export       # 50k charges, quick

Seeds a throwaway database with the main benchmark's set-based seeder
(bench/seed.ts: at scale 1, 10k accounts and 1M charges), starts the built
gateway (`node dist/main.js`) and measures, one request at a time:

- GET /export/charges.csv for every charge, and for a filtered part: rows,
  seconds, rows/s, MB, and the gateway's peak RSS during the export (the
  kernel's high-water mark, reset just before via /proc/<pid>/clear_refs);
- `chargeSummary` by MONTH, CATEGORY and ACCOUNT, and a filtered `charges`
  page with its totalCount: the median of BENCH_REPEAT runs.

Settings (env): DATABASE_URL (the server to create the database on),
BENCH_SCALE (1), BENCH_REPEAT (3), BENCH_DB_POOL (20), BENCH_SEED (42),
BENCH_KEEP_DB=1 keeps the database (its name is printed), BENCH_DB=<name>
reuses such a database instead of seeding, BENCH_SEED_ONLY=1 seeds, keeps
the database and stops (for EXPLAIN sessions).
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
  repeat: Math.round(num('BENCH_REPEAT', 3)),
  dbPool: Math.round(num('BENCH_DB_POOL', 20)),
  seed: Math.round(num('BENCH_SEED', 42)),
  keep: process.env.BENCH_KEEP_DB === '1' || process.env.BENCH_SEED_ONLY === '1',
  reuse: process.env.BENCH_DB || null,
  seedOnly: process.env.BENCH_SEED_ONLY === '1',
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

async function main(): Promise<void> {
  const database = settings.reuse ?? `credits_bench_${randomBytes(5).toString('hex')}`;
  let gateway: ChildProcess | null = null;
  const cleanup = async () => {
    gateway?.kill('SIGTERM');
    if (!settings.keep && !settings.reuse) {
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      log(`dropped ${database}`);
    }
  };
  process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    if (!settings.reuse) {
      const sizes = sizesFor(settings.scale);
      log(
        `scale ${settings.scale}: seeding ${database} (~${Math.round(sizes.tickets * (5 / 6))} charges)`,
      );
      await admin(`CREATE DATABASE ${database}`);
      const migrator = createDataSource(urlFor(database));
      await migrator.initialize();
      await migrate(migrator);
      await migrator.destroy();
      const pool = new Pool({ connectionString: urlFor(database), max: 2 });
      const t0 = performance.now();
      await seed(pool, sizes, { seed: settings.seed, workers: 1 });
      await pool.query('VACUUM (ANALYZE)');
      await pool.end();
      log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (settings.seedOnly) {
      log(`kept database ${database}`);
      return;
    }
    ensureBuilt();

    const adminKey = `bench-${randomBytes(24).toString('hex')}`;
    const port = await freePort();
    gateway = spawn(process.execPath, ['dist/main.js'], {
      cwd: serverDir,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: urlFor(database),
        GATEWAY_ADMIN_KEY: adminKey,
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
    const pid = gateway.pid!;
    const auth = { authorization: `Bearer ${adminKey}` };

    const { charges } = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ charges(first: 1) { totalCount } }' }),
    })
      .then((r) => r.json() as Promise<{ data: { charges: { totalCount: number } } }>)
      .then((b) => ({ charges: b.data.charges.totalCount }));
    log(
      `${charges} charges in ${database}; gateway RSS ${(procKb(pid, 'VmRSS') / 1024).toFixed(0)} MB at rest`,
    );

    const since = new Date(Date.now() - 90 * 86_400_000).toISOString();
    const exports: [string, string][] = [
      ['all charges', ''],
      ['last 90 days, 2 categories', `from=${since}&categories=ROOT_CAUSE_ANALYSIS,SETUP`],
    ];
    const lines: string[] = [];
    for (const [name, query] of exports) {
      const exact = resetPeakRss(pid);
      let peakKb = procKb(pid, 'VmRSS');
      const sampler = setInterval(() => (peakKb = Math.max(peakKb, procKb(pid, 'VmRSS'))), 50);
      const t0 = performance.now();
      const res = await fetch(`${base}/export/charges.csv${query ? `?${query}` : ''}`, {
        headers: auth,
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
      if (exact) peakKb = procKb(pid, 'VmHWM');
      lines.push(
        `| export: ${name} | ${rows} | ${s.toFixed(1)} s | ${Math.round(rows / s)} rows/s | ${(bytes / 1e6).toFixed(0)} MB | ${(peakKb / 1024).toFixed(0)} MB |`,
      );
      log(lines.at(-1)!);
    }

    const queries: [string, string][] = [
      ['chargeSummary by MONTH, all', '{ chargeSummary(groupBy: MONTH) { key charges credits } }'],
      [
        'chargeSummary by CATEGORY, last 90 days',
        `{ chargeSummary(groupBy: CATEGORY, filter: {from: "${since}"}) { key charges } }`,
      ],
      ['chargeSummary by ACCOUNT, all', '{ chargeSummary(groupBy: ACCOUNT) { key charges } }'],
      [
        'chargeSummary by DAY, refunded, OWNED',
        '{ chargeSummary(groupBy: DAY, filter: {refunded: true, editions: [OWNED]}) { key charges } }',
      ],
      [
        'charges page: 2 categories, not included, with totalCount',
        '{ charges(first: 50, filter: {categories: [ROOT_CAUSE_ANALYSIS, SETUP], included: false}) { totalCount nodes { id } } }',
      ],
      [
        'charges page: last 90 days, with totalCount',
        `{ charges(first: 50, filter: {from: "${since}"}) { totalCount nodes { id } } }`,
      ],
    ];
    const timings: string[] = [];
    for (const [name, query] of queries) {
      const ms: number[] = [];
      for (let i = 0; i < settings.repeat; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
        ms.push(performance.now() - t0);
      }
      timings.push(`| ${name} | ${median(ms).toFixed(0)} ms |`);
      log(timings.at(-1)!);
    }

    console.log(`\n${charges} charges, one request at a time, gateway pool ${settings.dbPool}:\n`);
    console.log('| export | rows | time | rows/s | size | gateway peak RSS |');
    console.log('|---|---|---|---|---|---|');
    for (const l of lines) console.log(l);
    console.log(`\n| query (median of ${settings.repeat}) | time |`);
    console.log('|---|---|');
    for (const t of timings) console.log(t);
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
