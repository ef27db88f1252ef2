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

// Single-line text (names, subjects, references, key names, descriptions)
// ends up in e-mail bodies, CSV cells and log lines, where a line break lets
// the sender write lines of its own: every C0 and C1 control character, DEL
// and the Unicode line and paragraph separators are refused. Multi-line text
// (a refund's reason) may hold tabs and line breaks, nothing else.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

// A lone UTF-16 surrogate is no character at all: Postgres' jsonb (audit
// events, webhook payloads) refuses it, so it is the client's error here.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (c: string) =>
  `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function text(
  value: string,
  field: string,
  opts: { max: number; min?: number; multiline?: boolean },
): string {
  const trimmed = value.trim();
  const min = opts.min ?? 1;
  if (trimmed.length < min) throw badInput(field, `${field} must not be empty.`);
  if (trimmed.length > opts.max)
    throw badInput(field, `${field} must be at most ${opts.max} characters.`);
  if (LONE_SURROGATE.test(trimmed))
    throw badInput(field, `${field} is not valid Unicode text (a lone surrogate).`);
  const bad = (opts.multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).exec(trimmed);
  if (bad)
    throw badInput(
      field,
      opts.multiline
        ? `${field} contains a control character (${codePoint(bad[0])}).`
        : `${field} must be a single line without control characters; it contains ${codePoint(bad[0])}.`,
    );
  return trimmed;
}

export function optionalText(
  value: string | null | undefined,
  field: string,
  opts: { max: number; min?: number; multiline?: boolean },
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
