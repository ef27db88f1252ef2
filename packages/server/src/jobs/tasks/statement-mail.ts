import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';
import type { Mailer } from '../../mail/mailer';
import { statementMail } from '../../mail/statement-email';
import type { StatementPayload } from '../../outbox/statements';
import { CLAIMED_LINK, type ClaimedOutboxRow, outboxMailSql, sendOutboxMail } from '../outbox-mail';
import { STATEMENT_TOPIC } from '../../outbox/statements';
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
 * Everything the e-mail needs, read in the statement that claims it: the
 * statement, its account, its ticket's subject, and the lots with credits
 * left that expire within 30 days of the statement, soonest first.
 */
const SQL = outboxMailSql(
  STATEMENT_TOPIC,
  statementJobKey,
  `SELECT o.id, o.payload, o.attempts, ${CLAIMED_LINK}, a.name, a.email, t.subject,
         (SELECT coalesce(json_agg(json_build_object('credits', l.remaining_credits,
                                                     'expiresAt', l.expires_at)
                                   ORDER BY l.expires_at), '[]')
            FROM credit_lots l
           WHERE l.account_id = o.account_id AND l.remaining_credits > 0
             AND ${liveAtSql('l', 'o.created_at')}
             AND ${deadAtSql('l', "o.created_at + interval '30 days'")}) AS expiring
    FROM o JOIN accounts a ON a.id = o.account_id
    LEFT JOIN tickets t ON t.id = (o.payload->>'ticketId')::uuid`,
);

/**
 * Sends one statement e-mail (P18), at least once, and in a backlog the next
 * waiting ones: sendOutboxMail claims, sends and records them (a row SENT is
 * never sent again by a redelivered job). Transient failures reschedule the
 * row's job with backoff; SMTP 5xx answers are final.
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
      sql: SQL,
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
      job: { name: STATEMENT_MAIL, field: 'statementId', key: statementJobKey },
      kind: 'statement',
      ...deps,
    });
  };
}
