import { describe, expect, it } from 'vitest';
import {
  addMonthsIso,
  centsToInput,
  dateInputToNextDayIso,
  formatMoney,
  formatInstant,
  formatInstantUtc,
  describeExpiry,
  discountBasisPoints,
  formatBasisPoints,
  formatCents,
  formatCredits,
  formatRange,
  formatSignedCredits,
  parseCents,
  todayInput,
} from './format';

describe('money and credits formatting', () => {
  it('formats integer cents as currency without float arithmetic', () => {
    expect(formatCents(0)).toBe('$0.00');
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(123456)).toBe('$1,234.56');
    expect(formatCents(-1999)).toBe('−$19.99');
    expect(() => formatCents(1.5)).toThrow(TypeError);
  });

  it('parses typed prices into integer cents', () => {
    expect(parseCents('1200')).toBe(120000);
    expect(parseCents('1,234.5')).toBe(123450);
    expect(parseCents('$0.07')).toBe(7);
    expect(parseCents(' 19.99 ')).toBe(1999);
    expect(parseCents('0.1')).toBe(10);
    expect(parseCents('1.234')).toBeNull();
    expect(parseCents('-5')).toBeNull();
    expect(parseCents('abc')).toBeNull();
    expect(parseCents('')).toBeNull();
    expect(centsToInput(120050)).toBe('1200.50');
  });

  it('formats credits and ranges', () => {
    expect(formatCredits(1)).toBe('1 credit');
    expect(formatCredits(1200)).toBe('1,200 credits');
    expect(formatSignedCredits(50)).toBe('+50');
    expect(formatSignedCredits(-20)).toBe('−20');
    expect(formatRange({ min: 20, max: 30, included: false })).toBe('20–30 credits');
    expect(formatRange({ min: 10, max: 10, included: false })).toBe('10 credits');
    expect(formatRange({ min: 0, max: 0, included: true })).toBe('Included');
  });

  it('P2: discount in whole basis points (exactly 20% and just above)', () => {
    expect(discountBasisPoints(100000, 80000)).toBe(2000);
    expect(formatBasisPoints(2000)).toBe('20.00%');
    expect(discountBasisPoints(1000000, 799900)).toBe(2001);
    expect(formatBasisPoints(2001)).toBe('20.01%');
    expect(discountBasisPoints(0, 0)).toBeNull();
    expect(discountBasisPoints(3, 2)).toBe(3333);
  });

  it('P3: adds calendar months the way Postgres does (leap day clamps)', () => {
    expect(addMonthsIso('2024-02-29T00:00:00.000Z', 12)).toBe('2025-02-28T00:00:00.000Z');
    expect(addMonthsIso('2024-01-31T00:00:00.000Z', 1)).toBe('2024-02-29T00:00:00.000Z');
    expect(addMonthsIso('2025-03-15T10:30:00.000Z', 12)).toBe('2026-03-15T10:30:00.000Z');
  });

  it('describes expiry in days', () => {
    const now = new Date('2025-01-01T12:00:00Z');
    expect(describeExpiry(null, now)).toBe('never expires');
    expect(describeExpiry('2025-01-13T12:00:00Z', now)).toBe('expires in 12 days');
    expect(describeExpiry('2025-01-02T11:00:00Z', now)).toBe('expires in 1 day');
    expect(describeExpiry('2024-12-29T12:00:00Z', now)).toBe('expired 3 days ago');
  });
});

describe('dates for inputs and UTC pages', () => {
  it('gives today on the local calendar, not the UTC one', () => {
    // Built from local fields, so this holds in any time zone the tests run in.
    expect(todayInput(new Date(2025, 0, 1, 23, 59))).toBe('2025-01-01');
    expect(todayInput(new Date(2025, 11, 31, 0, 1))).toBe('2025-12-31');
  });

  it('ends a picked day at the next UTC midnight (for an exclusive `to`)', () => {
    expect(dateInputToNextDayIso('2025-01-31')).toBe('2025-02-01T00:00:00.000Z');
    expect(dateInputToNextDayIso('2024-02-28')).toBe('2024-02-29T00:00:00.000Z');
    expect(dateInputToNextDayIso('not a date')).toBeNull();
  });

  it("shows an instant in the viewer's zone, the zone named, and in UTC for the hover", () => {
    // Issue 15: in Los Angeles the same charge read "4 Dec" on one page and
    // "5 Dec 02:33 (UTC)" on another; now both say which zone they mean.
    const iso = '2025-12-05T02:33:00.000Z';
    expect(formatInstant(iso, 'America/Los_Angeles')).toBe('4 Dec 2025, 18:33 GMT-8');
    expect(formatInstant(iso, 'Europe/Berlin')).toBe('5 Dec 2025, 03:33 CET');
    expect(formatInstantUtc(iso)).toBe('5 Dec 2025, 02:33 UTC');
  });
});

describe('formatMoney', () => {
  it("formats integer minor units exactly in the currency's own digits", () => {
    expect(formatMoney(123_456, 'EUR')).toBe('€1,234.56');
    expect(formatMoney(5, 'USD')).toBe('US$0.05');
    expect(formatMoney(500, 'JPY')).toBe('JP¥500');
    expect(formatMoney(1_234, 'KWD').replace(/\s/g, ' ')).toBe('KWD 1.234');
    // Past 2^53 / 100 a float would round; the string path does not.
    expect(formatMoney(2_147_483_647, 'EUR')).toBe('€21,474,836.47');
    expect(() => formatMoney(1.5, 'EUR')).toThrow(TypeError);
  });
});
