import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/jobs/runner';
import { guardedLookup } from '../src/webhooks/url-guard';
import {
  CHARGE,
  REFUND,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { WebhookReceiver, startTestWorker, waitFor } from './support/outbound';
import { TripLog } from './support/round-trips';

// Signed partner webhooks: a real HTTP receiver verifying with the
// standardwebhooks library, real job workers (one of them killed with -9).

let g: TestGateway;
let workers: JobRunner[] = [];
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  g = await startGateway();
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
  // Later tests must not see this one's endpoints.
  await g.ds.query(`UPDATE webhook_endpoints SET enabled = false`);
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await g.close();
});

const ALL = [
  'charge.created',
  'refund.created',
  'credits.purchased',
  'license.issued',
  'credits.expired',
];

async function receiver(): Promise<WebhookReceiver> {
  const r = await WebhookReceiver.start();
  receivers.push(r);
  return r;
}

async function register(
  r: WebhookReceiver,
  key?: string,
  extra: { eventTypes?: string[]; accountIds?: string[] } = {},
): Promise<string> {
  const d = await g.ok<{
    createWebhookEndpoint: {
      endpoint: { id: string; url: string; eventTypes: string[] };
      secret: string;
    };
  }>(
    `mutation($i: CreateWebhookEndpointInput!) {
       createWebhookEndpoint(input: $i) { endpoint { id url eventTypes } secret } }`,
    {
      i: {
        url: r.url,
        eventTypes: extra.eventTypes ?? ALL,
        description: 'test',
        accountIds: extra.accountIds ?? null,
      },
    },
    key,
  );
  expect(d.createWebhookEndpoint.secret).toMatch(/^whsec_/);
  r.secret = d.createWebhookEndpoint.secret;
  return d.createWebhookEndpoint.endpoint.id;
}

interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  attempts: { statusCode: number | null; latencyMs: number; responseExcerpt: string | null }[];
}

async function deliveries(endpointId: string, key?: string): Promise<DeliveryView[]> {
  const d = await g.ok<{ webhookEndpoints: { id: string; deliveries: DeliveryView[] }[] }>(
    `{ webhookEndpoints { id deliveries(first: 100) { id eventId eventType status attemptCount
         attempts { statusCode latencyMs responseExcerpt } } } }`,
    {},
    key,
  );
  return d.webhookEndpoints.find((e) => e.id === endpointId)?.deliveries ?? [];
}

