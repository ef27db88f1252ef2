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
