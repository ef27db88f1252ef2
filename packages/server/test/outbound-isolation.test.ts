import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import type { JobRunner } from '../src/jobs/runner';
import { DISABLE_AFTER_MS } from '../src/jobs/tasks/webhook-delivery';
import {
  CHARGE,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import {
  SmtpSink,
  TricklingReceiver,
  WebhookReceiver,
  startTestWorker,
  waitFor,
} from './support/outbound';

// Issue 19, findings 2 and 3, attacked as the review did: receivers that
// trickle a byte at a time on several endpoints of one partner, and keys
// revoked or narrowed while their deliveries wait in the queue.

let g: TestGateway;
let smtp: SmtpSink;
let worker: JobRunner | null = null;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  g = await startGateway();
  smtp = await SmtpSink.start();
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
  await g.ds.query(`UPDATE webhook_endpoints SET enabled = false`);
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
  await smtp.down();
  await g.close();
});

async function endpoint(
  url: string,
  key: string | undefined,
  eventTypes = ['charge.created'],
): Promise<{ id: string; secret: string }> {
  const d = await g.ok<{ createWebhookEndpoint: { endpoint: { id: string }; secret: string } }>(
    `mutation($i: CreateWebhookEndpointInput!) {
       createWebhookEndpoint(input: $i) { endpoint { id } secret } }`,
    { i: { url, eventTypes } },
    key,
  );
  return { id: d.createWebhookEndpoint.endpoint.id, secret: d.createWebhookEndpoint.secret };
}

async function customer(credits = 200) {
  const accountId = await createAccount(g);
  const license = await issueLicense(g, accountId, { edition: 'OWNED' });
  await purchase(g, accountId, credits);
  const { account } = await g.ok<{ account: { email: string } }>(
    'query($id: ID!) { account(id: $id) { email } }',
    { id: accountId },
  );
  const charge = async () => {
    const ticketId = await openTicket(g, license.id);
    await g.ok(CHARGE, { i: { ticketId, credits: 20 } });
  };
  return { accountId, email: account.email, charge };
}

const deliveryRows = (endpointId: string) =>
  g.ds.query<{ id: string; status: string; last_error: string | null }[]>(
    `SELECT id, status, last_error FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY created_at`,
    [endpointId],
  );

