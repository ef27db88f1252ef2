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
   * (default 8): a healthy receiver's backlog is not bounded by one round
   * trip at a time, and a failing or slow one still gets one at a time.
   * With four, one endpoint fell behind a 2-core gateway at its peak
   * (docs/benchmarks.md, stop 27).
   */
  lanes?: number;
}

export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
/** A claim outlives the deadline by this much before another attempt may take the delivery. */
const CLAIM_SLACK_MS = 30_000;
const LANES = 8;

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
 * The endpoint's next due deliveries, up to `limit` of them: the oldest
 * still to deliver whose retry is due and that no running claim holds,
 * skipping rows another session has locked.
 */
const dueSql = (endpoint: string, limit: string, extra = '') =>
  `SELECT n.id FROM webhook_deliveries n
    WHERE n.endpoint_id = ${endpoint} ${extra}
      AND n.status IN ('PENDING', 'RETRYING')
      AND (n.next_attempt_at IS NULL OR n.next_attempt_at <= now())
      AND (n.claimed_until IS NULL OR n.claimed_until <= now())
    ORDER BY n.created_at, n.id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;

/** Claims the job's own delivery. $1 the worker, $2 the lease (ms), $3 the delivery. */
const CLAIM_ONE = `WITH ${claimCtes('$1::text', '$2::int', 'SELECT $3::uuid AS id')}
  SELECT c.*, EXISTS (SELECT 1 FROM taken) AS taken FROM claim c`;

/**
 * A batch's successes, recorded in one statement: their attempt rows
 * ($1-$9, one array per column), the deliveries DELIVERED with their
 * attempt counts ($10; claims released), the endpoint's failing_since
 * cleared, the jobs of deliveries this job went on to (not its own) removed
 * ($12, nulls for its own), and up to $15 of the endpoint's next due
 * deliveries claimed: the oldest still to deliver whose retry is due and
 * that no running claim holds, skipping rows another session has locked.
 */
const RECORD_SUCCESSES = `WITH
  sent AS (
    SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::text[], $6::text[],
                         $7::text[], $8::text[], $9::text[], $10::int[], $12::text[])
        AS s(id, at, status_code, latency_ms, excerpt, error, url, request_headers, response_headers,
             attempts, job_key)),
  attempt AS (
    INSERT INTO webhook_attempts (delivery_id, at, status_code, latency_ms, response_excerpt, error,
                                  request_url, request_headers, response_headers)
    SELECT id, at, status_code, latency_ms, excerpt, error, url, request_headers::jsonb,
           response_headers::jsonb
      FROM sent),
  done AS (
    UPDATE webhook_deliveries w SET status = 'DELIVERED', attempts = s.attempts, delivered_at = now(),
           last_error = NULL, next_attempt_at = NULL, claimed_by = NULL, claimed_until = NULL
      FROM sent s
     WHERE w.id = s.id),
  healthy AS (
    UPDATE webhook_endpoints SET failing_since = NULL
     WHERE id = $11::uuid AND failing_since IS NOT NULL),
  removed AS (SELECT ${retireJobSql('s.job_key')} AS job FROM sent s WHERE s.job_key IS NOT NULL),
  ${claimCtes('$13::text', '$14::int', dueSql('$11::uuid', '$15::int', 'AND n.id <> ALL($1::uuid[])'))}
  SELECT c.*, c.id IN (SELECT id FROM taken) AS taken
    FROM (SELECT count(*) FROM removed) forced LEFT JOIN claim c ON true`;

/**
 * Delivers an endpoint's events with no database transaction open while a
 * receiver answers: claim the job's delivery (one statement: a lease,
 * committed at once), send with a total deadline, record. While deliveries
 * succeed, the statement that records a batch of them also claims the
 * endpoint's next due deliveries, and the job sends those too (removing
 * their own jobs as it records them), up to `runMax` deliveries or `runMs`:
 * a backlog costs a fraction of a round trip per delivery instead of a job
 * each. The first batch is the job's own delivery; once the receiver has
 * answered, a batch is up to `lanes` deliveries sent at once, so at most
 * `lanes` attempts are in flight per endpoint (the endpoint's named queue
 * runs one of its jobs at a time), and a failing or slow receiver never
 * gets more than one: a failure ends the run, once the batch's successes
 * are recorded. The lease keeps a duplicate job of the same delivery from
 * sending beside it. Every attempt is recorded; a failure reschedules its
 * delivery's job along the retry schedule, honouring Retry-After. A
 * delivery whose owner key was revoked, or whose account left a partner's
 * scope, is dropped unsent.
 */
export function webhookDeliveryTask(deps: {
  settings: WebhookSettings;
  log: Logger;
  /** True once the worker is stopping: a run ends after the batch in hand. */
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
    if (!first) return;
    // An earlier run of this job ended unreleased (a fault): it may have sent this already.
    if (helpers.job.attempts > 1) resendsAfterFault.inc({ kind: 'webhook' });
    const budget = runBudget({
      max: settings.runMax,
      ms: settings.runMs,
      stop: () => !!helpers.abortSignal?.aborted || !!deps.stopping?.(),
    });
    /** One attempt of `d`, timed from `at`. */
    const send = async (d: Claimed): Promise<Sent> => {
      budget.spend();
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
      return { d, at, r, ok: r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300 };
    };
    const endpointId = first.endpoint_id;
    deps.held?.add(endpointId);
    try {
      for (let batch: Claimed[] = [first]; batch.length;) {
        const results = await Promise.all(batch.map(send));
        const failed = results.filter((x) => !x.ok);
        const next = failed.length === 0 && budget.left() ? lanes : 0;
        const ok = results.filter((x) => x.ok);
        batch = !ok.length
          ? []
          : await helpers.withPgClient(async (client) => {
              const { rows } = await queryPrepared<Claimed>(client, RECORD_SUCCESSES, [
                ...attemptColumns(ok),
                ok.map((x) => x.d.attempts + 1),
                endpointId,
                ok.map((x) => (x.d.id === deliveryId ? null : deliveryJobKey(x.d.id))),
                me,
                lease,
                next,
              ]);
              return rows.filter((d) => d.id && d.taken);
            });
        // Deliveries claimed before by a worker that never recorded them: they may have been sent.
        for (const d of batch) if (d.claimed_by) resendsAfterFault.inc({ kind: 'webhook' });
        for (const { d, at, r } of failed)
          await helpers.withPgClient((client) =>
            inTransaction(client, () =>
              recordFailure(client, d, at, r, d.id === deliveryId, settings, deps.log),
            ),
          );
      }
    } finally {
      deps.held?.delete(endpointId);
    }
  };
}

/** An attempt made: the delivery, when, the receiver's answer, and whether it was a 2xx. */
interface Sent {
  d: Claimed;
  at: Date;
  r: SendResult;
  ok: boolean;
}

/** The attempt rows' values, a column each ($1-$9 of RECORD_SUCCESSES). */
function attemptColumns(sent: Sent[]): unknown[][] {
  const rows = sent.map(({ d, at, r }) => attemptValues(d.id, at, r, d.url));
  return rows[0]!.map((_, column) => rows.map((row) => row[column]));
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
