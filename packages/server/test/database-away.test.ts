import 'reflect-metadata';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, migrate } from '../src/db/data-source';
import { QueryCounter } from '../src/db/query-counter';
import { buildGatewaySchema } from '../src/graphql/schema';
import { createGateway, type Gateway } from '../src/http/app';
import { ADMIN_KEY, type TestGateway, clientFor } from './support/gateway';
import {
  CHARGE,
  balance,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { waitFor } from './support/poll';
import { reconcile } from './support/reconcile';
import {
  createThrowawayPostgres,
  postgresBinDir,
  type ThrowawayPostgres,
} from './support/throwaway-postgres';

// Postgres restarted under load. The shared server must never be restarted,
// so this file runs its own throwaway cluster, stops it while charges are in
// flight and starts it again. Every answer must be a success or a clean 503
// SERVICE_UNAVAILABLE with Retry-After (never a 500, never driver text), the
// gateway must come back by itself, and retries with the same idempotency
// keys must leave the books exact.

const binDir = postgresBinDir();
const TICKETS = 60;
const COST = 20; // root-cause analysis on an OWNED license: 20..60

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

describe.skipIf(!binDir)('when Postgres is away', () => {
  let pg: ThrowawayPostgres;
  let ds: DataSource;
  let gateway: Gateway;
  let g: TestGateway;

  beforeAll(async () => {
    pg = await createThrowawayPostgres(binDir!);
    ds = createDataSource(pg.url, { poolSize: 20 });
    await ds.initialize();
    await migrate(ds);
    gateway = await createGateway({
      ds,
      schema: await buildGatewaySchema(),
      config: { adminKey: ADMIN_KEY, bodyLimit: '100kb', webDist: '/nonexistent' },
      log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    });
    const url = await gateway.listen(0, '127.0.0.1');
    g = { url, ds, queries: new QueryCounter(), ...clientFor(url), close: () => Promise.resolve() };
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
    await ds?.destroy().catch(() => undefined);
    await pg?.destroy();
  });

  async function charge(ticketId: string, key: string): Promise<Answer> {
    const res = await fetch(`${g.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query: CHARGE.toString(),
        variables: { i: { ticketId, credits: COST, idempotencyKey: `away-${ticketId}` } },
      }),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as Answer['body'],
    };
  }

  const readyz = async () => (await fetch(`${g.url}/readyz`)).status;

  it('answers 503 SERVICE_UNAVAILABLE while it restarts, recovers, and retries keep the books exact', async () => {
    const accountId = await createAccount(g);
    const license = await issueLicense(g, accountId, { edition: 'OWNED' });
    await purchase(g, accountId, TICKETS * COST);
    const before = await balance(g, accountId);
    const tickets: string[] = [];
    for (let i = 0; i < TICKETS; i++) tickets.push(await openTicket(g, license.id));
    // A stored key, so the API-key lookup in the request context hits the database too.
    const specialist = (await createKey(g, 'SPECIALIST')).secret;

    const answers: Answer[] = [];
    const charged = new Map<string, string>();
    const queue = [...tickets];
    let stopped = false;
    const worker = async () => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        const a = await charge(t, specialist);
        answers.push(a);
        const id = (a.body.data as { chargeTicket?: { id: string } } | null)?.chargeTicket?.id;
        if (id) charged.set(t, id);
        if (stopped) await new Promise((r) => setTimeout(r, 50)); // keep load on, not a spin
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, worker));

    await waitFor(() => charged.size >= 5, 'five charges under load', 20_000);
    await pg.stop();
    stopped = true;
    // A probe sent now is refused within the readiness bound (1 s) plus slack.
    const t0 = Date.now();
    expect(await readyz()).toBe(503);
    expect(Date.now() - t0).toBeLessThan(2_000);
    await load; // the rest of the queue runs against the stopped database
    const exported = await fetch(`${g.url}/export/charges.csv`, {
      headers: { authorization: `Bearer ${specialist}` },
    });
    expect(exported.status).toBe(503);
    expect(exported.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await exported.json()).toMatchObject({
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });

    await pg.start();
    await waitFor(async () => (await readyz()) === 200, '/readyz 200 again', 15_000, 100);

    // Retry every ticket, charged or not, with its original idempotency key.
    for (const t of tickets) {
      let a = await charge(t, specialist);
      for (let tries = 0; a.status !== 200 && tries < 20; tries++) {
        await new Promise((r) => setTimeout(r, 200));
        a = await charge(t, specialist);
      }
      answers.push(a);
      const id = (a.body.data as { chargeTicket: { id: string } }).chargeTicket.id;
      // A charge answered before the stop is the very charge the retry returns.
      if (charged.has(t)) expect(id).toBe(charged.get(t));
      charged.set(t, id);
    }

    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    for (const a of unavailable) {
      expect(a.retryAfter).toMatch(/^\d+$/);
      expect(a.body.errors?.map((e) => e.extensions.code)).toEqual(
        a.body.errors?.map(() => 'SERVICE_UNAVAILABLE'),
      );
      expect(JSON.stringify(a.body)).not.toMatch(
        /ECONN|terminat|postgres|SQL|connection|driver|stack/i,
      );
    }

    // Books exact: each ticket charged once, the balance down by exactly that.
    const [{ n }] = await ds.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM charges WHERE account_id = $1',
      [accountId],
    );
    expect(n).toBe(TICKETS);
    expect(new Set(charged.values()).size).toBe(TICKETS);
    expect(await balance(g, accountId)).toBe(before - TICKETS * COST);
    expect(await reconcile(ds)).toEqual([]);
  });
});
