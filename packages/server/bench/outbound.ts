/*
## Outbound benchmark

    corepack pnpm bench:outbound                             # from the repo root: about 4 min
    BENCH_OUTBOUND_SECONDS=5 BENCH_OUTBOUND_N=50 corepack pnpm bench:outbound   # a quick look

On a throwaway database (`DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/postgres,
dropped at the end) it runs the built gateway (dist/main.js, RUN_WORKER=false) and ONE job
worker (dist/worker.js, started and stopped per phase), each a process of its own with the
product's defaults; this process holds the SMTP sink (smtp-server), the webhook receiver
(node:http, one endpoint subscribed to charge.created) and the load. Charges are spread over
BENCH_OUTBOUND_ACCOUNTS accounts (200), each on a fresh ticket.

1. peak: the gateway's chargeTicket rate, closed loop of BENCH_CONNECTIONS (10) for
   BENCH_OUTBOUND_PEAK_SECONDS (5) after 1 s of warm-up, no worker running (as `pnpm bench`
   measures it), the endpoint subscribed (each charge fans out its webhook). Or set
   BENCH_OUTBOUND_PEAK (charges/s) to skip the measurement.
2. the peak's backlog drained by the worker, both kinds at once;
3. statements/s: N (BENCH_OUTBOUND_N, 500) charges queued with the endpoint off, then the
   worker drains them; 4. webhooks/s: the same with only the webhook jobs;
   (delivered/s from the first arrival to the last, so start-up is not counted)
5. commit -> arrival with the worker running: N charges from 4 clients, each timed from its
   mutation's response (just after COMMIT) to its e-mail at the sink and its webhook at the
   receiver (p50 / p99);
6. sustained: for each fraction in BENCH_OUTBOUND_FRACTIONS (0.5,1) of the peak, charges at
   that fixed rate (open loop) for BENCH_OUTBOUND_SECONDS (60) with the worker running:
   delivered/s, commit -> arrival p50/p99/max for e-mails and webhooks, and the jobs waiting
   when the load ends and BENCH_OUTBOUND_AFTER (10) s later.

The issue's targets (issue 17) are marked met or not: statements/s and webhooks/s >= the peak
(3, 4); at 50% for 60 s, p99 <= 250 ms for both and no backlog 10 s after; at 100%, the
backlog drained 10 s after. Worker settings come from the environment as in production
(WORKER_CONCURRENCY, WEBHOOK_CONCURRENCY); BENCH_NODE picks the Node binary of the two
servers (default: this one). Diagnosis: BENCH_OUTBOUND_TRACE=<prefix> writes each sustained
charge's commit time and its e-mail's and webhook's delays to <prefix>-<fraction>.csv;
BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=<dir>" profiles the worker.
*/
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { v7 as uuidv7 } from 'uuid';
import { loadConfig } from '../src/config';
import { Edition, TicketCategory } from '../src/policy/enums';
import { priceFor } from '../src/policy/prices';
import { type Target, runLoad } from './load';

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
  n: Math.round(numberEnv('BENCH_OUTBOUND_N', 500, 1)),
  accounts: Math.round(numberEnv('BENCH_OUTBOUND_ACCOUNTS', 200, 1)),
  connections: Math.round(numberEnv('BENCH_CONNECTIONS', 10, 1)),
  peakSeconds: numberEnv('BENCH_OUTBOUND_PEAK_SECONDS', 5, 0.5),
  peak: process.env.BENCH_OUTBOUND_PEAK ? numberEnv('BENCH_OUTBOUND_PEAK', 0, 1) : null,
  fractions: (process.env.BENCH_OUTBOUND_FRACTIONS || '0.5,1').split(',').map((f) => {
    const n = Number(f);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`BENCH_OUTBOUND_FRACTIONS: bad "${f}"`);
    return n;
  }),
  seconds: numberEnv('BENCH_OUTBOUND_SECONDS', 60, 1),
  after: numberEnv('BENCH_OUTBOUND_AFTER', 10, 0),
  drainTimeoutMs: numberEnv('BENCH_OUTBOUND_DRAIN_TIMEOUT', 300, 1) * 1000,
  node: process.env.BENCH_NODE || process.execPath,
};

