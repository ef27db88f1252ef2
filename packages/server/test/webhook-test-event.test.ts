import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../src/jobs/runner';
import { createAccount, createKey, purchase } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { WebhookReceiver, startTestWorker, waitFor } from './support/outbound';

// sendTestWebhook: a signed webhook.test event to one endpoint only, sent by a
// real worker to a real node:http receiver that verifies the signature.

let g: TestGateway;
let workers: JobRunner[] = [];
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  g = await startGateway();
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
  await g.ds.query(`UPDATE webhook_endpoints SET enabled = false`);
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await g.close();
});

async function receiver(): Promise<WebhookReceiver> {
  const r = await WebhookReceiver.start();
  receivers.push(r);
  return r;
}

async function register(r: WebhookReceiver, key?: string, eventTypes = ['charge.created']) {
  const d = await g.ok<{
    createWebhookEndpoint: { endpoint: { id: string }; secret: string };
  }>(
    `mutation($i: CreateWebhookEndpointInput!) {
       createWebhookEndpoint(input: $i) { endpoint { id } secret } }`,
    { i: { url: r.url, eventTypes } },
    key,
  );
  r.secret = d.createWebhookEndpoint.secret;
  return d.createWebhookEndpoint.endpoint.id;
}

const SEND_TEST = `mutation($id: ID!) { sendTestWebhook(endpointId: $id) {
  id eventId eventType accountId endpointId status payload } }`;

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  accountId: string | null;
  endpointId: string;
  status: string;
  payload: string;
}

async function deliveries(endpointId: string, key?: string) {
  const d = await g.ok<{
    webhookEndpoints: {
      id: string;
      deliveries: {
        id: string;
        eventType: string;
        status: string;
        attempts: { statusCode: number | null }[];
      }[];
    }[];
  }>(
    `{ webhookEndpoints { id deliveries { id eventType status attempts { statusCode } } } }`,
    {},
    key,
  );
  return d.webhookEndpoints.find((e) => e.id === endpointId)?.deliveries ?? [];
}

