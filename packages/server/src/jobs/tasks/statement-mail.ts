import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';
import type { Mailer } from '../../mail/mailer';
import { statementMail } from '../../mail/statement-email';
import type { StatementPayload } from '../../outbox/statements';
import {
  CLAIMED_LINK,
  type ClaimedOutboxRow,
  claimOutboxCte,
  sendOutboxMail,
} from '../outbox-mail';
import type { PortalSettings } from '../../common/context';
import type { Backoff } from '../retry';
import { JOBS, deadAtSql, liveAtSql } from '../../db/read-rules';

export const STATEMENT_MAIL = JOBS.statementMail.name;
export const statementJobKey = JOBS.statementMail.key;

interface StatementRow extends ClaimedOutboxRow {
  payload: StatementPayload;
  name: string;
  email: string;
  subject: string | null;
  /** As JSON: timestamps are ISO strings. */
  expiring: { credits: number; expiresAt: string }[];
}

/**
 * The claim and everything the e-mail needs, in one statement: the
 * statement, its account, its ticket's subject, and the lots with credits
 * left that expire within 30 days of the statement, soonest first.
 */
const CLAIM = `WITH ${claimOutboxCte(null)}
  SELECT o.id, o.payload, o.attempts, ${CLAIMED_LINK}, a.name, a.email, t.subject,
         (SELECT coalesce(json_agg(json_build_object('credits', l.remaining_credits,
                                                     'expiresAt', l.expires_at)
                                   ORDER BY l.expires_at), '[]')
            FROM credit_lots l
           WHERE l.account_id = o.account_id AND l.remaining_credits > 0
             AND ${liveAtSql('l', 'o.created_at')}
             AND ${deadAtSql('l', "o.created_at + interval '30 days'")}) AS expiring
    FROM o JOIN accounts a ON a.id = o.account_id
    LEFT JOIN tickets t ON t.id = (o.payload->>'ticketId')::uuid`;

/**
 * Sends one statement e-mail (P18), at least once: sendOutboxMail claims,
 * sends and records it (a row SENT is never sent again by a redelivered
 * job). Transient failures reschedule this job with backoff; SMTP 5xx
 * answers are final.
 */
export function statementMailTask(deps: {
  mailer: Mailer;
  backoff: Backoff;
  log: Logger;
  portal: PortalSettings;
}): Task {
  return async (raw, helpers) => {
    const { statementId } = raw as { statementId: string };
    await sendOutboxMail<StatementRow>(helpers, statementId, {
      claimSql: CLAIM,
      build: (s, portal) =>
        statementMail({
          statementId: s.id,
          payload: s.payload,
          account: { name: s.name, email: s.email },
          ticket: { id: s.payload.ticketId, subject: s.subject ?? '' },
          expiring: s.expiring.map((e) => ({
            credits: e.credits,
            expiresAt: new Date(e.expiresAt),
          })),
          portal,
        }),
      job: { name: STATEMENT_MAIL, field: 'statementId', key: statementJobKey(statementId) },
      kind: 'statement',
      ...deps,
    });
  };
}