/** The targets of issue 17. */
const P99_TARGET_MS = 250;

const say = (msg: string) =>
  console.log(`[outbound ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const pct = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
/** Math.max / min over arrays too long to spread as arguments. */
const maxOf = (xs: number[]) => xs.reduce((a, b) => (b > a ? b : a), -Infinity);
const minOf = (xs: number[]) => xs.reduce((a, b) => (b < a ? b : a), Infinity);
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '-');
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

// ------------------------------------------------------------- processes

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
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
  const built = ['main.js', 'worker.js'].map((f) => path.join(serverDir, 'dist', f));
  const src = newestMtime(path.join(serverDir, 'src'));
  if (built.every((f) => fs.existsSync(f) && fs.statSync(f).mtimeMs >= src)) return;
  say('dist/ is missing or older than src/: building the server');
  const r = spawnSync('corepack', ['pnpm', '--filter', '@credits/server', 'build'], {
    cwd: serverDir,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('server build failed');
}

interface Child {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

const children = new Set<Child>();
/** BENCH_WORKER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": a CPU profile per worker run. */
const workerNodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);

function startChild(
  name: string,
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Child {
  const child = spawn(settings.node, [...nodeArgs, script], {
    cwd: serverDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buf = '';
  let stopping = false;
  const keep = (d: Buffer) => {
    buf = (buf + d.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited with ${code ?? signal}\n${buf}`);
  });
  const c: Child = {
    child,
    output: () => buf,
    async stop() {
      children.delete(c);
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  children.add(c);
  return c;
}

/** utime + stime of a process in seconds (Linux /proc), or NaN where it cannot be read. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // CLK_TCK is 100 on Linux
  } catch {
    return NaN;
  }
}

async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(5);
  }
}

// ------------------------------------------------------------- HTTP to the gateway

function post(agent: http.Agent, target: Target, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: target.host,
        port: target.port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: {
          ...target.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

const CHARGE = `mutation BenchCharge($i: ChargeTicketInput!) { chargeTicket(input: $i) { id } }`;

// ------------------------------------------------------------- the run

interface Ticket {
  id: string;
  subject: string;
  credits: number;
}

/** A charge made: its id and when it committed (its answer came back). */
interface Made {
  chargeId: string;
  committedAt: number;
}

async function main() {
  ensureBuilt();
  const database = `credits_bench_outbound_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: settings.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const u = new URL(settings.adminUrl);
  u.pathname = `/${database}`;
  const dbUrl = u.toString();
  const db = new Client({ connectionString: dbUrl });
  const closers: (() => Promise<unknown>)[] = [];
  try {
    // --- the sink and the receiver: every arrival, timed in this process
    const mails = new Map<string, number>(); // statement id -> arrival
    const mailTimes: number[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _s, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const at = performance.now();
          // Statements only (receipts and notices are not measured), by their Message-ID.
          const id = /^Message-ID:\s*<statement-([0-9a-f-]+)@/im.exec(
            Buffer.concat(chunks).toString('latin1'),
          );
          if (id) {
            mails.set(id[1]!, at);
            mailTimes.push(at);
          }
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    closers.push(() => new Promise((r) => smtp.close(() => r(undefined))));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

    const hooks = new Map<string, number>(); // charge id -> arrival
    const hookTimes: number[] = [];
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        const p = JSON.parse(Buffer.concat(chunks).toString()) as {
          type: string;
          data: { id: string };
        };
        if (p.type === 'charge.created') {
          hooks.set(p.data.id, at);
          hookTimes.push(at);
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => receiver.close(r)));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;

    // --- the gateway, a process of its own
    const adminKey = `bench-${randomBytes(24).toString('hex')}`;
    const webhookSecretKey = randomBytes(32).toString('base64');
    const port = await freePort();
    const common = {
      DATABASE_URL: dbUrl,
      WEBHOOK_SECRET_KEY: webhookSecretKey,
      WEBHOOK_ALLOW_LOCAL: 'true',
      NODE_ENV: 'production',
    };
    const gateway = startChild('gateway', 'dist/main.js', {
      ...common,
      PORT: String(port),
      HOST: '127.0.0.1',
      GATEWAY_ADMIN_KEY: adminKey,
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      RUN_WORKER: 'false',
    });
    closers.push(() => gateway.stop());
    await until(
      async () => {
        if (gateway.child.exitCode !== null) throw new Error(`gateway exited\n${gateway.output()}`);
        return fetch(`http://127.0.0.1:${port}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
      },
      'the gateway ready',
      120_000,
    );
    await db.connect();
    const target: Target = {
      host: '127.0.0.1',
      port,
      headers: { authorization: `Bearer ${adminKey}` },
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    closers.push(() => Promise.resolve(agent.destroy()));
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const body = JSON.parse(await post(agent, target, JSON.stringify({ query, variables }))) as {
        data: T;
        errors?: unknown[];
      };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };

    // --- one worker process, started and stopped per phase
    let worker: Child | null = null;
    const startWorker = async () => {
      const w = startChild(
        'worker',
        'dist/worker.js',
        {
          ...common,
          SMTP_URL: smtpUrl,
          MAIL_FROM: 'bench@example.com',
          LOG_LEVEL: 'info',
        },
        workerNodeArgs,
      );
      await until(
        () => {
          if (w.child.exitCode !== null) throw new Error(`worker exited\n${w.output()}`);
          return w.output().includes('job worker started');
        },
        'the worker started',
        120_000,
      );
      worker = w;
    };
    /** The worker's CPU in ms per message delivered since `from` (a workerCpu() reading). */
    const workerCpu = () => cpuSeconds(worker?.child.pid);
    const cpuPer = (from: number, messages: number) => ((workerCpu() - from) * 1000) / messages;
    const stopWorker = async () => {
      await worker?.stop();
      worker = null;
    };
    closers.push(stopWorker);

    // --- accounts with credits for every charge; tickets opened in bulk as phases need them
    say(`setting up ${settings.accounts} accounts`);
    const accounts: { id: string; license: string }[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = w; i < settings.accounts; i += 8) {
          const { createAccount } = await gql<{ createAccount: { id: string } }>(
            'mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }',
            { i: { name: `Bench ${i}`, email: `bench-${i}@example.com` } },
          );
          const { issueLicense } = await gql<{ issueLicense: { id: string } }>(
            'mutation($i: IssueLicenseInput!) { issueLicense(input: $i) { id } }',
            {
              i: {
                accountId: createAccount.id,
                edition: 'OWNED',
                domain: 'bench.example',
                orderDate: new Date(Date.now() - 86_400_000).toISOString(),
                listPriceCents: 10_000,
                paidPriceCents: 10_000,
              },
            },
          );
          await gql('mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }', {
            i: {
              accountId: createAccount.id,
              credits: 1_000_000_000,
              paymentReference: `bench-${i}`,
            },
          });
          accounts.push({ id: createAccount.id, license: issueLicense.id });
        }
      }),
    );
    await gql(
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }',
      { i: { url: hookUrl, eventTypes: ['charge.created'] } },
    );
    const { level, price } = priceFor(Edition.OWNED, null, TicketCategory.ROOT_CAUSE_ANALYSIS);
    let seq = 0;
    const openTickets = async (n: number): Promise<Ticket[]> => {
      const out: Ticket[] = [];
      for (let i = 0; i < n; i++) {
        const k = seq++;
        out.push({ id: uuidv7(), subject: `b${k}`, credits: price.min });
      }
      await db.query(
        `INSERT INTO tickets (id, account_id, license_id, category, level, subject, status,
                              price_min, price_max, opened_at)
         SELECT x.id, a.id, a.license, 'ROOT_CAUSE_ANALYSIS', $4::support_level, x.subject, 'OPEN',
                $5, $6, now()
           FROM unnest($1::uuid[], $2::text[], $3::int[]) WITH ORDINALITY AS x(id, subject, k, i)
           JOIN unnest($7::uuid[], $8::uuid[]) WITH ORDINALITY AS a(id, license, j)
             ON a.j = 1 + x.k % $9`,
        [
          out.map((t) => t.id),
          out.map((t) => t.subject),
          out.map((t) => Number(t.subject.slice(1))),
          level,
          price.min,
          price.max,
          accounts.map((a) => a.id),
          accounts.map((a) => a.license),
          accounts.length,
        ],
      );
      return out;
    };
    const chargeBody = (t: Ticket) =>
      JSON.stringify({ query: CHARGE, variables: { i: { ticketId: t.id, credits: t.credits } } });
    const charge = async (t: Ticket): Promise<Made> => {
      const res = JSON.parse(await post(agent, target, chargeBody(t))) as {
        data?: { chargeTicket: { id: string } };
        errors?: unknown[];
      };
      const committedAt = performance.now();
      if (!res.data) throw new Error(`chargeTicket failed: ${JSON.stringify(res.errors)}`);
      return { chargeId: res.data.chargeTicket.id, committedAt };
    };
    const inParallel = async <T, R>(items: T[], clients: number, fn: (t: T) => Promise<R>) => {
      const out: R[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (next < items.length) out.push(await fn(items[next++]!));
        }),
      );
      return out;
    };
    const backlog = async () => {
      const { rows } = await db.query<{ task: string; n: number }>(
        `SELECT task_identifier AS task, count(*)::int AS n FROM graphile_worker.jobs
          WHERE task_identifier IN ('statement_mail', 'webhook_delivery') GROUP BY 1`,
      );
      const of = (t: string) => rows.find((r) => r.task === t)?.n ?? 0;
      return { statements: of('statement_mail'), webhooks: of('webhook_delivery') };
    };
    /**
     * Drops the waiting jobs of `task` (null: every task) and settles their
     * rows as FAILED: a run sends its queue's waiting rows whether or not
     * their jobs remain, so rows left QUEUED would go out in a later phase,
     * ahead of that phase's own (they added ~1.7 s to the 4-client e-mails).
     */
    const dropJobs = async (task: 'statement_mail' | null) => {
      await db.query(
        `SELECT graphile_worker.remove_job(key) FROM graphile_worker.jobs
          WHERE key IS NOT NULL AND ($1::text IS NULL OR task_identifier = $1)`,
        [task],
      );
      await db.query(
        `UPDATE outbox SET status = 'FAILED', last_error = 'dropped by the bench'
          WHERE status IN ('QUEUED', 'RETRYING') AND ($1::text IS NULL OR topic = 'statement')`,
        [task],
      );
      if (task === null)
        await db.query(
          `UPDATE webhook_deliveries SET status = 'FAILED', last_error = 'dropped by the bench'
            WHERE status IN ('PENDING', 'RETRYING')`,
        );
    };
    const endpointOn = (on: boolean) => db.query(`UPDATE webhook_endpoints SET enabled = $1`, [on]);
    /** Arrivals per second between the first and the last of `times` since `from`. */
    const rate = (times: number[], from: number) => {
      const xs = times.slice(from);
      if (xs.length < 2) return NaN;
      return (xs.length - 1) / ((maxOf(xs) - minOf(xs)) / 1000);
    };
    // The set-up's own messages (receipts, the grants' webhooks) are not measured.
    await dropJobs(null);

    // 1. peak
    let peak: number;
    if (settings.peak) {
      peak = settings.peak;
      say(`peak chargeTicket rate given: ${peak}/s`);
    } else {
      say(
        `peak: chargeTicket, ${settings.connections} connections, ${settings.peakSeconds} s, no worker`,
      );
      const pool = await openTickets(Math.ceil(2_500 * (settings.peakSeconds + 1)));
      let i = 0;
      const r = await runLoad({
        target,
        connections: settings.connections,
        warmupMs: 1_000,
        durationMs: settings.peakSeconds * 1000,
        next: () => {
          const t = pool[i++];
          return t ? { path: '/graphql', body: chargeBody(t) } : null;
        },
        serverPid: gateway.child.pid,
      });
      if (r.errors) throw new Error(`peak: ${r.errors} errors, first: ${r.firstError}`);
      if (r.exhausted) say('peak: the prepared tickets ran out; the rate is a lower bound');
      peak = r.rps;
      say(
        `peak: ${peak.toFixed(0)} charges/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, gateway CPU ${r.cpu?.toFixed(0) ?? '-'}%`,
      );
    }

    // 2. the peak's backlog, both kinds at once
    const queued = await backlog();
    let peakDrain: { statements: number; webhooks: number; cpu: number } | null = null;
    if (queued.statements + queued.webhooks > 0) {
      say(`draining the peak's backlog: ${queued.statements} e-mails, ${queued.webhooks} webhooks`);
      const m0 = mailTimes.length;
      const h0 = hookTimes.length;
      await startWorker();
      const c0 = workerCpu();
      await until(
        async () => {
          const b = await backlog();
          return b.statements + b.webhooks === 0;
        },
        "the peak's backlog",
        settings.drainTimeoutMs,
      );
      const cpu = cpuPer(c0, queued.statements + queued.webhooks);
      await stopWorker();
      peakDrain = { statements: rate(mailTimes, m0), webhooks: rate(hookTimes, h0), cpu };
    }

    // 3. statements/s: N e-mails queued, then the worker
    say(`statements: ${settings.n} charges queued, then the worker`);
    await endpointOn(false);
    await inParallel(await openTickets(settings.n), 4, charge);
    await endpointOn(true);
    let m0 = mailTimes.length;
    await startWorker();
    let c0 = workerCpu();
    await until(() => mailTimes.length - m0 >= settings.n, 'statements', settings.drainTimeoutMs);
    const statementCpu = cpuPer(c0, settings.n);
    await stopWorker();
    const statementsPerSec = rate(mailTimes, m0);

    // 4. webhooks/s: the same with the webhook jobs only
    say(`webhooks: ${settings.n} charges queued (their e-mails dropped), then the worker`);
    await inParallel(await openTickets(settings.n), 4, charge);
    await dropJobs('statement_mail');
    let h0 = hookTimes.length;
    await startWorker();
    c0 = workerCpu();
    await until(() => hookTimes.length - h0 >= settings.n, 'webhooks', settings.drainTimeoutMs);
    const webhookCpu = cpuPer(c0, settings.n);
    const webhooksPerSec = rate(hookTimes, h0);

    // 5. commit -> arrival at 4 clients, the worker running (it stays up from here)
    say(`commit -> arrival: ${settings.n} charges from 4 clients, the worker running`);
    // Each charge's statement, by the charge's id (the e-mail names the statement).
    const statementOf = new Map<string, string>();
    const statementsOf = async (made: Made[]) => {
      const { rows } = await db.query<{ id: string; charge: string }>(
        `SELECT id, payload->>'chargeId' AS charge FROM outbox
          WHERE topic = 'statement' AND payload->>'chargeId' = ANY($1::text[])`,
        [made.map((m) => m.chargeId)],
      );
      for (const r of rows) statementOf.set(r.charge, r.id);
    };
    const mailOf = (m: Made) => mails.get(statementOf.get(m.chargeId) ?? '');
    const latencyOf = (made: Made[]) => {
      const mail = made.flatMap((m) => {
        const at = mailOf(m);
        return at === undefined ? [] : [Math.max(0, at - m.committedAt)];
      });
      const hook = made.flatMap((m) => {
        const at = hooks.get(m.chargeId);
        return at === undefined ? [] : [Math.max(0, at - m.committedAt)];
      });
      return { mail, hook, missing: 2 * made.length - mail.length - hook.length };
    };
    const allArrived = (made: Made[]) =>
      made.every((m) => mailOf(m) !== undefined && hooks.has(m.chargeId));
    const closed = await inParallel(await openTickets(settings.n), 4, charge);
    await statementsOf(closed);
    await until(() => allArrived(closed), 'the charges delivered', settings.drainTimeoutMs);
    const closedLat = latencyOf(closed);

    // 6. sustained
    const sustained: {
      fraction: number;
      rate: number;
      made: number;
      achieved: number;
      errors: number;
      mailPerSec: number;
      hookPerSec: number;
      lat: ReturnType<typeof latencyOf>;
      atEnd: { statements: number; webhooks: number };
      after: { statements: number; webhooks: number };
      drainedIn: number | null;
      /** CPU during the load, in % of one core. */
      cpu: { worker: number; gateway: number };
    }[] = [];
    for (const fraction of settings.fractions) {
      const r = fraction * peak;
      const count = Math.max(1, Math.round(r * settings.seconds));
      say(
        `sustained: ${(fraction * 100).toFixed(0)}% of the peak, ${r.toFixed(0)} charges/s for ${settings.seconds} s`,
      );
      const pool = await openTickets(count);
      m0 = mailTimes.length;
      h0 = hookTimes.length;
      const made: Made[] = [];
      let errors = 0;
      const cpu0 = workerCpu();
      const gatewayCpu0 = cpuSeconds(gateway.child.pid);
      const t0 = performance.now();
      const inFlight: Promise<void>[] = [];
      for (let i = 0; i < count; i++) {
        const wait = t0 + (i / r) * 1000 - performance.now();
        if (wait >= 1) await sleep(wait);
        inFlight.push(
          charge(pool[i]!).then(
            (m) => void made.push(m),
            () => void errors++,
          ),
        );
      }
      await Promise.all(inFlight);
      const loadEnd = performance.now();
      const loadSeconds = (loadEnd - t0) / 1000;
      const cpu = {
        worker: ((workerCpu() - cpu0) / loadSeconds) * 100,
        gateway: ((cpuSeconds(gateway.child.pid) - gatewayCpu0) / loadSeconds) * 100,
      };
      await statementsOf(made);
      const atEnd = await backlog();
      const inWindow = (times: number[], from: number) =>
        times.slice(from).filter((t) => t <= loadEnd).length / ((loadEnd - t0) / 1000);
      const mailPerSec = inWindow(mailTimes, m0);
      const hookPerSec = inWindow(hookTimes, h0);
      await sleep(settings.after * 1000);
      const after = await backlog();
      let drainedIn: number | null = null;
      try {
        await until(
          () => allArrived(made),
          'the sustained charges delivered',
          settings.drainTimeoutMs,
        );
        const last = maxOf(made.flatMap((m) => [mailOf(m)!, hooks.get(m.chargeId)!]));
        drainedIn = Math.max(0, (last - loadEnd) / 1000);
      } catch {
        say('some messages did not arrive within BENCH_OUTBOUND_DRAIN_TIMEOUT');
      }
      await until(
        async () => {
          const b = await backlog();
          return b.statements + b.webhooks === 0;
        },
        'an empty queue before the next run',
        settings.drainTimeoutMs,
      );
      if (process.env.BENCH_OUTBOUND_TRACE)
        fs.writeFileSync(
          `${process.env.BENCH_OUTBOUND_TRACE}-${fraction}.csv`,
          [
            'committed_ms,email_ms,webhook_ms',
            ...made.map((m) =>
              [
                m.committedAt - t0,
                (mailOf(m) ?? NaN) - m.committedAt,
                (hooks.get(m.chargeId) ?? NaN) - m.committedAt,
              ]
                .map((x) => x.toFixed(1))
                .join(','),
            ),
          ].join('\n'),
        );
      sustained.push({
        fraction,
        rate: r,
        made: made.length,
        achieved: made.length / ((loadEnd - t0) / 1000),
        errors,
        mailPerSec,
        hookPerSec,
        lat: latencyOf(made),
        atEnd,
        after,
        drainedIn,
        cpu,
      });
    }

    // --- the report
    const defaults = loadConfig({});
    const concurrency = `WORKER_CONCURRENCY ${process.env.WORKER_CONCURRENCY || `${defaults.workerConcurrency} (default)`}, WEBHOOK_CONCURRENCY ${process.env.WEBHOOK_CONCURRENCY || `${defaults.webhookConcurrency} (default)`}`;
    console.log('');
    console.log(`outbound benchmark: one worker process (${concurrency}), N=${settings.n}`);
    console.log(
      `  peak chargeTicket rate (${settings.peak ? 'given' : `${settings.connections} connections, no worker`}): ${peak.toFixed(0)}/s`,
    );
    if (peakDrain)
      console.log(
        `  the peak's backlog, both kinds at once: ${peakDrain.statements.toFixed(0)} e-mails/s, ${peakDrain.webhooks.toFixed(0)} webhooks/s (worker CPU ${peakDrain.cpu.toFixed(2)} ms per message)`,
      );
    console.log(
      `  statements delivered/s (SMTP sink):     ${statementsPerSec.toFixed(0)}   target >= peak: ${met(statementsPerSec >= peak)}   (worker CPU ${statementCpu.toFixed(2)} ms per e-mail)`,
    );
    console.log(
      `  webhooks delivered/s (one endpoint):    ${webhooksPerSec.toFixed(0)}   target >= peak: ${met(webhooksPerSec >= peak)}   (worker CPU ${webhookCpu.toFixed(2)} ms per webhook)`,
    );
    console.log(
      `  commit -> arrival, 4 clients:           e-mail p50 ${ms(pct(closedLat.mail, 50))}, p99 ${ms(pct(closedLat.mail, 99))}; webhook p50 ${ms(pct(closedLat.hook, 50))}, p99 ${ms(pct(closedLat.hook, 99))}`,
    );
    for (const s of sustained) {
      const pc = (s.fraction * 100).toFixed(0);
      console.log(
        `  sustained ${pc}% (${s.rate.toFixed(0)}/s asked, ${s.achieved.toFixed(0)}/s made, ${s.made} charges in ${settings.seconds} s${s.errors ? `, ${s.errors} errors` : ''}):`,
      );
      console.log(
        `    delivered/s during the load:  e-mails ${s.mailPerSec.toFixed(0)}, webhooks ${s.hookPerSec.toFixed(0)} (CPU: worker ${s.cpu.worker.toFixed(0)}%, gateway ${s.cpu.gateway.toFixed(0)}% of a core)`,
      );
      for (const [kind, xs] of [
        ['e-mail ', s.lat.mail],
        ['webhook', s.lat.hook],
      ] as const)
        console.log(
          `    commit -> ${kind} arrival:    p50 ${ms(pct(xs, 50))}, p99 ${ms(pct(xs, 99))}, max ${ms(xs.length ? maxOf(xs) : NaN)}${fraction50(s.fraction) ? `   target p99 <= ${P99_TARGET_MS} ms: ${met(pct(xs, 99) <= P99_TARGET_MS && s.lat.missing === 0)}` : ''}`,
        );
      if (s.lat.missing) console.log(`    never arrived: ${s.lat.missing} messages`);
      const left = s.after.statements + s.after.webhooks;
      console.log(
        `    jobs waiting at the end:      ${s.atEnd.statements} e-mails, ${s.atEnd.webhooks} webhooks; ${settings.after} s later: ${s.after.statements} e-mails, ${s.after.webhooks} webhooks${s.drainedIn !== null ? ` (all delivered ${s.drainedIn.toFixed(1)} s after the load)` : ''}`,
      );
      if (fraction50(s.fraction) || s.fraction === 1)
        console.log(
          `    target: no backlog ${settings.after} s after the load: ${met(left === 0 && settings.after === 10)}${settings.after !== 10 ? ' (BENCH_OUTBOUND_AFTER is not 10)' : ''}`,
        );
    }
    if (settings.seconds !== 60)
      console.log(`  (the targets are for 60 s of load; this run had ${settings.seconds} s)`);
  } finally {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    for (const c of children) await c.stop().catch(() => undefined);
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

const fraction50 = (f: number) => f === 0.5;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
