import type { Task } from 'graphile-worker';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { postWebhook, type SendResult, WEBHOOK_TIMEOUT_MS } from '../../webhooks/sender';
import { workerAlive } from '../liveness';
import { resendsAfterFault } from '../metrics';
import { addJobSql, inTransaction, queryPrepared } from '../pg';
import { retryAfterMs } from '../retry';
import { runBudget } from '../run-budget';
import { JOBS, retireJobSql } from '../../db/read-rules';

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
  /**
   * A job goes on with its endpoint's next due deliveries while they succeed,
   * up to this many deliveries (default 100) ...
   */
  runMax?: number;
  /** ... or this long (default 2 s), then hands its slot back. */
  runMs?: number;
  /**
   * Deliveries a job sends to its endpoint at once, once one has succeeded
   * (default 4): a healthy receiver's backlog is not bounded by one round
   * trip at a time, and a failing or slow one still gets one at a time.
   */
  lanes?: number;
}

export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
/** A claim outlives the deadline by this much before another attempt may take the delivery. */
const CLAIM_SLACK_MS = 30_000;
const LANES = 4;

interface Claimed {
  id: string;
  status: string;
  attempts: number;
  event_id: string;
  payload: object;
  endpoint_id: string;
  url: string;
  secret: string;
  /** A rotated-out secret, signing beside the new one until previous_secret_until. */
  previous_secret: string | null;
  previous_secret_until: Date | null;
  enabled: boolean;
  failing_since: Date | null;
  /** Why this endpoint may not hear about the event's account any more (null: it may). */
  silenced: string | null;
  claimed_by: string | null;
  /** The end of a claim still running (null when there is none or it has lapsed). */
  claimed: Date | null;
  /** Whether this statement claimed the delivery for the caller. */
  taken: boolean;
}

/** The named queue of an endpoint's jobs: graphile-worker runs one of them at a time. */
export const endpointQueue = JOBS.webhookDelivery.queue;

/**
 * The claim, as CTEs: the delivery `pick` names (a CTE with an id column),
 * locked, with what an attempt needs (event payload, endpoint, secrets, the
 * revocation rule), and claimed for `me` (claimed_by, a lease of `leaseMs`)
 * when it is still to deliver, its endpoint enabled and not silenced, and no
 * other claim on it is running. `claim` has the row; `taken` has its id
 * when the claim was made.
 */
function claimCtes(me: string, leaseMs: string, pick: string): string {
  return `pick AS (${pick}),
  claim AS (
    SELECT x.id, x.status, x.attempts, x.event_id, ev.payload, e.id AS endpoint_id, e.url, e.secret,
           e.previous_secret, e.previous_secret_until, e.enabled, e.failing_since,
           webhook_silenced(e.id, ev.account_id) AS silenced, x.claimed_by,
           CASE WHEN x.claimed_until > now() THEN x.claimed_until END AS claimed
      FROM webhook_deliveries x
      JOIN pick ON pick.id = x.id
      JOIN webhook_events ev ON ev.id = x.event_id
      JOIN webhook_endpoints e ON e.id = x.endpoint_id
       FOR UPDATE OF x),
  taken AS (
    UPDATE webhook_deliveries w
       SET claimed_by = ${me}, claimed_until = now() + ${leaseMs} * interval '1 millisecond'
      FROM claim c
     WHERE w.id = c.id AND c.status IN ('PENDING', 'RETRYING') AND c.enabled AND c.silenced IS NULL
       AND (c.claimed IS NULL OR c.claimed_by = ${me})
    RETURNING w.id)`;
}

/**
 * The endpoint's next due deliveries ($3), up to $4 of them, claimed for the
 * worker ($1, lease $2): the oldest still to deliver whose retry is due and
 * that no running claim holds, skipping rows another session has locked.
 */
