// What every customer e-mail shares, so they read alike: dates as people
// write them ("1 Jan 2027", in UTC, the calendar expiries are computed in),
// short references instead of UUIDs, and HTML escaping.

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "1 Jan 2027" */
export function mailDate(d: Date): string {
  return DAY.format(d);
}

/**
 * A short reference for a UUID: a letter and the last 8 hex digits, upper
 * case ("T-8B239FDB"). The ids are UUIDv7, whose tail is random, so within
 * one customer's mail these do not collide in practice; the full id is in the
 * portal and the API.
 */
export function shortRef(prefix: 'T' | 'S' | 'R', id: string): string {
  return `${prefix}-${id.replace(/-/g, '').slice(-8).toUpperCase()}`;
}

export const plural = (n: number): string => `${n} credit${n === 1 ? '' : 's'}`;

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Integer minor units and an ISO 4217 code, exactly: (4999, 'EUR') -> "€49.99". */
export function mailMoney(minor: number, currency: string): string {
  const fmt = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = `${minor < 0 ? '-' : ''}${abs.slice(0, abs.length - digits)}${digits ? `.${abs.slice(abs.length - digits)}` : ''}`;
  // Intl.NumberFormat v3 formats a decimal string exactly; this lib's types predate it.
  return fmt.format(decimal as unknown as number);
}

/** A customer portal link as an e-mail carries it: made when the message is rendered. */
export interface MailPortalLink {
  url: string;
  expiresAt: Date;
}

/** The portal paragraph every customer e-mail ends with, plain text. */
export function portalText(link: MailPortalLink): string {
  return [
    'Your account online (balance, credits and when they expire, statements and receipts):',
    link.url,
    `This link works until ${mailDate(link.expiresAt)}.`,
  ].join('\n');
}

/** The same paragraph in HTML. */
export function portalHtml(link: MailPortalLink): string {
  return `<p><a href="${escapeHtml(link.url)}">See your account online</a>: balance, credits and when they expire, statements and receipts. This link works until ${mailDate(link.expiresAt)}.</p>`;
}
