import type { JobHelpers } from 'graphile-worker';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import {
  isPermanentMailError,
  mailErrorReason,
  type Mailer,
  type OutgoingMail,
} from '../mail/mailer';
import type { MailPortalLink } from '../mail/readable';
import type { PortalSettings } from '../common/context';
import { type PreparedLink, insertLinksSql, prepareLink } from '../portal/portal-links';
import { retireJobSql } from '../db/read-rules';
import { workerAlive } from './liveness';
import { resendsAfterFault } from './metrics';
import { queryPrepared } from './pg';
import { type Backoff, backoffDelay } from './retry';
import { runBudget } from './run-budget';

/**
 * What every outbox claim returns: the row's id, its attempt count (this
 * attempt included) and the id and expiry of the portal link minted for it.
 */
export interface ClaimedOutboxRow {
  id: string;
  attempts: number;
  link_id: string;
  link_expires_at: Date;
}

/** The claim's columns for the minted link. */
export const CLAIMED_LINK =
  'o.link_id, (SELECT l.expires_at FROM link l WHERE l.id = o.link_id) AS link_expires_at';

/**
 * How many messages a run claims, sends at once and records in one
 * statement: the statements' Postgres and round trips are shared by the
 * batch, and a slot's SMTP sends overlap.
 */
export const MAIL_BATCH = 4;

/**
 * How long a claim holds a row: the mailer's longest send (connection,
 * greeting and socket timeouts, mail/mailer.ts) and some slack. A claim
 * that outlives it (a worker killed mid-send) lets another attempt take the
 * row; the attempt count fences the late one's record.
 */
const LEASE_MS = 120_000;

/**
 * The claim, as CTEs: each row `pickSql` selects (ids, at most as many as
 * the prepared links) is claimed for one attempt when it is of `topic` and
 * still to send (QUEUED or RETRYING) and no other worker's claim on it is
 * running: its attempt counted, a lease taken for worker $2 ($3 ms), and a
 * portal link of its account minted (ids $4 and token hashes $5 of the
 * prepared links, paired with the rows in id order; $6 and $7,
 * insertLinksSql). CTEs named `o` and `link`; the claim's SELECT names
 * CLAIMED_LINK and joins what the message needs. The links commit with the
 * claim, before the send, so each works the moment its message leaves; a
 * retried attempt mints another.
 */
function claimCtes(topic: string, pickSql: string): string {
  return `chosen AS (
    SELECT c.id, l.link_id, l.token_hash
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM (${pickSql}) AS p(id)) c
      JOIN unnest($4::uuid[], $5::text[]) WITH ORDINALITY AS l(link_id, token_hash, n) USING (n)),
  o AS (
    UPDATE outbox SET attempts = attempts + 1, claimed_by = $2::text,
                      claimed_until = now() + $3::int * interval '1 millisecond'
      FROM chosen
     WHERE outbox.id = chosen.id AND topic = '${topic}'
       AND status IN ('QUEUED', 'RETRYING') AND delivered_at IS NULL
       AND (claimed_until IS NULL OR claimed_until <= now() OR claimed_by = $2::text)
    RETURNING outbox.id, payload, created_at, attempts, account_id, claimed_until,
              chosen.link_id, chosen.token_hash),
  link AS (${insertLinksSql('SELECT link_id AS id, account_id, token_hash FROM o', 'now()', 6)})`;
}

/**
 * The two statements of a topic's e-mails, from `select` (the message's
 * SELECT over `o` and `link`, with CLAIMED_LINK):
 * - claim: the job's own row ($1);
 * - record and go on: the sent rows ($1, their attempts $8) SENT and their
 *   claims released, the waiting jobs of rows the run went on to removed
 *   ($9, null for the job's own row), and up to $10 of the topic's oldest
 *   messages still to send that no running claim holds claimed, skipping
 *   rows another session has locked. Those rows' waiting jobs (`jobKey` of
 *   their ids) are put off until the claims end: each stays its row's
 *   safety net should the run die, and a free slot does not claim it
 *   meanwhile only to find the row held (at 50% of the peak a third of the
 *   messages runner's claims did, each some 3 ms of Postgres and five round
 *   trips). One row of nulls when none is claimed.
 */
