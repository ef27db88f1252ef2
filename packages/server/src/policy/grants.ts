import { Edition, SupportLevel } from './enums';
import {
  checkLicenseTerms,
  EDITION_NAMES,
  type LicenseTerms,
  type PlanKey,
  planKey,
  planName,
} from './license-terms';

const L1 = SupportLevel.LEVEL_1;
const L2 = SupportLevel.LEVEL_2;

// POLICY.md P1 (and P5: the zero rows are kept, a zero grant is still a decision).
export const GRANT_TABLE: Record<PlanKey, { credits: number; includedLevels: SupportLevel[] }> = {
  FREE: { credits: 0, includedLevels: [] },
  LEASED: { credits: 50, includedLevels: [L1] },
  OWNED: { credits: 200, includedLevels: [] },
  SAAS_BASIC: { credits: 50, includedLevels: [L1] },
  SAAS_STANDARD: { credits: 200, includedLevels: [L1] },
  SAAS_PROFESSIONAL: { credits: 0, includedLevels: [L1, L2] },
};

export interface DiscountRule {
  editions: Edition[];
  maxDiscountPercent: number;
}

// POLICY.md P2. The page footnotes only the Owned row; listing editions here
// lets the vendor extend the rule without touching grantFor.
export const DISCOUNT_RULE: DiscountRule = {
  editions: [Edition.OWNED] as Edition[],
  maxDiscountPercent: 20,
};

// P3: the page says "12 months from the order date".
export const GRANT_VALIDITY_MONTHS = 12;

export interface GrantDecision {
  credits: number;
  includedLevels: SupportLevel[];
  note: string;
}

// Exact integer division for non-negative safe integers; `%` on integers is
// exact, so no floating-point quotient is ever rounded.
function intDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

// Prices are at most 2^31 - 1 cents, so `price * 100` < 2^38 and
// `price * 10_000` < 2^45: both far below 2^53, every product below is exact.
export function isOverDiscounted(t: LicenseTerms, rule: DiscountRule = DISCOUNT_RULE): boolean {
  if (!rule.editions.includes(t.edition)) return false;
  return t.paidPriceCents * 100 < t.listPriceCents * (100 - rule.maxDiscountPercent);
}

// The discount shown to a person, floored to two decimals ("20.01%"); when the
// floor drops digits it says "over", because the true figure is strictly higher.
export function formatDiscount(listPriceCents: number, paidPriceCents: number): string {
  if (listPriceCents === 0) return '0%';
  const scaled = (listPriceCents - paidPriceCents) * 10_000;
  const basisPoints = intDiv(scaled, listPriceCents);
  const exact = basisPoints * listPriceCents === scaled;
  const whole = intDiv(basisPoints, 100);
  const cents = basisPoints % 100;
  let text = String(whole);
  if (cents !== 0) {
    text += '.' + String(cents).padStart(2, '0').replace(/0$/, '');
  }
  return `${exact ? '' : 'over '}${text}%`;
}

function includedText(levels: SupportLevel[]): string {
  const names = levels.map((l) => (l === L1 ? 'Level 1' : 'Level 2'));
  return names.join(' and ');
}

function creditsText(n: number): string {
  return `${n} ${n === 1 ? 'credit' : 'credits'}`;
}

// Throws on terms that checkLicenseTerms refuses: a grant must never be
// computed from data that could not have been stored.
export function grantFor(t: LicenseTerms, rule: DiscountRule = DISCOUNT_RULE): GrantDecision {
  const problem = checkLicenseTerms(t);
  if (problem) throw new RangeError(problem.message);

  const key = planKey(t.edition, t.hostingPlan);
  const row = GRANT_TABLE[key];
  const includedLevels = [...row.includedLevels];
  const included = includedText(includedLevels);
  const plan = planName(key);

  if (row.credits > 0 && isOverDiscounted(t, rule)) {
    const off = formatDiscount(t.listPriceCents, t.paidPriceCents);
    const edition = EDITION_NAMES[t.edition];
    let note = `0 credits: bought at ${off} off list; the ${edition} edition grants no credits above ${rule.maxDiscountPercent}% off.`;
    if (included) note += ` ${included} support is still included.`;
    return { credits: 0, includedLevels, note };
  }

  let note: string;
  if (row.credits === 0 && included) {
    note = `0 credits: ${plan} includes ${included} support at no charge.`;
  } else if (included) {
    note = `${creditsText(row.credits)}: ${plan}; ${included} support included.`;
  } else {
    note = `${creditsText(row.credits)}: ${plan}.`;
  }
  return { credits: row.credits, includedLevels, note };
}

function daysInMonthUtc(year: number, monthIndex: number): number {
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps
  // years 0..99 literal, where Date.UTC would shift them to 19xx.
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex + 1, 0);
  return d.getUTCDate();
}

// Same arithmetic as Postgres `timestamptz + interval 'N months'` under
// TimeZone=UTC: move the calendar month, clamp the day to that month's last
// day, keep the time of day.
export function addMonthsUtc(date: Date, months: number): Date {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date.');
  if (!Number.isSafeInteger(months)) throw new RangeError('Months must be a whole number.');
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const month = ((total % 12) + 12) % 12;
  const year = (total - month) / 12;
  const day = Math.min(date.getUTCDate(), daysInMonthUtc(year, month));
  const out = new Date(0);
  out.setUTCFullYear(year, month, day);
  out.setUTCHours(
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
  return out;
}

export function grantExpiresAt(orderDate: Date): Date {
  return addMonthsUtc(orderDate, GRANT_VALIDITY_MONTHS);
}
