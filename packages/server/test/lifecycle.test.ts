import 'reflect-metadata';
import type { ResultOf } from '@graphql-typed-document-node/core';
import http from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source';
import { QueryCounter } from '../src/db/query-counter';
import { buildGatewaySchema } from '../src/graphql/schema';
import { createGateway, type Gateway } from '../src/http/app';
import { cloneTemplate, dropDatabase, urlFor } from './support/databases';
import {
  ADMIN_KEY,
  type GqlResult,
  type TestGateway,
  clientFor,
  startGateway,
} from './support/gateway';
import { CHARGE, createAccount, issueLicense, openTicket, purchase } from './support/fixtures';
import { reconcile } from './support/reconcile';
import { expectData } from './support/results';

// Process lifecycle: the probes an orchestrator polls, and a graceful
// shutdown that lets every request already in flight finish.

let g: TestGateway;
beforeAll(async () => {
  g = await startGateway();
});
afterAll(() => g?.close());

/** A GET on a fresh connection (no keep-alive pool), so a closed server shows as refused. */
function rawGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe('health probes', () => {
  it('GET /healthz answers 200 without a key', async () => {
    const res = await fetch(`${g.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 without a key when the database is reachable', async () => {
    const res = await fetch(`${g.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });
});

/** A gateway whose Gateway handle the test keeps, built as test/support/gateway.ts builds one. */
async function ownGateway() {
  const database = await cloneTemplate();
  const ds = createDataSource(urlFor(database), { poolSize: 40 });
  await ds.initialize();
  const gateway: Gateway = await createGateway({
    ds,
    schema: await buildGatewaySchema(),
    config: { adminKey: ADMIN_KEY, bodyLimit: '100kb', webDist: '/nonexistent' },
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const url = await gateway.listen(0, '127.0.0.1');
  const { gql, ok } = clientFor(url);
  // Shaped like a TestGateway so the fixtures work on it; closing is the test's business.
  const t: TestGateway = {
    url,
    ds,
    queries: new QueryCounter(),
    gql,
    ok,
    close: () => Promise.resolve(),
  };
  let disposed = false;
  return {
    url,
    ds,
    gateway,
    t,
    async dispose() {
      if (disposed) return;
      disposed = true;
      if (gateway.server.listening) await gateway.close();
      if (ds.isInitialized) await ds.destroy();
      await dropDatabase(database);
    },
  };
}

describe('graceful shutdown', () => {
  it('close() lets every in-flight request finish successfully, then refuses new connections', async () => {
    const own = await ownGateway();
    try {
      const t = own.t;
      const acc = await createAccount(t);
      const lic = await issueLicense(t, acc, {
        edition: 'OWNED',
        listPriceCents: 10_000,
        paidPriceCents: 7_000,
      });
      await purchase(t, acc, 1_000);
      const tickets = await Promise.all(Array.from({ length: 20 }, () => openTicket(t, lic.id)));

      // Make the batch slow: hold the account's row lock (read-only, nothing is
      // written) so every charge is inside its transaction, queued on the lock.
      const qr = own.ds.createQueryRunner();
      await qr.connect();
      await qr.startTransaction();
      await qr.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [acc]);
      let inFlight: Promise<GqlResult<ResultOf<typeof CHARGE>>[]>;
      let closing: Promise<void>;
      try {
        inFlight = Promise.all(
          tickets.map((ticketId) => t.gql(CHARGE, { i: { ticketId, credits: 30 } })),
        );
        for (let i = 0; ; i++) {
          const [{ n }] = await own.ds.query<[{ n: number }]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'`,
          );
          if (n >= tickets.length) break;
          if (i > 2_000)
            throw new Error(`only ${n} of ${tickets.length} charges reached the database`);
          await new Promise((r) => setTimeout(r, 5));
        }

        // Shut down while all 20 are in flight.
        closing = own.gateway.close();
        // The listener goes away at once: a new connection is refused...
        for (let i = 0; own.gateway.server.listening; i++) {
          if (i > 2_000) throw new Error('the server kept listening after close()');
          await new Promise((r) => setTimeout(r, 5));
        }
        await expect(rawGet(`${own.url}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
      } finally {
        // ...and the queued requests are released.
        await qr.commitTransaction();
        await qr.release();
      }

      const results = await inFlight;
      await closing;

      // Every request that was in flight completed, successfully.
      for (const r of results) {
        expect(r.status).toBe(200);
        expect(r.errors).toBeUndefined();
        expect(expectData(r).chargeTicket.credits).toBe(30);
      }
      expect(
        results.map((r) => expectData(r).chargeTicket.balanceAfter).sort((a, b) => b - a),
      ).toEqual(Array.from({ length: 20 }, (_, i) => 1_000 - 30 * (i + 1)));
      // The work was committed, and the books still add up.
      const [{ n }] = await own.ds.query<[{ n: number }]>(
        'SELECT count(*)::int AS n FROM charges WHERE account_id = $1',
        [acc],
      );
      expect(n).toBe(20);
      const [{ b }] = await own.ds.query<[{ b: number }]>(
        'SELECT COALESCE(sum(remaining_credits), 0)::int AS b FROM credit_lots WHERE account_id = $1',
        [acc],
      );
      expect(b).toBe(400);
      expect(await reconcile(own.ds)).toEqual([]);
    } finally {
      await own.dispose();
    }
  });

  it('close() on an idle gateway returns, and /readyz answers 503 when the database is gone', async () => {
    const own = await ownGateway();
    try {
      const before = await rawGet(`${own.url}/readyz`);
      expect(before.status).toBe(200);
      await own.ds.destroy();
      const ready = await rawGet(`${own.url}/readyz`);
      expect(ready.status).toBe(503);
      const live = await rawGet(`${own.url}/healthz`);
      expect(live.status).toBe(200);
      await own.gateway.close();
      expect(own.gateway.server.listening).toBe(false);
    } finally {
      await own.dispose();
    }
  });
});