export function outboxMailSql(
  topic: string,
  jobKey: (id: string) => string,
  select: string,
): { claim: string; recordNext: string } {
  return {
    claim: `WITH ${claimCtes(topic, 'SELECT $1::uuid')} ${select}`,
    recordNext: `WITH
  sent AS (SELECT * FROM unnest($1::uuid[], $8::int[], $9::text[]) AS s(id, attempts, job_key)),
  done AS (
    UPDATE outbox SET status = 'SENT', delivered_at = now(), last_error = NULL, next_attempt_at = NULL,
                      claimed_by = NULL, claimed_until = NULL
      FROM sent
     WHERE outbox.id = sent.id AND outbox.attempts = sent.attempts
    RETURNING sent.job_key),
  removed AS (SELECT ${retireJobSql('done.job_key')} FROM done WHERE done.job_key IS NOT NULL),
  pick AS (
    SELECT n.id FROM outbox n
     WHERE n.topic = '${topic}' AND n.id <> ALL($1::uuid[]) AND n.delivered_at IS NULL
       AND n.status IN ('QUEUED', 'RETRYING')
       AND (n.next_attempt_at IS NULL OR n.next_attempt_at <= now())
       AND (n.claimed_until IS NULL OR n.claimed_until <= now())
     ORDER BY n.id LIMIT $10::int
       FOR UPDATE SKIP LOCKED),
  ${claimCtes(topic, 'SELECT id FROM pick')},
  put_off AS (
    SELECT graphile_worker.reschedule_jobs(ARRAY(
             SELECT j.id FROM o JOIN graphile_worker.jobs j ON j.key = '${jobKey('')}' || o.id
              WHERE j.locked_at IS NULL), run_at := (SELECT max(claimed_until) FROM o))
     WHERE EXISTS (SELECT FROM o))
  SELECT m.* FROM (SELECT count(*) FROM removed) forced
   CROSS JOIN (SELECT count(*) FROM put_off) shifted
    LEFT JOIN LATERAL (${select}) m ON true`,
  };
}

export interface OutboxMailSpec<Row extends ClaimedOutboxRow> {
  sql: { claim: string; recordNext: string };
  build: (row: Row, portal: MailPortalLink) => OutgoingMail;
  /** The rows' jobs: task, payload field, and key of a row's id. */
  job: { name: string; field: string; key: (id: string) => string };
  kind: 'statement' | 'receipt';
  mailer: Mailer;
  backoff: Backoff;
  log: Logger;
  portal: PortalSettings;
  /** Run limits (tests): deliveries and milliseconds. */
  runMax?: number;
  runMs?: number;
}

/**
 * Sends the job's outbox e-mail (a statement, a receipt), then, while sends
 * succeed, the topic's next waiting ones, with no transaction open while
 * the SMTP server answers:
 *
 * 1. claim: one statement takes the row for this worker (a lease), counts
 *    the attempt, mints its portal link and returns everything the message
 *    needs; a row SENT or FAILED returns nothing, so a redelivered job sends
 *    nothing, and a row another live worker is sending brings this job back
 *    when that claim ends (claimOwn);
 * 2. send the claimed messages at once (the pooled transport);
 * 3. record: one statement for the batch's successes, conditional on the
 *    attempt counts the claims returned, which also claims up to MAIL_BATCH
 *    of the topic's next waiting messages (a run: in a backlog a message
 *    costs a fraction of a round trip instead of a job's four). A run stops
 *    at a failure, after `runMax` messages or `runMs`; the job of each row
 *    it sent is removed as it is recorded, and stays, as the row's safety
 *    net, until then. A failure to retry records its state and reschedules
 *    that row's job in a statement of its own.
 *
 * A resend (resendStatement) resets the count to 0, releases the claim and
 * queues a new job, so an attempt in flight across it records nothing and
 * the new job sends again.
 */
export async function sendOutboxMail<Row extends ClaimedOutboxRow>(
  helpers: JobHelpers,
  id: string,
  spec: OutboxMailSpec<Row>,
): Promise<void> {
  const me = helpers.job.locked_by ?? 'unknown';
  const budget = runBudget({
    max: spec.runMax,
    ms: spec.runMs,
    stop: () => !!helpers.abortSignal?.aborted,
  });
  let links = [prepareLink(spec.portal)];
  const own = await helpers.withPgClient((c) => claimOwn(c, spec, id, me, links));
  // An earlier run of this job ended unreleased (a fault): it may have sent this already.
  if (own && helpers.job.attempts > 1) resendsAfterFault.inc({ kind: spec.kind });
  let batch = own ? [own] : [];
  while (batch.length) {
    const urls = new Map(links.map((l) => [l.id, l.url]));
    const outcomes = await Promise.allSettled(
      batch.map((row) => {
        budget.spend();
        const portal = { url: urls.get(row.link_id)!, expiresAt: row.link_expires_at };
        return spec.mailer.send(spec.build(row, portal));
      }),
    );
    const sent = batch.filter((_, i) => outcomes[i]!.status === 'fulfilled');
    const failed = outcomes.flatMap((o, i) =>
      o.status === 'rejected' ? [{ row: batch[i]!, err: o.reason as unknown }] : [],
    );
    const goOn = failed.length === 0 && budget.left();
    links = goOn ? Array.from({ length: MAIL_BATCH }, () => prepareLink(spec.portal)) : [];
    batch = !sent.length
      ? []
      : await helpers.withPgClient(async (c) => {
          const { rows } = await queryPrepared<Row>(c, spec.sql.recordNext, [
            sent.map((r) => r.id),
            me,
            LEASE_MS,
            ...linkParams(links, spec.portal.linkDays),
            sent.map((r) => r.attempts),
            sent.map((r) => (r.id === id ? null : spec.job.key(r.id))),
            links.length,
          ]);
          return rows.filter((r) => r.id);
        });
    for (const { row, err } of failed)
      await helpers.withPgClient((c) => recordFailure(c, spec, row, row.id === id, err));
  }
}

