// Every number the dashboard shows goes through here. Credits are whole numbers;
// prices are integer cents. Arithmetic stays in integers; only the final string
// for display is derived from them.

const groupInt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const CURRENCY_SYMBOL = '$';

/** "1,234" */
export function formatNumber(n: number): string {
  return groupInt.format(n);
}

/** "1,234 credits", "1 credit" */
export function formatCredits(n: number): string {
  return `${groupInt.format(n)} ${Math.abs(n) === 1 ? 'credit' : 'credits'}`;
}

/** Signed, for ledger movements: "+50", "−20", "0" */
export function formatSignedCredits(n: number): string {
  if (n > 0) return `+${groupInt.format(n)}`;
  if (n < 0) return `−${groupInt.format(-n)}`;
  return '0';
}

/** A credit price range: "20–30 credits", "10 credits", "Included" */
export function formatRange(range: { min: number; max: number; included?: boolean }): string {
  if (range.included || (range.min === 0 && range.max === 0)) return 'Included';
  if (range.min === range.max) return formatCredits(range.min);
  return `${groupInt.format(range.min)}–${groupInt.format(range.max)} credits`;
}

/** Integer cents to currency text without float arithmetic: 123456 -> "$1,234.56" */
export function formatCents(cents: number): string {
  if (!Number.isInteger(cents)) throw new TypeError(`cents must be an integer, got ${cents}`);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / 100);
  const frac = abs % 100;
  return `${negative ? '−' : ''}${CURRENCY_SYMBOL}${groupInt.format(whole)}.${String(frac).padStart(2, '0')}`;
}

/**
 * Parses what a person types as a price ("1234", "1,234.5", "$1,234.50") into
 * integer cents by string manipulation. Returns null for anything else
 * (negative, more than two decimals, letters).
 */
export function parseCents(input: string): number | null {
  const s = input.trim().replace(/^\$/, '').replace(/,/g, '').trim();
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m || m[1] === undefined) return null;
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(2, '0'));
  const cents = whole * 100 + frac;
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents to the text a price input starts with: 123456 -> "1234.56" */
export function centsToInput(cents: number): string {
  const whole = Math.trunc(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Discount as hundredths of a percent, in integers: list 10000, paid 7500 -> 2500 (25.00%).
 * Rounded half up; null when the list price is 0.
 */
export function discountBasisPoints(listCents: number, paidCents: number): number | null {
  if (listCents <= 0) return null;
  const off = listCents - paidCents;
  // (off * 10000 * 2 + list) / (2 * list), floored, rounds half up in integers.
  return Math.floor((off * 20000 + listCents) / (2 * listCents));
}

/** 2500 -> "25.00%" */
export function formatBasisPoints(bp: number): string {
  const negative = bp < 0;
  const abs = Math.abs(bp);
  return `${negative ? '−' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFmt = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Calendar date in UTC (order dates and expiries are stored as UTC instants): "12 Mar 2025" */
export function formatDate(iso: string): string {
  return dateFmt.format(new Date(iso));
}

/** "2025-03" -> "Mar 2025" */
export function formatMonthKey(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return key;
  return monthFmt.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}

const DAY_MS = 86_400_000;

/** Whole days from now until the instant, rounded up (an expiry later today is "in 1 day"). */
export function daysUntil(iso: string, now: Date = new Date()): number {
  return Math.ceil((new Date(iso).getTime() - now.getTime()) / DAY_MS);
}

/** "expires in 12 days", "expires today", "expired 3 days ago", "never expires" */
export function describeExpiry(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return 'never expires';
  const ms = new Date(iso).getTime() - now.getTime();
  if (ms <= 0) {
    const ago = Math.floor(-ms / DAY_MS);
    return ago === 0 ? 'expired today' : `expired ${ago} ${ago === 1 ? 'day' : 'days'} ago`;
  }
  const days = Math.ceil(ms / DAY_MS);
  if (ms < DAY_MS && new Date(iso).toDateString() === now.toDateString()) return 'expires today';
  return `expires in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** "YYYY-MM-DD" (a date input's value) -> the UTC midnight instant the API takes. */
export function dateInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * UTC midnight after the given day. The API's `to` is exclusive
 * (`created_at < to`), so this keeps the whole picked day in, including its
 * last millisecond, which an end-of-day instant would drop.
 */
export function dateInputToNextDayIso(value: string): string | null {
  const start = dateInputToIso(value);
  if (!start) return null;
  return new Date(Date.parse(start) + DAY_MS).toISOString();
}

/**
 * Today as "YYYY-MM-DD" on the local calendar: what a person means by "today"
 * in a date input. The UTC date is a day off around midnight away from UTC.
 */
export function todayInput(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Calendar months in UTC, clamped to the month's last day as Postgres'
 * `interval 'N months'` does: 2024-02-29 + 12 months = 2025-02-28.
 */
export function addMonthsIso(iso: string, months: number): string {
  const d = new Date(iso);
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.toISOString();
}

/**
 * Integer minor units of an ISO 4217 currency to text, without float
 * arithmetic: (123456, 'EUR') -> "€1,234.56", (500, 'JPY') -> "¥500". The
 * decimal string is built from integers and handed to Intl as a string.
 */
export function formatMoney(minor: number, currency: string): string {
  if (!Number.isInteger(minor)) throw new TypeError(`minor units must be an integer, got ${minor}`);
  const fmt = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits);
  const decimal = `${minor < 0 ? '-' : ''}${whole}${digits ? `.${frac}` : ''}`;
  return fmt.format(decimal as Intl.StringNumericLiteral);
}

// One time-zone rule for the whole dashboard: an instant is shown in the
// viewer's zone, with the zone named ("4 Dec 2025, 18:33 PST"), and the same
// instant in UTC on hover. <Time> in shared/ui/time.tsx is the one place that
// renders it; `timeZone` is for tests.
const zonedFmts = new Map<string, Intl.DateTimeFormat>();
function zonedFmt(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = zonedFmts.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    zonedFmts.set(key, f);
  }
  return f;
}

/** An instant in the viewer's zone, the zone named: "4 Dec 2025, 18:33 GMT-8". */
export function formatInstant(iso: string, timeZone?: string): string {
  return zonedFmt(timeZone).format(new Date(iso));
}

/** The same instant in UTC, for the hover: "5 Dec 2025, 02:33 UTC". */
export function formatInstantUtc(iso: string): string {
  return zonedFmt('UTC').format(new Date(iso));
}
