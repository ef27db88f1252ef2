import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ApolloServerPlugin } from '@apollo/server';
import express, { type Router } from 'express';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { jobRegistry } from '../jobs/metrics';
import { sameSecret } from '../keys/secrets';
import { lockWaitChannel } from '../ledger/account-lock';
import { writeSlotUsage } from '../ledger/ledger-transaction';

// GET /metrics in Prometheus' text format, for this process: GraphQL
// requests by operation and outcome, the Postgres pool, the write slots and
// account-lock waits. Served only with METRICS_TOKEN as a Bearer token.

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Operation names are the client's choice: bound the label's values. */
const MAX_OPERATIONS = 200;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const CODE = /^[A-Z_]{1,40}$/;

export interface GatewayMetrics {
  registry: Registry;
  plugin: ApolloServerPlugin;
  /** A request answered outside Apollo (the compiled reads' short path). */
  answered: (operationName: string | null, seconds: number) => void;
  router: Router;
  close: () => void;
}

export function createMetrics(opts: { ds: DataSource; token: string | undefined }): GatewayMetrics {
  const { ds, token } = opts;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'credits_' });

  const labelNames = ['operation', 'outcome'] as const;
  const requests = new Counter({
    name: 'credits_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok or the first error code).',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'credits_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name and outcome.',
    labelNames,
    buckets: BUCKETS,
    registers: [registry],
  });

  const pool = (ds.driver as unknown as { master: Pool }).master;
  new Gauge({
    name: 'credits_db_pool_connections',
    help: 'Postgres connections of this process by state (in_use, idle).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  new Gauge({
    name: 'credits_db_pool_waiting',
    help: 'Queries waiting for a free Postgres connection.',
    registers: [registry],
    collect() {
      this.set(pool.waitingCount);
    },
  });
  new Gauge({
    name: 'credits_write_slots',
    help: 'Ledger write slots of this process (at most half the pool) by state (in_use, queued, size).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const u = writeSlotUsage(ds);
      this.set({ state: 'in_use' }, u.inUse);
      this.set({ state: 'queued' }, u.queued);
      this.set({ state: 'size' }, u.size);
    },
  });
  const lockWait = new Histogram({
    name: 'credits_account_lock_wait_seconds',
    help: 'Time to take an account row lock (the wait behind other writers of that account).',
    buckets: [0.001, ...BUCKETS],
    registers: [registry],
  });
  const onLockWait = (m: unknown) => lockWait.observe((m as { seconds: number }).seconds);
  subscribe(lockWaitChannel.name, onLockWait);

  const seen = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!NAME.test(name)) return 'invalid';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATIONS) return 'other';
    seen.add(name);
    return name;
  };
  const outcomeOf = (errors: readonly { extensions?: Record<string, unknown> }[] | undefined) => {
    const code = errors?.[0]?.extensions?.code;
    if (!errors?.length) return 'ok';
    return typeof code === 'string' && CODE.test(code) ? code : 'error';
  };

  const plugin: ApolloServerPlugin = {
    // eslint-disable-next-line @typescript-eslint/require-await
    async requestDidStart() {
      const start = process.hrtime.bigint();
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async willSendResponse({ operationName, request, response }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          const labels = {
            operation: operationLabel(operationName ?? request.operationName),
            outcome: outcomeOf(errors),
          };
          requests.inc(labels);
          duration.observe(labels, Number(process.hrtime.bigint() - start) / 1e9);
        },
      };
    },
    // Refused before execution (no key, rate limited, database away).
    // eslint-disable-next-line @typescript-eslint/require-await
    async contextCreationDidFail({ error }) {
      const code = (error as { extensions?: Record<string, unknown> }).extensions?.code;
      requests.inc({
        operation: 'unknown',
        outcome: typeof code === 'string' && CODE.test(code) ? code : 'error',
      });
    },
  };

  const answered = (operationName: string | null, seconds: number) => {
    const labels = { operation: operationLabel(operationName), outcome: 'ok' };
    requests.inc(labels);
    duration.observe(labels, seconds);
  };

  const router = express.Router();
  router.get('/metrics', async (req, res) => {
    if (!token) {
      res.status(404).type('text').send('Metrics are off: set METRICS_TOKEN.');
      return;
    }
    const given = /^Bearer\s+(\S{1,500})$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!given || !sameSecret(given, token)) {
      res.status(401).set('www-authenticate', 'Bearer').type('text').send('Unauthorized.');
      return;
    }
    // The in-process job worker's counters too (a separate worker process has its own).
    const all = Registry.merge([registry, jobRegistry]);
    res.set('content-type', all.contentType).send(await all.metrics());
  });

  return {
    registry,
    plugin,
    answered,
    router,
    close: () => unsubscribe(lockWaitChannel.name, onLockWait),
  };
}