describe('sendTestWebhook', () => {
  it('sends a signed webhook.test event to that endpoint only, on the normal delivery path', async () => {
    const inbox = await receiver();
    const bystander = await receiver();
    const a = await createAccount(g);
    const partner = await createKey(g, 'PARTNER', [a]);
    const endpointId = await register(inbox, partner.secret);
    // Another endpoint subscribed to webhook.test itself still hears nothing.
    await register(bystander, undefined, ['webhook.test', 'credits.purchased']);

    const sent = await g.ok<{ sendTestWebhook: Delivery }>(
      SEND_TEST,
      { id: endpointId },
      partner.secret,
    );
    const d = sent.sendTestWebhook;
    expect(d).toMatchObject({
      eventType: 'webhook.test',
      accountId: null,
      endpointId,
      status: 'PENDING',
    });
    expect(JSON.parse(d.payload)).toMatchObject({
      id: d.eventId,
      type: 'webhook.test',
      accountId: null,
      data: { endpointId },
    });
    // Enqueued like every delivery: the same task, job key and per-endpoint queue.
    const jobs = await g.ds.query<{ task: string; key: string; queue: string | null }[]>(
      `SELECT task_identifier AS task, key, queue_name AS queue FROM graphile_worker.jobs
        WHERE key = $1`,
      [`webhook:${d.id}`],
    );
    expect(jobs).toEqual([
      { task: 'webhook_delivery', key: `webhook:${d.id}`, queue: `webhook:${endpointId}` },
    ]);

    workers.push(await startTestWorker(g));
    await waitFor(() => (inbox.delivered.length === 1 ? true : undefined), 'the test event');
    expect(inbox.requests.map((r) => [r.id, r.verified])).toEqual([[d.eventId, true]]);
    expect(inbox.delivered[0]).toMatchObject({ id: d.eventId, type: 'webhook.test' });

    // The partner sees its test delivery in the log (its accountId is null).
    const seen = await waitFor(async () => {
      const ds = await deliveries(endpointId, partner.secret);
      return ds[0]?.status === 'DELIVERED' ? ds : undefined;
    }, 'the delivered test');
    expect(seen.map((x) => [x.id, x.eventType, x.attempts.map((t) => t.statusCode)])).toEqual([
      [d.id, 'webhook.test', [204]],
    ]);
    // Nothing else went out: no other endpoint's delivery and no fan-out.
    await purchase(g, a, 1); // a real event afterwards reaches the bystander first in line
    await waitFor(() => (bystander.delivered.length === 1 ? true : undefined), 'the purchase');
    expect(bystander.delivered.map((e) => e.type)).toEqual(['credits.purchased']);
    const [{ n }] = await g.ds.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE event_id = $1`,
      [d.eventId],
    );
    expect(n).toBe(1);
  });

  it("a partner cannot test another key's endpoint; a disabled endpoint is refused", async () => {
    const inbox = await receiver();
    const a = await createAccount(g);
    const owner = await createKey(g, 'PARTNER', [a]);
    const other = await createKey(g, 'PARTNER', [a]);
    const endpointId = await register(inbox, owner.secret);

    const foreign = await g.gql(SEND_TEST, { id: endpointId }, other.secret);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // An admin may test any endpoint.
    const byAdmin = await g.ok<{ sendTestWebhook: Delivery }>(SEND_TEST, { id: endpointId });
    expect(byAdmin.sendTestWebhook.endpointId).toBe(endpointId);

    await g.ok(`mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id } }`, {
      id: endpointId,
    });
    const disabled = await g.gql(SEND_TEST, { id: endpointId }, owner.secret);
    expect(disabled.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(disabled.errors?.[0]?.message).toMatch(/disabled/);
    const [{ n }] = await g.ds.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1`,
      [endpointId],
    );
    expect(n).toBe(1); // only the admin's
  });

  it('each attempt records the request sent and the answer: URL, headers, status, excerpt, latency', async () => {
    const inbox = await receiver();
    inbox.script = ['busy']; // 503 with Retry-After: 1, then 204
    const endpointId = await register(inbox);
    const sent = await g.ok<{ sendTestWebhook: Delivery }>(SEND_TEST, { id: endpointId });
    workers.push(await startTestWorker(g));
    const attempts = await waitFor(async () => {
      const d = await g.ok<{
        webhookEndpoints: {
          id: string;
          deliveries: { id: string; status: string; attempts: Attempt[] }[];
        }[];
      }>(
        `{ webhookEndpoints { id deliveries { id status attempts { statusCode latencyMs
             responseExcerpt error requestUrl requestHeaders { name value }
             responseHeaders { name value } } } } }`,
      );
      const mine = d.webhookEndpoints.find((e) => e.id === endpointId)!.deliveries[0]!;
      return mine.status === 'DELIVERED' ? mine.attempts : undefined;
    }, 'the retried test event');
    expect(attempts.map((a) => a.statusCode)).toEqual([503, 204]);
    expect(inbox.requests).toHaveLength(2);
    for (const [i, a] of attempts.entries()) {
      const got = inbox.requests[i]!.headers;
      expect(a.requestUrl).toBe(inbox.url);
      const names = a.requestHeaders!.map((h) => h.name);
      expect(new Set(names).size, 'each header once').toBe(names.length);
      const sentHeaders = Object.fromEntries(a.requestHeaders!.map((h) => [h.name, h.value]));
      // Exactly what the receiver got, signature included (an HMAC, not the secret).
      for (const name of [
        'host',
        'content-type',
        'user-agent',
        'webhook-id',
        'webhook-timestamp',
        'webhook-signature',
      ])
        expect(sentHeaders[name], name).toBe(got[name]);
      expect(sentHeaders['webhook-id']).toBe(sent.sendTestWebhook.eventId);
      expect(JSON.stringify(a.requestHeaders)).not.toContain(inbox.secret);
      expect(a.latencyMs).toBeGreaterThanOrEqual(0);
      expect(a.error).toBeNull();
    }
    const [busy, ok] = attempts;
    expect(busy!.responseExcerpt).toBe('nope');
    expect(busy!.responseHeaders).toEqual(
      expect.arrayContaining([
        { name: 'content-type', value: 'text/plain' },
        { name: 'retry-after', value: '1' },
      ]),
    );
    // Only the kept headers: no connection or keep-alive noise.
    expect(busy!.responseHeaders!.map((h) => h.name)).not.toContain('connection');
    expect(ok!.responseHeaders).toEqual(
      expect.arrayContaining([{ name: 'content-type', value: 'text/plain' }]),
    );
  });

  it('an attempt with no answer records the request, the error and no response', async () => {
    const inbox = await receiver();
    const endpointId = await register(inbox);
    const url = inbox.url;
    await inbox.close(); // nothing listens on the port any more
    receivers.splice(receivers.indexOf(inbox), 1);
    await g.ok(SEND_TEST, { id: endpointId });
    workers.push(await startTestWorker(g));
    const [row] = await waitFor(async () => {
      const r = await g.ds.query<
        {
          status_code: number | null;
          error: string | null;
          request_url: string;
          request_headers: { name: string }[] | null;
          response_headers: unknown;
        }[]
      >(
        `SELECT a.status_code, a.error, a.request_url, a.request_headers, a.response_headers
           FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
          WHERE d.endpoint_id = $1 ORDER BY a.id`,
        [endpointId],
      );
      return r.length ? r : undefined;
    }, 'the failed attempt');
    expect(row).toMatchObject({ status_code: null, request_url: url, response_headers: null });
    expect(row!.error).toMatch(/ECONNREFUSED/);
    expect(row!.request_headers!.map((h) => h.name)).toContain('webhook-signature');
  });
});

interface Attempt {
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
  requestUrl: string | null;
  requestHeaders: { name: string; value: string }[] | null;
  responseHeaders: { name: string; value: string }[] | null;
}
