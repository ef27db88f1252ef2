import type { Task } from 'graphile-worker';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { postWebhook, type SendResult, WEBHOOK_TIMEOUT_MS } from '../../webhooks/sender';
import { workerAlive } from '../liveness';
import { resendsAfterFault } from '../metrics';
import { addJobSql, inTransaction } from '../pg';
import { retryAfterMs } from '../retry';
import { JOBS } from '../../db/read-rules';

export const WEBHOOK_DELIVERY = JOBS.webhookDelivery.name;
export const deliveryJobKey = JOBS.webhookDelivery.key;

export interface WebhookSettings {
  allowLocal: boolean;
  /** Waits after each failed try; its length + 1 is the number of tries. */
  scheduleMs: number[];
  /** An endpoint failing this long (with no success since) is disabled. */
  disableAfterMs: number;
  /** The total deadline of one attempt: connect, headers and body (default 15 s). */
  timeoutMs?: number;
  /** Opens the secrets as stored (sealed under WEBHOOK_SECRET_KEY). */
  secrets: { open: (stored: string) => string };
  /** The instant of an attempt (tests move a ManualClock to cross the disable rule). */
  now?: () => Date;
}

export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
/** A claim outlives the deadline by this much before another attempt may take the delivery. */
const CLAIM_SLACK_MS = 30_000;

interface Claimed {
  id: string;
  attempts: number;
  event_id: string;
  payload: object;
  endpoint_id: string;
  url: string;
  secret: string;
  /** A rotated-out secret, signing beside the new one until previous_secret_until. */
  previous_secret: string | null;
  previous_secret_until: Date | null;
  failing_since: Date | null;
}

/** The named queue of an endpoint's jobs: graphile-worker runs one of them at a time. */
export const endpointQueue = JOBS.webhookDelivery.queue;

/**
 * Delivers one event to one endpoint, in three steps so that no database
 * transaction is open while a receiver answers: claim the delivery (a lease,
 * committed at once), send with a total deadline, record the attempt. Every
 * attempt is recorded; failures reschedule this job along the retry
 * schedule, honouring Retry-After. The endpoint's named queue keeps at most
 * one attempt in flight per endpoint; the lease keeps a duplicate job of the
 * same delivery from sending beside it. A delivery whose owner key was
 * revoked, or whose account left a partner's scope, is dropped unsent.
 */
export function webhookDeliveryTask(deps: { settings: WebhookSettings; log: Logger }): Task {
  const { settings } = deps;
  const deadline = settings.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const now = settings.now ?? (() => new Date());
  return async (raw, helpers) => {
    const { deliveryId } = raw as { deliveryId: string };
    const me = helpers.job.locked_by ?? 'unknown';
    const d = await helpers.withPgClient((client) =>
      inTransaction(client, () =>
        claim(client, deliveryId, me, deadline + CLAIM_SLACK_MS, deps.log),
      ),
    );
    if (!d) return;
    // An earlier run of this job ended unreleased (a fault): it may have sent this already.
    if (helpers.job.attempts > 1) resendsAfterFault.inc({ kind: 'webhook' });
    const at = now();
    const r = await postWebhook({
      url: d.url,
      secret: signingSecrets(d, at, settings.secrets, deps.log),
      msgId: d.event_id,
      body: JSON.stringify(d.payload),
      allowLocal: settings.allowLocal,
      timeoutMs: deadline,
      signal: helpers.abortSignal,
    });
    await helpers.withPgClient((client) =>
      inTransaction(client, () => record(client, d, at, r, settings, deps.log)),
    );
  };
}

/**
 * The secrets a delivery is signed with: the endpoint's, and during a
 * rotation's overlap the previous one too. A wrong WEBHOOK_SECRET_KEY throws
 * (the job is retried later, unrecorded): signing with garbage would only
 * look like the receiver's fault and count towards disabling its endpoint.
 */
function signingSecrets(
  d: Claimed,
  at: Date,
  box: WebhookSettings['secrets'],
  log: Logger,
): string[] {
  try {
    const secrets = [box.open(d.secret)];
    if (d.previous_secret && d.previous_secret_until && d.previous_secret_until > at)
      secrets.push(box.open(d.previous_secret));
    return secrets;
  } catch (err) {
    log.error({ err, endpointId: d.endpoint_id }, 'webhook secret cannot be opened');
    throw err;
  }
}

