import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';
import type { Mailer } from '../../mail/mailer';
import { receiptMail } from '../../mail/receipt-email';
import type { ReceiptPayload } from '../../outbox/receipts';
import { JOBS } from '../../db/read-rules';
import { CLAIMED_LINK, type ClaimedOutboxRow, outboxMailSql, sendOutboxMail } from '../outbox-mail';
import { RECEIPT_TOPIC } from '../../outbox/receipts';
import type { PortalSettings } from '../../common/context';
import type { Backoff } from '../retry';

export const RECEIPT_MAIL = JOBS.receiptMail.name;
const receiptJobKey = JOBS.receiptMail.key;

interface ReceiptRow extends ClaimedOutboxRow {
  payload: ReceiptPayload;
  name: string;
  email: string;
  domain: string | null;
  edition: string | null;
}

const SQL = outboxMailSql(
  RECEIPT_TOPIC,
  receiptJobKey,
  `SELECT o.id, o.payload, o.attempts, ${CLAIMED_LINK}, a.name, a.email, li.domain, li.edition::text AS edition
    FROM o JOIN accounts a ON a.id = o.account_id
    LEFT JOIN licenses li ON li.id = (o.payload->>'licenseId')::uuid`,
);

/**
 * Sends one receipt e-mail as statements are sent (sendOutboxMail): claimed
 * and loaded in one statement, recorded (and the next waiting receipt
 * claimed) in one; transient failures come back with backoff, 5xx is final.
 */
export function receiptMailTask(deps: {
  mailer: Mailer;
  backoff: Backoff;
  log: Logger;
  portal: PortalSettings;
}): Task {
  return async (raw, helpers) => {
    const { receiptId } = raw as { receiptId: string };
    await sendOutboxMail<ReceiptRow>(helpers, receiptId, {
      sql: SQL,
      build: (r, portal) =>
        receiptMail({
          receiptId: r.id,
          payload: r.payload,
          account: { name: r.name, email: r.email },
          license: r.domain && r.edition ? { domain: r.domain, edition: r.edition } : null,
          portal,
        }),
      job: { name: RECEIPT_MAIL, field: 'receiptId', key: receiptJobKey },
      kind: 'receipt',
      ...deps,
    });
  };
}
