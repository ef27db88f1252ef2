import type { JobHelpers } from 'graphile-worker';
import type { Logger } from 'pino';
import {
  isPermanentMailError,
  mailErrorReason,
  type Mailer,
  type OutgoingMail,
} from '../mail/mailer';
import type { MailPortalLink } from '../mail/readable';
import type { PortalSettings } from '../common/context';
import { insertLinkParams, insertLinkSql, prepareLink } from '../portal/portal-links';
import { resendsAfterFault } from './metrics';
import { type Backoff, backoffDelay } from './retry';

/**
 * What every outbox claim returns: the row's id, its attempt count (this
 * attempt included) and the expiry of the portal link minted for it.
 */
export interface ClaimedOutboxRow {
  id: string;
  attempts: number;
  link_expires_at: Date;
}

/**
 * The claim's first steps, for an outbox message of `topic` (null: any):
 * count the attempt on a row that is still to send (QUEUED or RETRYING), and
 * mint the account's portal link the message carries ($2.., insertLinkSql).
 * CTEs named `o` and `link`; the claim's SELECT names CLAIMED_LINK and joins
 * what the message needs. The link commits with the claim, before the send,
 * so it works the moment the message leaves; a retried attempt mints another.
 */
export function claimOutboxCte(topic: string | null): string {
  return `o AS (
    UPDATE outbox SET attempts = attempts + 1
     WHERE id = $1 ${topic ? `AND topic = '${topic}'` : ''}
       AND status IN ('QUEUED', 'RETRYING') AND delivered_at IS NULL
    RETURNING id, payload, created_at, attempts, account_id),
  link AS (${insertLinkSql('SELECT account_id FROM o', 'now()', 2)})`;
}

/** The claim's column for the minted link. */
export const CLAIMED_LINK = '(SELECT expires_at FROM link) AS link_expires_at';

/**
 * Sends one outbox e-mail (a statement, a receipt) in three round trips and
 * no open transaction while the SMTP server answers:
 *
 * 1. claim: one statement counts the attempt on a row still to send, mints
 *    its portal link and returns everything the message needs (claimSql,
 *    built on claimOutboxCte);
 *    a row SENT or FAILED returns nothing, so a redelivered job sends nothing;
 * 2. send (the pooled transport);
 * 3. record: one statement, conditional on the attempt count the claim
 *    returned. A resend (resendStatement) resets the count to 0 and queues a
 *    new job, so an attempt that was in flight across it records nothing
 *    and the new job sends again; a failure to retry records its state and
 *    reschedules this job in the same statement.
 *
 * The graphile-worker job key (one job per row) already keeps two jobs of
 * one row from running together, except across a resend; the claim's
 * statement-long row lock orders a claim against a concurrent resend.
 */
export async function sendOutboxMail<Row extends ClaimedOutboxRow>(
  helpers: JobHelpers,
  id: string,
  spec: {
    /** `WITH ${claimOutboxCte(..)} SELECT ...`, $1 the outbox id. */
    claimSql: string;
    build: (row: Row, portal: MailPortalLink) => OutgoingMail;
    /** The job to reschedule on a transient failure: its task, payload field and key. */
    job: { name: string; field: string; key: string };
    kind: 'statement' | 'receipt';
    mailer: Mailer;
    backoff: Backoff;
    log: Logger;
    portal: PortalSettings;
  },
): Promise<void> {
  const link = prepareLink(spec.portal);
  const { rows } = await helpers.withPgClient((c) =>
    c.query<Row>(spec.claimSql, [id, ...insertLinkParams(link, null)]),
  );
  const row = rows[0];
  if (!row) return;
  const mail = spec.build(row, { url: link.url, expiresAt: row.link_expires_at });
  const attempt = row.attempts;
  // An earlier run of this job ended unreleased (a fault): it may have sent this already.
  if (helpers.job.attempts > 1) resendsAfterFault.inc({ kind: spec.kind });
  try {
    await spec.mailer.send(mail);
  } catch (err) {
    const reason = mailErrorReason(err);
    const ctx = { [`${spec.kind}Id`]: id, attempt, reason };
    if (isPermanentMailError(err) || attempt >= spec.backoff.maxAttempts) {
      spec.log.warn(ctx, `${spec.kind} e-mail failed`);
      await helpers.withPgClient((c) =>
        c.query(
          `UPDATE outbox SET status = 'FAILED', last_error = $3, next_attempt_at = NULL
            WHERE id = $1 AND attempts = $2`,
          [id, attempt, reason],
        ),
      );
      return;
    }
    const next = new Date(Date.now() + backoffDelay(spec.backoff, attempt));
    spec.log.info({ ...ctx, next }, `${spec.kind} e-mail will be retried`);
    await helpers.withPgClient((c) =>
      c.query(
        `WITH o AS (
           UPDATE outbox SET status = 'RETRYING', last_error = $3, next_attempt_at = $4
            WHERE id = $1 AND attempts = $2 RETURNING id)
         SELECT graphile_worker.add_job($5, json_build_object($6::text, o.id::text),
                                        run_at := $4, job_key := $7)
           FROM o`,
        [id, attempt, reason, next, spec.job.name, spec.job.field, spec.job.key],
      ),
    );
    return;
  }
  await helpers.withPgClient((c) =>
    c.query(
      `UPDATE outbox SET status = 'SENT', delivered_at = now(), last_error = NULL, next_attempt_at = NULL
        WHERE id = $1 AND attempts = $2`,
      [id, attempt],
    ),
  );
}