describe('partner webhooks', () => {
  it('events arrive signed, once each, only to the endpoint whose scope holds the account', async () => {
    const partnerInbox = await receiver();
    const adminInbox = await receiver();
    const a = await createAccount(g);
    const b = await createAccount(g);
    const partner = await createKey(g, 'PARTNER', [a]);
    await register(partnerInbox, partner.secret);
    await register(adminInbox, undefined, { accountIds: [b], eventTypes: ['charge.created'] });
    workers.push(await startTestWorker(g));

    for (const accountId of [a, b]) {
      const license = await issueLicense(g, accountId, { edition: 'OWNED' });
      await purchase(g, accountId, 100);
      const ticketId = await openTicket(g, license.id);
      await g.ok(CHARGE, { i: { ticketId, credits: 30 } });
      await g.ok(REFUND, { i: { ticketId, reason: 'vendor bug' } });
    }
    const got = await waitFor(
      () =>
        partnerInbox.delivered.length >= 4 && adminInbox.delivered.length >= 1 ? true : undefined,
      'the events',
    );
    expect(got).toBe(true);
    // Let any stray duplicate show up: every delivery row must be final first.
    const [partnerEndpoint] = (
      await g.ok<{ webhookEndpoints: { id: string }[] }>(
        '{ webhookEndpoints { id } }',
        {},
        partner.secret,
      )
    ).webhookEndpoints;
    await waitFor(
      async () =>
        (await deliveries(partnerEndpoint!.id, partner.secret)).every(
          (d) => d.status === 'DELIVERED',
        ),
      'final delivery states',
    );

    expect(partnerInbox.requests.every((r) => r.verified)).toBe(true);
    expect(partnerInbox.delivered.map((e) => e.accountId)).toEqual([a, a, a, a]);
    expect(partnerInbox.delivered.map((e) => e.type).sort()).toEqual(
      ['charge.created', 'credits.purchased', 'license.issued', 'refund.created'].sort(),
    );
    expect(new Set(partnerInbox.requests.map((r) => r.id)).size).toBe(partnerInbox.requests.length);
    const license = partnerInbox.delivered.find((e) => e.type === 'license.issued')!;
    expect(license.data.creditsGranted).toBeGreaterThan(0);
    expect(license.data.creditLot).toMatchObject({ originalCredits: license.data.creditsGranted });
    const charge = partnerInbox.delivered.find((e) => e.type === 'charge.created')!;
    expect(charge.data).toMatchObject({ credits: 30 });
    expect(charge.data.id).toEqual(expect.any(String));

    expect(adminInbox.delivered.map((e) => [e.type, e.accountId])).toEqual([['charge.created', b]]);
    // The partner sees only its own endpoint.
    const seen = await g.ok<{ webhookEndpoints: { url: string }[] }>(
      '{ webhookEndpoints { url } }',
      {},
      partner.secret,
    );
    expect(seen.webhookEndpoints.map((e) => e.url)).toEqual([partnerInbox.url]);
  });

  it('receiver failing, then up: delivered after retries with the same webhook-id; attempts recorded', async () => {
    const inbox = await receiver();
    inbox.script = ['fail', 'fail'];
    const endpointId = await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    const accountId = await createAccount(g);
    workers.push(await startTestWorker(g));
    await purchase(g, accountId, 10);
    const [d] = await waitFor(async () => {
      const ds = await deliveries(endpointId);
      return ds[0]?.status === 'DELIVERED' ? ds : undefined;
    }, 'the delivery');
    expect(d!.attemptCount).toBe(3);
    expect(d!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 204]);
    expect(d!.attempts[0]!.responseExcerpt).toBe('nope');
    expect(inbox.requests.map((r) => r.id)).toEqual([d!.eventId, d!.eventId, d!.eventId]);
    expect(inbox.delivered).toHaveLength(1);
  });

  it('honours Retry-After when it asks for a longer wait than the schedule', async () => {
    const inbox = await receiver();
    inbox.script = ['busy'];
    const endpointId = await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    const accountId = await createAccount(g);
    workers.push(await startTestWorker(g)); // schedule: 100 ms after the first failure
    await purchase(g, accountId, 10);
    const rows = await waitFor(async () => {
      const r = await g.ds.query<{ at: Date; next: Date | null; status: string }[]>(
        `SELECT a.at, d.next_attempt_at AS next, d.status FROM webhook_deliveries d
           JOIN webhook_attempts a ON a.delivery_id = d.id WHERE d.endpoint_id = $1`,
        [endpointId],
      );
      return r.length === 1 && r[0]!.status === 'RETRYING' ? r : undefined;
    }, 'the 503 recorded');
    // Retry-After: 1 (second) beats the schedule's 100 ms.
    expect(rows[0]!.next!.getTime() - rows[0]!.at.getTime()).toBeGreaterThanOrEqual(1000);
    await waitFor(
      async () => (await deliveries(endpointId))[0]?.status === 'DELIVERED',
      'delivery',
    );
    expect(inbox.requests.map((r) => r.status)).toEqual([503, 204]);
  });

  it('a 410 Gone disables the endpoint', async () => {
    const inbox = await receiver();
    inbox.mode = 'gone';
    const endpointId = await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    const accountId = await createAccount(g);
    workers.push(await startTestWorker(g));
    await purchase(g, accountId, 10);
    const endpoint = await waitFor(async () => {
      const d = await g.ok<{
        webhookEndpoints: { id: string; enabled: boolean; disabledReason: string | null }[];
      }>('{ webhookEndpoints { id enabled disabledReason } }');
      const e = d.webhookEndpoints.find((x) => x.id === endpointId);
      return e && !e.enabled ? e : undefined;
    }, 'the endpoint disabled');
    expect(endpoint.disabledReason).toMatch(/410/);
    const [d] = await deliveries(endpointId);
    expect(d!.status).toBe('FAILED');
    expect(inbox.requests).toHaveLength(1);
  });

  it('an endpoint failing for days is disabled with the reason', async () => {
    const inbox = await receiver();
    inbox.mode = 'fail';
    const endpointId = await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    // Its failures began six days ago (the threshold is five).
    await g.ds.query(
      `UPDATE webhook_endpoints SET failing_since = now() - interval '6 days' WHERE id = $1`,
      [endpointId],
    );
    const accountId = await createAccount(g);
    workers.push(await startTestWorker(g));
    await purchase(g, accountId, 10);
    const endpoint = await waitFor(async () => {
      const d = await g.ok<{
        webhookEndpoints: { id: string; enabled: boolean; disabledReason: string | null }[];
      }>('{ webhookEndpoints { id enabled disabledReason } }');
      const e = d.webhookEndpoints.find((x) => x.id === endpointId);
      return e && !e.enabled ? e : undefined;
    }, 'the endpoint disabled');
    expect(endpoint.disabledReason).toMatch(/failing since/);
    const [d] = await waitFor(async () => {
      const ds = await deliveries(endpointId);
      return ds[0]?.status === 'FAILED' ? ds : undefined;
    }, 'the delivery given up');
    expect(d!.attemptCount).toBeLessThanOrEqual(2);
  });

  it('staff and the owner replay a delivery: the same event arrives again', async () => {
    const inbox = await receiver();
    const accountId = await createAccount(g);
    const partner = await createKey(g, 'PARTNER', [accountId]);
    const endpointId = await register(inbox, partner.secret, { eventTypes: ['credits.purchased'] });
    workers.push(await startTestWorker(g));
    await purchase(g, accountId, 10);
    await waitFor(() => inbox.delivered.length === 1, 'the first delivery');
    const [d] = await waitFor(async () => {
      const ds = await deliveries(endpointId, partner.secret);
      return ds[0]?.status === 'DELIVERED' ? ds : undefined;
    }, 'DELIVERED');
    const other = await createKey(g, 'PARTNER', []);
    const refused = await g.gql(
      'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }',
      { id: d!.id },
      other.secret,
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    await g.ok(
      'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }',
      { id: d!.id },
      partner.secret,
    );
    await waitFor(() => inbox.delivered.length === 2, 'the replay');
    expect(inbox.delivered[1]!.id).toBe(inbox.delivered[0]!.id);
  });

  it('two workers never deliver one job twice', async () => {
    const inbox = await receiver();
    await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    const accountId = await createAccount(g);
    workers.push(
      await startTestWorker(g, { concurrency: 3 }),
      await startTestWorker(g, { concurrency: 3 }),
    );
    await Promise.all(Array.from({ length: 24 }, () => purchase(g, accountId, 1)));
    await waitFor(() => inbox.delivered.length >= 24, '24 deliveries');
    const jobsLeft = async () =>
      (await g.ds.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM graphile_worker.jobs`))[0]
        .n;
    await waitFor(async () => (await jobsLeft()) === 0, 'no jobs left');
    expect(inbox.requests).toHaveLength(24);
    expect(new Set(inbox.requests.map((r) => r.id)).size).toBe(24);
    expect(inbox.maxInFlightPerId).toBe(1);
  });

  it("a backlog to one endpoint goes out in runs: a job goes on with the endpoint's next due deliveries, one lane at a time; a failure ends the run and is retried", async () => {
    const inbox = await receiver();
    inbox.script = ['ok', 'ok', 'ok', 'fail'];
    await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    const accountId = await createAccount(g);
    for (let i = 0; i < 12; i++) await purchase(g, accountId, 1); // queued: no worker yet
    const log = new TripLog();
    workers.push(
      await startTestWorker(g, { pgClient: log.client(), webhooks: { runMax: 5, lanes: 1 } }),
    );
    await waitFor(() => inbox.delivered.length >= 12, '12 deliveries');
    await waitFor(
      async () =>
        (
          await g.ds.query<[{ n: number }]>(
            `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'webhook_delivery'`,
          )
        )[0].n === 0,
      'no webhook job left',
    );
    // Each event once (the failed one twice), never two at a time.
    expect(inbox.requests).toHaveLength(13);
    expect(new Set(inbox.delivered.map((d) => d.id)).size).toBe(12);
    expect(inbox.maxInFlight).toBe(1);
    // In runs of at most 5: more than 2 jobs ran (the failure ended the first
    // run at its 4th), far fewer than one per delivery. A run starts with the
    // claim of its job's own delivery.
    const runs = log.trips.filter((t) => t.text.includes('SELECT $3::uuid AS id')).length;
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(runs).toBeLessThanOrEqual(6);
  });

  it('a new delivery wakes the webhook runner on its own channel, also while a run of its endpoint is sending; a replay too: none waits for a poll', async () => {
    const inbox = await receiver();
    inbox.answerAfterMs = 300; // each run holds the endpoint's queue while the next ones are made
    const endpointId = await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    const accountId = await createAccount(g);
    // No poll within the test: a delivery goes out only because a notification
    // woke a slot, or because the worker of the run holding its endpoint (whose
    // slots skip the nudge meanwhile) claims again as that job ends.
    workers.push(await startTestWorker(g, { pollIntervalMs: 600_000, webhooks: { runMax: 1 } }));
    await waitFor(
      async () =>
        (
          await g.ds.query<[{ n: number }]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN "credits:webhook_jobs"%'`,
          )
        )[0].n === 1,
      'the webhook runner listening',
    );
    const more: Promise<void>[] = [];
    inbox.onRequest = () => {
      if (more.length) return;
      more.push(
        (async () => {
          for (let i = 0; i < 3; i++) await purchase(g, accountId, 1);
        })(),
      );
    };
    await purchase(g, accountId, 1);
    await waitFor(() => inbox.delivered.length === 4, 'four deliveries');
    await Promise.all(more);
    const [d] = await deliveries(endpointId);
    await g.ok('mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }', { id: d!.id });
    await waitFor(() => inbox.delivered.length === 5, 'the replay');
    expect(new Set(inbox.delivered.map((x) => x.id)).size).toBe(4);
  });

  it('a healthy receiver gets up to eight deliveries at once from one job, each once; a failing one gets one at a time', async () => {
    const inbox = await receiver();
    await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    const accountId = await createAccount(g);
    for (let i = 0; i < 40; i++) await purchase(g, accountId, 1); // queued: no worker yet
    workers.push(await startTestWorker(g));
    await waitFor(() => inbox.delivered.length >= 40, '40 deliveries');
    expect(inbox.requests).toHaveLength(40);
    expect(new Set(inbox.delivered.map((d) => d.id)).size).toBe(40);
    expect(inbox.maxInFlightPerId).toBe(1);
    expect(inbox.maxInFlight).toBeGreaterThan(1);
    expect(inbox.maxInFlight).toBeLessThanOrEqual(8);

    // A receiver that fails: every attempt alone, retried until it answers.
    const failing = await receiver();
    failing.mode = 'fail';
    await register(failing, undefined, { eventTypes: ['credits.purchased'] });
    const other = await createAccount(g);
    for (let i = 0; i < 6; i++) await purchase(g, other, 1);
    await waitFor(() => failing.requests.length >= 8, 'failed attempts');
    expect(failing.maxInFlight).toBe(1);
    failing.mode = 'ok';
    await waitFor(() => failing.delivered.length >= 6, 'the six, once it answers');
    expect(new Set(failing.delivered.map((d) => d.id)).size).toBe(6);
    expect(failing.maxInFlightPerId).toBe(1);
  });

  it('graceful shutdown cuts an in-flight call short; the delivery is retried, not lost', async () => {
    const inbox = await receiver();
    inbox.script = ['hang'];
    const endpointId = await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    const accountId = await createAccount(g);
    const first = await startTestWorker(g, { shutdownAbortMs: 200 });
    const arrived = new Promise<void>((resolve) => (inbox.onRequest = () => resolve()));
    await purchase(g, accountId, 10);
    await arrived;
    await first.stop(); // resolves: the hung call is aborted, the attempt recorded
    const [d] = await deliveries(endpointId);
    expect(d!.status).toBe('RETRYING');
    expect(d!.attempts).toHaveLength(1);
    expect(d!.attempts[0]!.statusCode).toBeNull();
    workers.push(await startTestWorker(g));
    await waitFor(
      async () => (await deliveries(endpointId))[0]?.status === 'DELIVERED',
      'delivery',
    );
    expect(inbox.delivered).toHaveLength(1);
  });

  it('kill -9 of a worker mid-delivery: delivered after restart, not lost', async () => {
    const inbox = await receiver();
    inbox.script = ['hang'];
    const endpointId = await register(inbox, undefined, { eventTypes: ['credits.purchased'] });
    const accountId = await createAccount(g);
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'support', 'worker-child.ts')],
      {
        env: { ...process.env, DATABASE_URL: g.databaseUrl },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (b: Buffer) => b.toString().includes('ready') && resolve());
        child.once('exit', () => reject(new Error('worker child exited early')));
      });
      const arrived = new Promise<void>((resolve) => (inbox.onRequest = () => resolve()));
      await purchase(g, accountId, 10);
      await arrived; // the child is now inside the HTTP call, holding the job
      child.kill('SIGKILL');
      await exited;
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    workers.push(await startTestWorker(g));
    const [d] = await waitFor(async () => {
      const ds = await deliveries(endpointId);
      return ds[0]?.status === 'DELIVERED' ? ds : undefined;
    }, 'delivery after the restart');
    expect(inbox.delivered).toHaveLength(1);
    expect(inbox.requests.map((r) => r.id)).toEqual([d!.eventId]); // the hung request never answered
    expect(d!.attempts.map((a) => a.statusCode)).toEqual([204]);
  });
});

