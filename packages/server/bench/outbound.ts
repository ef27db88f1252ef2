/*
## Outbound benchmark

    corepack pnpm bench:outbound                       # from the repo root
    BENCH_OUTBOUND_N=200 corepack pnpm bench:outbound  # smaller

On a throwaway database (`DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/postgres)
with an in-process gateway, SMTP sink (smtp-server) and webhook receiver (node:http), it
measures with ONE job worker (WORKER_CONCURRENCY, default 4):

1. statements/s: N charges are made with no worker running (N statement jobs queued), then
   the worker starts and the time until the sink has all N e-mails is taken;
2. webhooks/s: the same for N purchases with one endpoint subscribed to credits.purchased;
3. commit -> arrival: with the worker running, N charges from 4 clients, each timed from
   its mutation's response (just after COMMIT) to the arrival of its charge.created
   webhook at the receiver (p50 / p99).
*/
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { createDataSource, migrate } from '../src/db/data-source';
import { buildGatewaySchema } from '../src/graphql/schema';
import { createGateway } from '../src/http/app';
import { startJobRunner, type JobRunner } from '../src/jobs/runner';
import { generateSecretKey, parseSecretKey, SecretBox } from '../src/webhooks/secret-box';

const N = Number(process.env.BENCH_OUTBOUND_N ?? 500);
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 4);
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const log = pino({ level: 'silent' });

async function admin(sql: string) {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function until(cond: () => boolean, what: string, timeoutMs = 300_000) {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function main() {
  const database = `credits_bench_outbound_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${database}`);
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  const dbUrl = u.toString();
  const ds = createDataSource(dbUrl, { poolSize: 20 });
  let worker: JobRunner | null = null;
  const closers: (() => Promise<unknown>)[] = [];
  try {
    await ds.initialize();
    await migrate(ds);
    const adminKey = randomBytes(24).toString('hex');
    const webhookSecretKey = generateSecretKey();
    const gateway = await createGateway({
      ds,
      schema: await buildGatewaySchema(),
      config: {
        adminKey,
        bodyLimit: '100kb',
        webDist: '/nonexistent',
        webhookAllowLocal: true,
        webhookSecretKey,
      },
      log,
    });
    const base = await gateway.listen(0, '127.0.0.1');
    closers.push(() => gateway.close());
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };

    let mails = 0;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _s, cb) {
        stream.resume();
        stream.on('end', () => {
          mails++;
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    closers.push(() => new Promise((r) => smtp.close(() => r(undefined))));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

    const arrivals = new Map<string, number>(); // charge id -> arrival time
    let hooks = 0;
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        const p = JSON.parse(Buffer.concat(chunks).toString()) as {
          type: string;
          data: { id: string };
        };
        hooks++;
        if (p.type === 'charge.created') arrivals.set(p.data.id, at);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => receiver.close(r)));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;

    const startWorker = () =>
      startJobRunner({
        databaseUrl: dbUrl,
        log,
        concurrency: CONCURRENCY,
        mail: { smtpUrl, from: 'bench@example.com', mailDir: '/nonexistent' },
        webhooks: { allowLocal: true, secrets: new SecretBox(parseSecretKey(webhookSecretKey)) },
      });

    // Accounts with credits enough for their charges; tickets to charge.
    const accounts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gql<{ createAccount: { id: string } }>(
          'mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }',
          { i: { name: `Bench ${i}`, email: `bench-${i}@example.com` } },
        ).then((d) => d.createAccount.id),
      ),
    );
    const licenses: string[] = [];
    for (const accountId of accounts) {
      const d = await gql<{ issueLicense: { id: string } }>(
        'mutation($i: IssueLicenseInput!) { issueLicense(input: $i) { id } }',
        {
          i: {
            accountId,
            edition: 'OWNED',
            domain: 'bench.example',
            orderDate: new Date(Date.now() - 86_400_000).toISOString(),
            listPriceCents: 10_000,
            paidPriceCents: 10_000,
          },
        },
      );
      licenses.push(d.issueLicense.id);
      await gql('mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }', {
        i: { accountId, credits: 100 * N, paymentReference: `bench-${accountId}` },
      });
    }
    let seq = 0;
    const charge = async () => {
      const k = seq++;
      const { openTicket } = await gql<{ openTicket: { id: string } }>(
        'mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }',
        {
          i: {
            licenseId: licenses[k % licenses.length],
            category: 'ROOT_CAUSE_ANALYSIS',
            subject: `t${k}`,
          },
        },
      );
      const d = await gql<{ chargeTicket: { id: string } }>(
        'mutation($i: ChargeTicketInput!) { chargeTicket(input: $i) { id } }',
        { i: { ticketId: openTicket.id, credits: 20 } },
      );
      return { id: d.chargeTicket.id, committedAt: performance.now() };
    };
    const inParallel = async <T>(n: number, clients: number, fn: () => Promise<T>) => {
      const out: T[] = [];
      let left = n;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (left-- > 0) out.push(await fn());
        }),
      );
      return out;
    };

    // 1. statements/s
    await inParallel(N, 4, charge);
    worker = await startWorker();
    let t0 = performance.now();
    await until(() => mails >= N, 'statements');
    const statementsPerSec = N / ((performance.now() - t0) / 1000);
    await worker.stop();
    worker = null;

    // 2. webhooks/s
    await gql(
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }',
      {
        i: { url: hookUrl, eventTypes: ['credits.purchased', 'charge.created'] },
      },
    );
    await inParallel(N, 4, async () => {
      await gql('mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }', {
        i: {
          accountId: accounts[seq++ % accounts.length],
          credits: 1,
          paymentReference: `p-${seq}`,
        },
      });
    });
    worker = await startWorker();
    t0 = performance.now();
    await until(() => hooks >= N, 'webhooks');
    const webhooksPerSec = N / ((performance.now() - t0) / 1000);

    // 3. commit -> arrival (statements flow too: it is the real mix)
    const made = await inParallel(N, 4, charge);
    await until(() => made.every((m) => arrivals.has(m.id)), 'charge webhooks');
    const lat = made.map((m) => Math.max(0, arrivals.get(m.id)! - m.committedAt));

    console.log(`outbound benchmark: N=${N}, one worker, concurrency ${CONCURRENCY}`);
    console.log(`  statements delivered/s (SMTP sink):     ${statementsPerSec.toFixed(0)}`);
    console.log(`  webhooks delivered/s (local receiver):  ${webhooksPerSec.toFixed(0)}`);
    console.log(
      `  charge commit -> webhook arrival:       p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms`,
    );
  } finally {
    await worker?.stop();
    for (const c of closers.reverse()) await c().catch(() => undefined);
    if (ds.isInitialized) await ds.destroy();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
