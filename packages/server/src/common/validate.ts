import { badInput } from './errors';

// Input checks shared by every mutation: each names the offending field and
// runs before any transaction starts, so bad input changes nothing.

/** GraphQL's Int, and Postgres' integer: no credit figure may exceed it. */
export const MAX_INT = 2_147_483_647;

export function wholeCredits(value: number, field: string, min: number, max = MAX_INT): number {
  if (!Number.isInteger(value))
    throw badInput(field, `${field} must be a whole number of credits.`);
  if (value < min || value > max) throw badInput(field, `${field} must be from ${min} to ${max}.`);
  return value;
}

export function text(value: string, field: string, opts: { max: number; min?: number }): string {
  const trimmed = value.trim();
  const min = opts.min ?? 1;
  if (trimmed.length < min) throw badInput(field, `${field} must not be empty.`);
  if (trimmed.length > opts.max)
    throw badInput(field, `${field} must be at most ${opts.max} characters.`);
  // NUL cannot be stored in Postgres text; other control characters are noise.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(trimmed))
    throw badInput(field, `${field} contains control characters.`);
  return trimmed;
}

export function optionalText(
  value: string | null | undefined,
  field: string,
  opts: { max: number },
): string | null {
  return value == null ? null : text(value, field, opts);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(value: string, field: string): string {
  const v = text(value, field, { max: 320 });
  if (!EMAIL.test(v)) throw badInput(field, `${field} is not an e-mail address.`);
  return v.toLowerCase();
}

export function instant(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw badInput(field, `${field} is not a valid date-time.`);
  const y = value.getUTCFullYear();
  if (y < 1970 || y > 9999) throw badInput(field, `${field} must be between 1970 and 9999.`);
  return value;
}

// ISO 4217 codes as the runtime's ICU knows them (Node's full ICU: every
// active code), so no hand-kept list goes stale.
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code, upper-cased ('eur' -> 'EUR'). */
export function currencyCode(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !CURRENCIES.has(code))
    throw badInput(field, `${field} must be an ISO 4217 currency code such as EUR or USD.`);
  return code;
}

/**
 * An amount paid with its currency: both or neither (null). Integer minor
 * units (cents); 0 is allowed (a free promotion recorded as a purchase).
 */
export function paidAmount(
  cents: number | null | undefined,
  currency: string | null | undefined,
  fields: { cents: string; currency: string },
): { amountPaidCents: number; currency: string } | null {
  if (cents == null && currency == null) return null;
  if (cents == null)
    throw badInput(
      fields.cents,
      `${fields.cents} and ${fields.currency} go together: give both or neither.`,
    );
  if (currency == null)
    throw badInput(
      fields.currency,
      `${fields.cents} and ${fields.currency} go together: give both or neither.`,
    );
  if (!Number.isInteger(cents) || cents < 0 || cents > MAX_INT)
    throw badInput(
      fields.cents,
      `${fields.cents} must be a whole number of cents from 0 to ${MAX_INT}.`,
    );
  return { amountPaidCents: cents, currency: currencyCode(currency, fields.currency) };
}