const attemptCount = async (endpointId: string) =>
  (
    await g.ds.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM webhook_attempts a
         JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = $1`,
      [endpointId],
    )
  )[0].n;

describe('deliveries isolated (finding 2)', () => {
  it("trickling receivers on four endpoints neither delay a customer's statement nor escape the record", async () => {
    const trickle = await TricklingReceiver.start(300);
    closers.push(() => trickle.close());
    const clock = new ManualClock(new Date());
    const partnerCustomer = await customer();
    const partner = await createKey(g, 'PARTNER', [partnerCustomer.accountId]);
    const paths = ['/a', '/b', '/c', '/d'];
    const endpoints: string[] = [];
    for (const p of paths) endpoints.push((await endpoint(trickle.url(p), partner.secret)).id);

    // One slot for messages, two for webhooks: four slow endpoints could take every slot there is.
    worker = await startTestWorker(g, {
      concurrency: 1,
      webhookConcurrency: 2,
      mail: { smtpUrl: smtp.url },
      webhooks: { allowLocal: true, timeoutMs: 1_500, now: () => clock.now() },
    });
    for (let i = 0; i < 3; i++) await partnerCustomer.charge();
    await waitFor(
      () => [...trickle.inFlight.values()].some((n) => n > 0),
      'trickling receivers holding calls',
    );

    // An unrelated customer's statement still goes out at once.
    const other = await customer();
    await other.charge();
    await waitFor(
      () => smtp.statementsTo(other.email).length === 1,
      "the other customer's statement",
      8_000,
    );

    // The slow endpoint's attempts end at the deadline and are recorded.
    const slow = endpoints[0]!;
    await waitFor(async () => (await attemptCount(slow)) >= 1, 'a recorded attempt');
    const [attempt] = await g.ds.query<{ error: string | null; status_code: number | null }[]>(
      `SELECT a.error, a.status_code FROM webhook_attempts a
         JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = $1 LIMIT 1`,
      [slow],
    );
    expect(attempt!.status_code).toBeNull();
    expect(attempt!.error).toMatch(/no complete answer within 1500 ms/);

    // Five days of failures later (on the worker's clock) the next attempt disables it.
    clock.advance(DISABLE_AFTER_MS);
    const [disabled] = await waitFor(async () => {
      const rows = await g.ds.query<{ enabled: boolean; disabled_reason: string | null }[]>(
        `SELECT enabled, disabled_reason FROM webhook_endpoints WHERE id = $1`,
        [slow],
      );
      return rows[0]?.enabled === false ? rows : undefined;
    }, 'the slow endpoint disabled');
    expect(disabled!.disabled_reason).toMatch(/failing since/);
    await waitFor(
      async () => (await deliveryRows(slow)).every((d) => d.status === 'FAILED'),
      "the disabled endpoint's deliveries final",
    );

    await worker.stop();
    worker = null;
    // One attempt in flight per endpoint, and every attempt that reached a receiver is on record.
    expect(trickle.maxInFlightPerPath).toBe(1);
    for (const [i, p] of paths.entries())
      expect(await attemptCount(endpoints[i]!)).toBe(trickle.requests.get(p) ?? 0);
  });

  it('a key registers at most WEBHOOK_ENDPOINTS_PER_KEY endpoints (10 by default)', async () => {
    const inbox = await WebhookReceiver.start();
    closers.push(() => inbox.close());
    const { accountId } = await customer();
    const partner = await createKey(g, 'PARTNER', [accountId]);
    for (let i = 0; i < 10; i++) await endpoint(`${inbox.url}?n=${i}`, partner.secret);
    const r = await g.gql(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
      { i: { url: `${inbox.url}?n=10`, eventTypes: ['charge.created'] } },
      partner.secret,
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 10 });
    // Deleting one makes room again.
    const { webhookEndpoints } = await g.ok<{ webhookEndpoints: { id: string }[] }>(
      '{ webhookEndpoints { id } }',
      {},
      partner.secret,
    );
    await g.ok(
      'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }',
      { id: webhookEndpoints[0]!.id },
      partner.secret,
    );
    await endpoint(`${inbox.url}?n=11`, partner.secret);
  });
});

describe('revocation means silence (finding 3)', () => {
  const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }';

  it("a revoked admin key's endpoint hears nothing more", async () => {
    const revokedInbox = await WebhookReceiver.start();
    const controlInbox = await WebhookReceiver.start();
    closers.push(
      () => revokedInbox.close(),
      () => controlInbox.close(),
    );
    const admin = await createKey(g, 'ADMIN');
    revokedInbox.secret = (await endpoint(revokedInbox.url, admin.secret)).secret;
    controlInbox.secret = (await endpoint(controlInbox.url, undefined)).secret;
    const c = await customer();
    await g.ok(REVOKE, { id: admin.id });
    worker = await startTestWorker(g);
    await c.charge();
    await waitFor(() => controlInbox.delivered.length === 1, 'the control endpoint');
    await waitFor(
      async () =>
        (
          await g.ds.query<[{ n: number }]>(
            `SELECT count(*)::int AS n FROM webhook_deliveries WHERE status NOT IN ('DELIVERED', 'FAILED')`,
          )
        )[0].n === 0,
      'every delivery final',
    );
    expect(revokedInbox.requests).toHaveLength(0);
  });

  it('queued deliveries and replays to a revoked or de-scoped partner are dropped and recorded; old payloads of a lost account are not readable', async () => {
    const inboxRevoked = await WebhookReceiver.start();
    const inboxNarrowed = await WebhookReceiver.start();
    closers.push(
      () => inboxRevoked.close(),
      () => inboxNarrowed.close(),
    );
    const a = await customer();
    const b = await customer();
    const revoked = await createKey(g, 'PARTNER', [a.accountId]);
    const narrowed = await createKey(g, 'PARTNER', [a.accountId, b.accountId]);
    const e1 = await endpoint(inboxRevoked.url, revoked.secret);
    const e2 = await endpoint(inboxNarrowed.url, narrowed.secret);
    inboxRevoked.secret = e1.secret;
    inboxNarrowed.secret = e2.secret;

    // Delivered while in scope.
    worker = await startTestWorker(g);
    await a.charge();
    await waitFor(
      () => inboxRevoked.delivered.length === 1 && inboxNarrowed.delivered.length === 1,
      'the first deliveries',
    );
    await worker.stop();
    worker = null;

    // Queued while no worker runs; then one key revoked, the other narrowed to b.
    await a.charge();
    await g.ok(REVOKE, { id: revoked.id });
    await g.ok('mutation($i: UpdateApiKeyScopeInput!) { updateApiKeyScope(input: $i) { id } }', {
      i: { id: narrowed.id, accountIds: [b.accountId] },
    });

    // The narrowed partner no longer reads a's payloads, old or queued.
    const seen = await g.ok<{
      webhookEndpoints: { deliveries: { id: string; payload: string }[] }[];
    }>('{ webhookEndpoints { deliveries(first: 100) { id payload } } }', {}, narrowed.secret);
    expect(seen.webhookEndpoints.flatMap((e) => e.deliveries)).toEqual([]);

    // Staff replay the delivered one: dropped and recorded, not sent.
    const [delivered] = await deliveryRows(e2.id);
    const replayed = await g.ok<{ replayWebhookDelivery: { status: string; lastError: string } }>(
      'mutation($id: ID!) { replayWebhookDelivery(id: $id) { status lastError } }',
      { id: delivered!.id },
    );
    expect(replayed.replayWebhookDelivery.status).toBe('FAILED');
    expect(replayed.replayWebhookDelivery.lastError).toMatch(/dropped unsent.*scope/);

    worker = await startTestWorker(g);
    for (const [id, why] of [
      [e1.id, /dropped unsent: .*revoked/],
      [e2.id, /dropped unsent: .*scope/],
    ] as const) {
      const rows = await waitFor(async () => {
        const r = await deliveryRows(id);
        return r.length === 2 && r[1]!.status === 'FAILED' ? r : undefined;
      }, 'the queued delivery dropped');
      expect(rows[1]!.last_error).toMatch(why);
    }
    expect(inboxRevoked.requests).toHaveLength(1);
    expect(inboxNarrowed.requests).toHaveLength(1);
  });
});
