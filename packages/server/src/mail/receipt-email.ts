import type { ReceiptPayload } from '../outbox/receipts';
import type { OutgoingMail } from './mailer';
import {
  type MailPortalLink,
  escapeHtml,
  mailDate,
  mailMoney,
  plural,
  portalHtml,
  portalText,
  shortRef,
} from './readable';

export interface ReceiptMailInput {
  receiptId: string;
  payload: ReceiptPayload;
  account: { name: string; email: string };
  /** The license's domain and edition, for a grant. */
  license: { domain: string; edition: string } | null;
  /** The account's portal, minted for this message. */
  portal: MailPortalLink;
}

/** A receipt when credits arrive (a purchase or a license grant), as plain text and HTML. */
export function receiptMail(input: ReceiptMailInput): OutgoingMail {
  const { payload: p, account, license } = input;
  const bought = p.kind === 'PURCHASE';
  const expiry = p.expiresAt ? `expire on ${mailDate(new Date(p.expiresAt))}` : 'never expire';
  const paid =
    p.amountPaidCents != null && p.currency
      ? mailMoney(p.amountPaidCents, p.currency)
      : bought
        ? 'not recorded'
        : 'free with your license';
  const subject = bought
    ? `Receipt: ${plural(p.credits)} added to your support account`
    : `License registered: ${plural(p.credits)} of support included`;
  const lead = bought
    ? `Thank you for your purchase: ${plural(p.credits)} have been added to your account.`
    : p.credits > 0
      ? `Your license${license ? ` for ${license.domain}` : ''} comes with ${plural(p.credits)} of support.`
      : `Your license${license ? ` for ${license.domain}` : ''} is registered. It comes with no support credits${p.note ? `: ${p.note}` : '.'}`;
  const facts: [string, string][] = [
    ['Credits added', String(p.credits)],
    ...(p.credits > 0 ? [['These credits', expiry] as [string, string]] : []),
    ['Amount paid', paid],
    ...(p.paymentReference ? [['Payment reference', p.paymentReference] as [string, string]] : []),
    ...(license ? [['License', `${license.edition}, ${license.domain}`] as [string, string]] : []),
    ['Balance now', plural(p.balanceAfter)],
  ];
  const text = [
    `Hello ${account.name},`,
    '',
    lead,
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    portalText(input.portal),
    '',
    `Receipt ${shortRef('R', input.receiptId)}`,
  ].join('\n');
  const rows = facts
    .map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('\n');
  const html = `<!doctype html><html><body>
<p>Hello ${escapeHtml(account.name)},</p>
<p>${escapeHtml(lead)}</p>
<table>
${rows}
</table>
${portalHtml(input.portal)}
<p><small>Receipt ${shortRef('R', input.receiptId)}</small></p>
</body></html>`;
  return {
    to: account.email,
    subject,
    text,
    html,
    messageId: `<receipt-${input.receiptId}@credits-gateway>`,
  };
}