/** Takes the delivery for one attempt, or returns null when there is nothing to send. */
async function claim(
  client: PoolClient,
  deliveryId: string,
  me: string,
  leaseMs: number,
  log: Logger,
): Promise<Claimed | null> {
  const { rows } = await client.query<
    Claimed & {
      status: string;
      enabled: boolean;
      silenced: string | null;
      claimed_by: string | null;
      claimed: Date | null;
    }
  >(
    `SELECT d.id, d.status, d.attempts, d.event_id, ev.payload, e.id AS endpoint_id, e.url, e.secret,
            e.previous_secret, e.previous_secret_until,
            e.enabled, e.failing_since, webhook_silenced(e.id, ev.account_id) AS silenced,
            d.claimed_by, CASE WHEN d.claimed_until > now() THEN d.claimed_until END AS claimed
       FROM webhook_deliveries d
       JOIN webhook_events ev ON ev.id = d.event_id
       JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE d.id = $1 FOR UPDATE OF d`,
    [deliveryId],
  );
  const d = rows[0];
  if (!d || d.status === 'DELIVERED' || d.status === 'FAILED') return null;
  if (d.silenced) {
    await failDelivery(client, d.id, d.attempts, `dropped unsent: ${d.silenced}`);
    log.info({ deliveryId, reason: d.silenced }, 'webhook delivery dropped');
    return null;
  }
  if (!d.enabled) {
    await client.query(
      `UPDATE webhook_deliveries SET status = 'FAILED', last_error = 'endpoint disabled', next_attempt_at = NULL WHERE id = $1`,
      [d.id],
    );
    return null;
  }
  if (
    d.claimed &&
    d.claimed_by !== me &&
    d.claimed_by &&
    (await workerAlive(client, d.claimed_by))
  ) {
    // Another live worker is sending it (a duplicate job): look again when its lease ends.
    await addJobSql(
      client,
      WEBHOOK_DELIVERY,
      { deliveryId },
      deliveryJobKey(d.id),
      d.claimed,
      endpointQueue(d.endpoint_id),
    );
    return null;
  }
  await client.query(
    `UPDATE webhook_deliveries SET claimed_by = $3, claimed_until = now() + $2 * interval '1 millisecond'
      WHERE id = $1`,
    [d.id, leaseMs, me],
  );
  return d;
}

/** One attempt's row; the rest of a delivery's history is derived from these. */
export async function recordAttempt(
  client: PoolClient,
  deliveryId: string,
  at: Date,
  r: SendResult,
  url: string | null = null,
): Promise<void> {
  await client.query(
    `INSERT INTO webhook_attempts (delivery_id, at, status_code, latency_ms, response_excerpt, error,
                                   request_url, request_headers, response_headers)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      deliveryId,
      at,
      r.statusCode,
      r.latencyMs,
      r.excerpt,
      r.error,
      url,
      r.requestHeaders && JSON.stringify(r.requestHeaders),
      r.responseHeaders && JSON.stringify(r.responseHeaders),
    ],
  );
}

async function record(
  client: PoolClient,
  d: Claimed,
  at: Date,
  r: SendResult,
  settings: WebhookSettings,
  log: Logger,
): Promise<void> {
  await client.query(`SELECT 1 FROM webhook_deliveries WHERE id = $1 FOR UPDATE`, [d.id]);
  await recordAttempt(client, d.id, at, r, d.url);
  await client.query(
    `UPDATE webhook_deliveries SET claimed_by = NULL, claimed_until = NULL WHERE id = $1`,
    [d.id],
  );
  const attempt = d.attempts + 1;
  const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
  if (ok) {
    await client.query(
      `UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = $2, delivered_at = now(),
              last_error = NULL, next_attempt_at = NULL WHERE id = $1`,
      [d.id, attempt],
    );
    await client.query(
      `UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`,
      [d.endpoint_id],
    );
    return;
  }
  const reason =
    r.error ?? `HTTP ${r.statusCode}${r.excerpt ? `: ${r.excerpt.slice(0, 200)}` : ''}`;
  if (r.statusCode === 410) {
    // 410 Gone: the receiver says this endpoint no longer exists.
    await disableEndpoint(client, d.endpoint_id, 'the receiver answered 410 Gone');
    await failDelivery(client, d.id, attempt, reason);
    log.info({ endpointId: d.endpoint_id }, 'webhook endpoint disabled after 410');
    return;
  }
  // The endpoint's current failing_since: other deliveries may have set or cleared it meanwhile.
  const { rows } = await client.query<{ failing_since: Date }>(
    `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, $2) WHERE id = $1
     RETURNING failing_since`,
    [d.endpoint_id, at],
  );
  const failingSince = rows[0]?.failing_since ?? at;
  if (at.getTime() - failingSince.getTime() >= settings.disableAfterMs) {
    await disableEndpoint(client, d.endpoint_id, `failing since ${failingSince.toISOString()}`);
    log.warn(
      { endpointId: d.endpoint_id, failingSince },
      'webhook endpoint disabled: failing for days',
    );
  }
  if (attempt > settings.scheduleMs.length) {
    await failDelivery(client, d.id, attempt, `gave up after ${attempt} tries: ${reason}`);
    return;
  }
  const wait = Math.max(
    settings.scheduleMs[attempt - 1]!,
    Math.min(retryAfterMs(r.retryAfter, at.getTime()) ?? 0, 24 * 3_600_000),
  );
  // The job's run_at is wall time; `at` may come from a test's clock.
  const next = new Date(Date.now() + wait);
  await client.query(
    `UPDATE webhook_deliveries SET status = 'RETRYING', attempts = $2, last_error = $3, next_attempt_at = $4
      WHERE id = $1`,
    [d.id, attempt, reason, next],
  );
  await addJobSql(
    client,
    WEBHOOK_DELIVERY,
    { deliveryId: d.id },
    deliveryJobKey(d.id),
    next,
    endpointQueue(d.endpoint_id),
  );
}

async function failDelivery(
  client: PoolClient,
  id: string,
  attempt: number,
  reason: string,
): Promise<void> {
  await client.query(
    `UPDATE webhook_deliveries SET status = 'FAILED', attempts = $2, last_error = $3, next_attempt_at = NULL WHERE id = $1`,
    [id, attempt, reason],
  );
}

async function disableEndpoint(client: PoolClient, id: string, reason: string): Promise<void> {
  await client.query(
    `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, disabled_at = now() WHERE id = $1 AND enabled`,
    [id, reason],
  );
}