const dueSql = (endpoint: string, limit: string, extra = '') =>
  `SELECT n.id FROM webhook_deliveries n
    WHERE n.endpoint_id = ${endpoint} ${extra}
      AND n.status IN ('PENDING', 'RETRYING')
      AND (n.next_attempt_at IS NULL OR n.next_attempt_at <= now())
      AND (n.claimed_until IS NULL OR n.claimed_until <= now())
    ORDER BY n.created_at, n.id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;

const CLAIM_MORE = `WITH ${claimCtes('$1::text', '$2::int', dueSql('$3::uuid', '$4::int'))}
  SELECT c.*, c.id IN (SELECT id FROM taken) AS taken FROM claim c`;

/** Claims the job's own delivery. $1 the worker, $2 the lease (ms), $3 the delivery. */
const CLAIM_ONE = `WITH ${claimCtes('$1::text', '$2::int', 'SELECT $3::uuid AS id')}
  SELECT c.*, EXISTS (SELECT 1 FROM taken) AS taken FROM claim c`;

/**
 * A success, recorded in one statement: the attempt row, the delivery
 * DELIVERED (its claim released), the endpoint's failing_since cleared, the
 * job of a delivery this job went on to (not its own) removed, and the
 * endpoint's next due delivery claimed when $15 asks for it: the oldest
 * still to deliver whose retry is due and that no running claim holds,
 * skipping any row another session has locked.
 */
const RECORD_SUCCESS = `WITH
  attempt AS (
    INSERT INTO webhook_attempts (delivery_id, at, status_code, latency_ms, response_excerpt, error,
                                  request_url, request_headers, response_headers)
    VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9)),
  done AS (
    UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = $10, delivered_at = now(),
           last_error = NULL, next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL
     WHERE id = $1::uuid),
  healthy AS (
    UPDATE webhook_endpoints SET failing_since = NULL
     WHERE id = $11::uuid AND failing_since IS NOT NULL),
  removed AS (SELECT ${retireJobSql('$12::text')} AS job),
  ${claimCtes('$13::text', '$14::int', dueSql('$11::uuid', '1', 'AND $15::boolean AND n.id <> $1::uuid'))}
  SELECT c.*, EXISTS (SELECT 1 FROM taken) AS taken
    FROM (SELECT count(*) FROM removed) forced LEFT JOIN claim c ON true`;

/**
 * Delivers an endpoint's events with no database transaction open while a
 * receiver answers: claim the job's delivery (one statement: a lease,
 * committed at once), send with a total deadline, record. While deliveries
 * succeed, the statement that records one also claims the endpoint's next
 * due delivery, and the job sends that one too (removing its own job as it
 * records it), up to `runMax` deliveries or `runMs`: a backlog costs about
 * one round trip per delivery instead of a job each. Once the receiver has
 * answered, the job opens up to `lanes - 1` more such chains over the
 * endpoint's due deliveries, so at most `lanes` attempts are in flight per
 * endpoint: the endpoint's named queue runs one of its jobs at a time, and
 * a failing or slow receiver never gets more than one (a lane ends at its
 * failure). The lease keeps a duplicate job of the same delivery from
 * sending beside it. Every attempt is recorded; a failure reschedules its
 * delivery's job along the retry schedule, honouring Retry-After. A
 * delivery whose owner key was revoked, or whose account left a partner's
 * scope, is dropped unsent.
 */
export function webhookDeliveryTask(deps: {
  settings: WebhookSettings;
  log: Logger;
  /** True once the worker is stopping: a run ends after the attempt in hand. */
  stopping?: () => boolean;
  /** The endpoints this process's runs are sending to, kept here (see heldEndpoints). */
  held?: Set<string>;
}): Task {
  const { settings } = deps;
  const deadline = settings.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const lease = deadline + CLAIM_SLACK_MS;
  const now = settings.now ?? (() => new Date());
  const lanes = settings.lanes ?? LANES;
  return async (raw, helpers) => {
    const { deliveryId } = raw as { deliveryId: string };
    const me = helpers.job.locked_by ?? 'unknown';
    const first = await helpers.withPgClient((client) =>
      claimOwn(client, deliveryId, me, lease, deps.log),
    );
    // An earlier run of this job ended unreleased (a fault): it may have sent this already.
    if (first && helpers.job.attempts > 1) resendsAfterFault.inc({ kind: 'webhook' });
    const budget = runBudget({
      max: settings.runMax,
      ms: settings.runMs,
      stop: () => !!helpers.abortSignal?.aborted || !!deps.stopping?.(),
    });
    let widened = false;
    const others: Promise<void>[] = [];

    /** Sends `d`, then while sends succeed the endpoint's next due deliveries, one at a time. */
    const lane = async (start: Claimed): Promise<void> => {
      for (let d: Claimed | null = start; d;) {
        budget.spend();
        const own: boolean = d.id === deliveryId;
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
        const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
        const more = budget.left();
        const current: Claimed = d;
        d = await helpers.withPgClient(async (client): Promise<Claimed | null> => {
          if (!ok) {
            await inTransaction(client, () =>
              recordFailure(client, current, at, r, own, settings, deps.log),
            );
            return null;
          }
          const { rows }: { rows: Claimed[] } = await queryPrepared<Claimed>(
            client,
            RECORD_SUCCESS,
            [
              ...attemptValues(current.id, at, r, current.url),
              current.attempts + 1,
              current.endpoint_id,
              own ? null : deliveryJobKey(current.id),
              me,
              lease,
              more,
            ],
          );
          const next: Claimed | undefined = rows[0];
          return next?.id && next.taken ? next : null;
        });
        // A delivery claimed before by a worker that never recorded it: it may have been sent.
        if (d?.claimed_by) resendsAfterFault.inc({ kind: 'webhook' });
        // The receiver answers: open the other lanes, once.
        if (ok && more && d && !widened && lanes > 1) {
          widened = true;
          const endpointId = current.endpoint_id;
          const extra = await helpers.withPgClient((client) =>
            queryPrepared<Claimed>(client, CLAIM_MORE, [me, lease, endpointId, lanes - 1]),
          );
          for (const x of extra.rows) if (x.taken) others.push(lane(x));
        }
      }
    };
    if (!first) return;
    const endpoint = first.endpoint_id;
    deps.held?.add(endpoint);
    try {
      await lane(first);
      await Promise.all(others);
    } finally {
      deps.held?.delete(endpoint);
    }
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

/**
 * Takes the job's own delivery for one attempt (one statement when it is
 * free to take), or returns null when there is nothing to send. The rarer
 * outcomes cost a statement more: a revoked or de-scoped endpoint's delivery
 * is dropped, a disabled endpoint's failed, one claimed by another live
 * worker looked at again when that claim ends, and one whose claimant died
 * taken over.
 */
async function claimOwn(
  client: PoolClient,
  deliveryId: string,
  me: string,
  leaseMs: number,
  log: Logger,
): Promise<Claimed | null> {
  const { rows } = await queryPrepared<Claimed>(client, CLAIM_ONE, [me, leaseMs, deliveryId]);
  const d = rows[0];
  if (!d) return null;
  if (d.taken) return d;
  if (d.status === 'DELIVERED' || d.status === 'FAILED') return null;
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
  // Left: a running claim by another worker (a duplicate job of this delivery).
  if (d.claimed_by && (await workerAlive(client, d.claimed_by))) {
    // It is sending right now: look again when its lease ends.
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
  // Its claimant died: take it over, unless something else moved it meanwhile.
  const { rowCount } = await client.query(
    `UPDATE webhook_deliveries SET claimed_by = $2, claimed_until = now() + $3 * interval '1 millisecond'
      WHERE id = $1 AND claimed_by IS NOT DISTINCT FROM $4 AND status IN ('PENDING', 'RETRYING')`,
    [d.id, me, leaseMs, d.claimed_by],
  );
  return rowCount ? d : null;
}

/** The attempt row's values ($1-$9 of its INSERT). */
function attemptValues(deliveryId: string, at: Date, r: SendResult, url: string | null) {
  return [
    deliveryId,
    at,
    r.statusCode,
    r.latencyMs,
    r.excerpt,
    r.error,
    url,
    r.requestHeaders && JSON.stringify(r.requestHeaders),
    r.responseHeaders && JSON.stringify(r.responseHeaders),
  ];
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
    attemptValues(deliveryId, at, r, url),
  );
}

/**
 * A failed attempt (in a transaction): its row, the endpoint's
 * failing_since and the disable rules, and the delivery either rescheduled
 * along the retry schedule (its job's run_at moved, or a new job when this
 * is the job running) or, after the last try or a 410, FAILED. A delivery
 * this job went on to, not its own, has its waiting job removed when it is
 * final.
 */
async function recordFailure(
  client: PoolClient,
  d: Claimed,
  at: Date,
  r: SendResult,
  own: boolean,
  settings: WebhookSettings,
  log: Logger,
): Promise<void> {
  await recordAttempt(client, d.id, at, r, d.url);
  const attempt = d.attempts + 1;
  const reason =
    r.error ?? `HTTP ${r.statusCode}${r.excerpt ? `: ${r.excerpt.slice(0, 200)}` : ''}`;
  const final = async (why: string) => {
    await failDelivery(client, d.id, attempt, why);
    if (!own) await client.query(`SELECT ${retireJobSql('$1::text')}`, [deliveryJobKey(d.id)]);
  };
  if (r.statusCode === 410) {
    // 410 Gone: the receiver says this endpoint no longer exists.
    await disableEndpoint(client, d.endpoint_id, 'the receiver answered 410 Gone');
    await final(reason);
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
    await final(`gave up after ${attempt} tries: ${reason}`);
    return;
  }
  const wait = Math.max(
    settings.scheduleMs[attempt - 1]!,
    Math.min(retryAfterMs(r.retryAfter, at.getTime()) ?? 0, 24 * 3_600_000),
  );
  // The job's run_at is wall time; `at` may come from a test's clock.
  const next = new Date(Date.now() + wait);
  await client.query(
    `UPDATE webhook_deliveries SET status = 'RETRYING', attempts = $2, last_error = $3, next_attempt_at = $4,
            claimed_by = NULL, claimed_until = NULL
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
    `UPDATE webhook_deliveries SET status = 'FAILED', attempts = $2, last_error = $3, next_attempt_at = NULL,
            claimed_by = NULL, claimed_until = NULL
      WHERE id = $1`,
    [id, attempt, reason],
  );
}

async function disableEndpoint(client: PoolClient, id: string, reason: string): Promise<void> {
  await client.query(
    `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, disabled_at = now() WHERE id = $1 AND enabled`,
    [id, reason],
  );
}
