import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import type { JobRunner } from '../src/jobs/runner';
import {
  DEFAULT_SECRET_OVERLAP_MS,
  generateSecretKey,
  parseSecretKey,
  SecretBox,
  SecretKeyError,
  sealPlainSecrets,
} from '../src/webhooks/secret-box';
import { createAccount, purchase } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { WebhookReceiver, startTestWorker, waitFor } from './support/outbound';
import { WEBHOOK_SECRET_KEY } from './support/webhook-key';

// Issue 19 finding 13: webhook secrets encrypted at rest, and a rotation whose
// old secret keeps signing (beside the new) for an overlap window.

let g: TestGateway;
// The worker's clock (the instant of each attempt): moved past the overlap.
// The gateway keeps the database's, so the ledger it writes stays consistent.
const clock = new ManualClock(new Date());
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

async function register(r: WebhookReceiver, accountId: string): Promise<string> {
  const d = await g.ok<{
    createWebhookEndpoint: { endpoint: { id: string }; secret: string };
  }>(
    `mutation($i: CreateWebhookEndpointInput!) {
       createWebhookEndpoint(input: $i) { endpoint { id } secret } }`,
    { i: { url: r.url, eventTypes: ['credits.purchased'], accountIds: [accountId] } },
  );
  r.secret = d.createWebhookEndpoint.secret;
  return d.createWebhookEndpoint.endpoint.id;
}

async function rotate(id: string): Promise<string> {
  const d = await g.ok<{ rotateWebhookSecret: { secret: string } }>(
    `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
    { id },
  );
  return d.rotateWebhookSecret.secret;
}

const stored = async (id: string) =>
  (
    await g.ds.query<{ secret: string; previous_secret: string | null }[]>(
      `SELECT secret, previous_secret FROM webhook_endpoints WHERE id = $1`,
      [id],
    )
  )[0]!;

const verifies = (secret: string, req: { body: string; headers: Record<string, string> }) => {
  try {
    new Webhook(secret).verify(req.body, req.headers);
    return true;
  } catch {
    return false;
  }
};

/** One credits.purchased event, and the request that carried it to `r`. */
async function oneEvent(r: WebhookReceiver, accountId: string) {
  const before = r.raw.length;
  await purchase(g, accountId, 10);
  return waitFor(() => r.raw[before], 'the event at the receiver');
}

describe('webhook secrets at rest', () => {
  it('the row holds no secret in clear text; deliveries still verify at the receiver', async () => {
    const r = await receiver();
    const accountId = await createAccount(g);
    const id = await register(r, accountId);
    const row = await stored(id);
    expect(row.secret).toMatch(/^v1:/);
    expect(row.secret).not.toContain(r.secret);
    expect(row.secret).not.toContain(r.secret.slice('whsec_'.length));
    // And the key opens it to the secret the caller was shown.
    expect(new SecretBox(parseSecretKey(WEBHOOK_SECRET_KEY)).open(row.secret)).toBe(r.secret);

    workers.push(await startTestWorker(g));
    await purchase(g, accountId, 10);
    const got = await waitFor(() => r.delivered[0], 'a delivery');
    expect(got.verified).toBe(true);
    expect(r.requests.every((q) => q.verified)).toBe(true);
  });

  it('start-up seals rows from before encryption, and they keep signing', async () => {
    const r = await receiver();
    const accountId = await createAccount(g);
    const id = await register(r, accountId);
    // A row as an older release stored it: the secret in clear.
    await g.ds.query(`UPDATE webhook_endpoints SET secret = $2 WHERE id = $1`, [id, r.secret]);
    const box = new SecretBox(parseSecretKey(WEBHOOK_SECRET_KEY));
    const sealed = await g.ds.transaction((tx) =>
      sealPlainSecrets((sql, p) => tx.query(sql, p), box),
    );
    expect(sealed).toBe(1);
    const row = await stored(id);
    expect(row.secret).toMatch(/^v1:/);
    expect(row.secret).not.toContain(r.secret);
    // Idempotent: a second start has nothing left to seal.
    expect(
      await g.ds.transaction((tx) => sealPlainSecrets((sql, p) => tx.query(sql, p), box)),
    ).toBe(0);

    workers.push(await startTestWorker(g));
    const req = await oneEvent(r, accountId);
    expect(verifies(r.secret, req)).toBe(true);
  });

  it('a wrong key fails loudly: at start-up, and a worker holding it sends nothing', async () => {
    const r = await receiver();
    const accountId = await createAccount(g);
    const id = await register(r, accountId);
    const wrong = new SecretBox(parseSecretKey(generateSecretKey()));
    const startUp = g.ds.transaction((tx) => sealPlainSecrets((sql, p) => tx.query(sql, p), wrong));
    await expect(startUp).rejects.toThrow(SecretKeyError);
    await expect(startUp).rejects.toThrow('WEBHOOK_SECRET_KEY is not the key it was sealed with');
    expect(() => parseSecretKey('too-short')).toThrow(/WEBHOOK_SECRET_KEY: must be 32 bytes/);

    workers.push(await startTestWorker(g, { webhooks: { secrets: wrong } }));
    await purchase(g, accountId, 10);
    // The job fails with the reason and is retried later; no attempt is recorded against the endpoint.
    const error = await waitFor(
      async () =>
        (
          await g.ds.query<{ last_error: string | null }[]>(
            `SELECT j.last_error FROM graphile_worker.jobs j
              WHERE j.task_identifier = 'webhook_delivery' AND j.last_error IS NOT NULL`,
          )
        )[0]?.last_error ?? undefined,
      'the failed job',
    );
    expect(error).toContain('WEBHOOK_SECRET_KEY is not the key it was sealed with');
    expect(r.raw).toHaveLength(0);
    const [{ n }] = await g.ds.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM webhook_attempts a
         JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = $1`,
      [id],
    );
    expect(n).toBe(0);
  });
});

describe('rotation with an overlap', () => {
  it('the old secret verifies during the window and not after; the new one always', async () => {
    const r = await receiver();
    const accountId = await createAccount(g);
    const id = await register(r, accountId);
    const oldSecret = r.secret;
    workers.push(await startTestWorker(g, { webhooks: { now: () => clock.now() } }));

    clock.set(new Date());
    const newSecret = await rotate(id);
    expect(newSecret).not.toBe(oldSecret);
    const row = await stored(id);
    expect(row.previous_secret).toMatch(/^v1:/);
    expect(row.previous_secret).not.toContain(oldSecret);

    // Within the window: two signatures, either secret verifies.
    const during = await oneEvent(r, accountId);
    expect(during.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verifies(oldSecret, during)).toBe(true);
    expect(verifies(newSecret, during)).toBe(true);
    // The receiver, still on the old secret, takes it.
    expect((await waitFor(() => r.delivered[0], 'the delivery')).verified).toBe(true);

    // After it: only the new secret signs.
    clock.advance(DEFAULT_SECRET_OVERLAP_MS + 60_000);
    r.secret = newSecret;
    const after = await oneEvent(r, accountId);
    expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    expect(verifies(oldSecret, after)).toBe(false);
    expect(verifies(newSecret, after)).toBe(true);
  });
});
