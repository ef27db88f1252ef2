import type { StatementPayload } from '../outbox/statements';
import type { OutgoingMail } from './mailer';
import {
  type MailPortalLink,
  escapeHtml,
  mailDate,
  plural,
  portalHtml,
  portalText,
  shortRef,
} from './readable';

export interface StatementMailInput {
  statementId: string;
  payload: StatementPayload;
  account: { name: string; email: string };
  ticket: { id: string; subject: string };
  /** Lots with credits left that expire within 30 days of the statement, soonest first. */
  expiring: { credits: number; expiresAt: Date }[];
  /** The account's portal, minted for this message. */
  portal: MailPortalLink;
}

const day = mailDate;

/** P18: the customer's statement after a charge or refund, as plain text and HTML. */
export function statementMail(input: StatementMailInput): OutgoingMail {
  const { payload: p, ticket, account, expiring } = input;
  const charged = p.kind === 'CHARGE';
  const figure = charged ? `Credits charged: ${p.credits}` : `Credits refunded: ${p.credits}`;
  const subject = charged
    ? `Statement: ${plural(p.credits)} charged for "${ticket.subject}"`
    : `Statement: ${plural(p.credits)} refunded for "${ticket.subject}"`;
  const expiryLines = expiring.length
    ? expiring.map((e) => `  ${plural(e.credits)} expire on ${day(e.expiresAt)}`)
    : ['  None.'];
  const text = [
    `Hello ${account.name},`,
    '',
    p.message,
    '',
    `Ticket: ${ticket.subject} (${shortRef('T', ticket.id)})`,
    figure,
    `Balance left: ${p.balanceAfter}`,
    '',
    'Credits expiring within 30 days:',
    ...expiryLines,
    '',
    portalText(input.portal),
    '',
    `Statement ${shortRef('S', input.statementId)}`,
  ].join('\n');
  const rows = expiring.length
    ? expiring.map((e) => `<li>${plural(e.credits)} expire on ${day(e.expiresAt)}</li>`).join('')
    : '<li>None.</li>';
  const html = `<!doctype html><html><body>
<p>Hello ${escapeHtml(account.name)},</p>
<p>${escapeHtml(p.message)}</p>
<table>
<tr><th align="left">Ticket</th><td>${escapeHtml(ticket.subject)} (${shortRef('T', ticket.id)})</td></tr>
<tr><th align="left">${charged ? 'Credits charged' : 'Credits refunded'}</th><td>${p.credits}</td></tr>
<tr><th align="left">Balance left</th><td>${p.balanceAfter}</td></tr>
</table>
<p>Credits expiring within 30 days:</p>
<ul>${rows}</ul>
${portalHtml(input.portal)}
<p><small>Statement ${shortRef('S', input.statementId)}</small></p>
</body></html>`;
  return {
    to: account.email,
    subject,
    text,
    html,
    messageId: `<statement-${input.statementId}@credits-gateway>`,
  };
}