describe('SSRF guard', () => {
  let strict: TestGateway;
  beforeAll(async () => {
    strict = await startGateway({ webhookAllowLocal: false });
  });
  afterAll(async () => {
    await strict.close();
  });

  it.each([
    'http://127.0.0.1:8080/hook',
    'https://127.0.0.1/hook',
    'https://10.0.0.1/hook',
    'https://192.168.1.5/hook',
    'https://169.254.169.254/latest',
    'https://[::1]/hook',
    'https://[::ffff:10.0.0.1]/hook',
    'https://localhost/hook',
    'http://example.com/hook',
    'ftp://example.com/',
  ])('refuses %s outside the test setting', async (url) => {
    const r = await strict.gql(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
      { i: { url, eventTypes: ['charge.created'] } },
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    const rows = await strict.ds.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM webhook_endpoints`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('accepts a public https URL', async () => {
    const r = await strict.gql(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { url } } }`,
      { i: { url: 'https://hooks.partner.example/credits', eventTypes: ['charge.created'] } },
    );
    expect(r.errors).toBeUndefined();
    await strict.ds.query(`DELETE FROM webhook_endpoints`);
  });

  it('refuses a name that resolves to loopback when the socket connects', async () => {
    const err = await new Promise<Error | null>((resolve) =>
      guardedLookup(false)('localhost', {}, (e) => resolve(e)),
    );
    expect(err?.message).toMatch(/forbidden address/);
    const ok = await new Promise<Error | null>((resolve) =>
      guardedLookup(true)('localhost', {}, (e) => resolve(e)),
    );
    expect(ok).toBeNull();
  });
});