/** A claim's link parameters ($4..$7): the prepared links' ids and hashes, no creator, their days. */
const linkParams = (links: PreparedLink[], days: number) => [
  links.map((l) => l.id),
  links.map((l) => l.tokenHash),
  null,
  days,
];

/**
 * Claims the job's own row (one statement when it is free to take), or
 * returns null when there is nothing to send. A row that another live
 * worker's run is sending brings this job back when that claim ends, in case
 * that run dies; one whose claimant died is taken over.
 */
async function claimOwn<Row extends ClaimedOutboxRow>(
  c: PoolClient,
  spec: OutboxMailSpec<Row>,
  id: string,
  me: string,
  links: PreparedLink[],
): Promise<Row | null> {
  const claim = () =>
    queryPrepared<Row>(c, spec.sql.claim, [
      id,
      me,
      LEASE_MS,
      ...linkParams(links, spec.portal.linkDays),
    ]);
  const { rows } = await claim();
  if (rows[0]) return rows[0];
  const held = await c.query<{ claimed_by: string; claimed_until: Date }>(
    `SELECT claimed_by, claimed_until FROM outbox
      WHERE id = $1 AND status IN ('QUEUED', 'RETRYING') AND delivered_at IS NULL
        AND claimed_until > now() AND claimed_by <> $2`,
    [id, me],
  );
  const other = held.rows[0];
  if (!other) return null;
  if (await workerAlive(c, other.claimed_by)) {
    // Back when that claim ends, in case its run dies; the row is locked so
    // that a run recording it meanwhile (and removing its job) comes first.
    await c.query(
      `WITH held AS (
         SELECT claimed_until FROM outbox
          WHERE id = $1 AND status IN ('QUEUED', 'RETRYING') AND delivered_at IS NULL
            AND claimed_by = $2 AND claimed_until > now()
            FOR UPDATE)
       SELECT graphile_worker.add_job($3, json_build_object($4::text, $1::text),
                                      run_at := held.claimed_until, job_key := $5)
         FROM held`,
      [id, other.claimed_by, spec.job.name, spec.job.field, spec.job.key(id)],
    );
    return null;
  }
  const { rowCount } = await c.query(
    `UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = $1 AND claimed_by = $2`,
    [id, other.claimed_by],
  );
  if (!rowCount) return null;
  resendsAfterFault.inc({ kind: spec.kind });
  return (await claim()).rows[0] ?? null;
}

/**
 * A failed send, recorded in one statement conditional on the attempt:
 * FAILED for good on a permanent error (5xx) or the last attempt, else
 * RETRYING with its row's job rescheduled along the backoff. Either way
 * the claim is released.
 */
async function recordFailure<Row extends ClaimedOutboxRow>(
  c: PoolClient,
  spec: OutboxMailSpec<Row>,
  row: Row,
  own: boolean,
  err: unknown,
): Promise<void> {
  const reason = mailErrorReason(err);
  const attempt = row.attempts;
  const ctx = { [`${spec.kind}Id`]: row.id, attempt, reason };
  const key = spec.job.key(row.id);
  if (isPermanentMailError(err) || attempt >= spec.backoff.maxAttempts) {
    spec.log.warn(ctx, `${spec.kind} e-mail failed`);
    await c.query(
      `WITH f AS (
         UPDATE outbox SET status = 'FAILED', last_error = $3, next_attempt_at = NULL,
                           claimed_by = NULL, claimed_until = NULL
          WHERE id = $1 AND attempts = $2 RETURNING id)
       SELECT ${retireJobSql('$4::text')} FROM f WHERE $4::text IS NOT NULL`,
      [row.id, attempt, reason, own ? null : key],
    );
    return;
  }
  const next = new Date(Date.now() + backoffDelay(spec.backoff, attempt));
  spec.log.info({ ...ctx, next }, `${spec.kind} e-mail will be retried`);
  await c.query(
    `WITH o AS (
       UPDATE outbox SET status = 'RETRYING', last_error = $3, next_attempt_at = $4,
                         claimed_by = NULL, claimed_until = NULL
        WHERE id = $1 AND attempts = $2 RETURNING id)
     SELECT graphile_worker.add_job($5, json_build_object($6::text, o.id::text),
                                    run_at := $4, job_key := $7)
       FROM o`,
    [row.id, attempt, reason, next, spec.job.name, spec.job.field, key],
  );
}
