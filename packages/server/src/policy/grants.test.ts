import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Edition, HostingPlan, SupportLevel } from './enums';
import {
  addMonthsUtc,
  DISCOUNT_RULE,
  formatDiscount,
  GRANT_TABLE,
  GRANT_VALIDITY_MONTHS,
  grantExpiresAt,
  grantFor,
  isOverDiscounted,
} from './grants';
import { type LicenseTerms, MAX_PRICE_CENTS } from './license-terms';

const L1 = SupportLevel.LEVEL_1;
const L2 = SupportLevel.LEVEL_2;

const terms = (
  edition: Edition,
  hostingPlan: HostingPlan | null,
  listPriceCents = 10000,
  paidPriceCents = listPriceCents,
): LicenseTerms => ({ edition, hostingPlan, listPriceCents, paidPriceCents });

const utc = (iso: string): Date => new Date(iso);

describe('grant table', () => {
  // Transcribed from POLICY.md P1 by hand; do not derive from GRANT_TABLE.
  const expected = [
    ['FREE', Edition.FREE, null, 0, [], '0 credits: Free edition.'],
    [
      'LEASED',
      Edition.LEASED,
      null,
      50,
      [L1],
      '50 credits: Leased edition; Level 1 support included.',
    ],
    ['OWNED', Edition.OWNED, null, 200, [], '200 credits: Owned edition.'],
    [
      'SAAS_BASIC',
      Edition.SAAS,
      HostingPlan.BASIC,
      50,
      [L1],
      '50 credits: SaaS Basic plan; Level 1 support included.',
    ],
    [
      'SAAS_STANDARD',
      Edition.SAAS,
      HostingPlan.STANDARD,
      200,
      [L1],
      '200 credits: SaaS Standard plan; Level 1 support included.',
    ],
    [
      'SAAS_PROFESSIONAL',
      Edition.SAAS,
      HostingPlan.PROFESSIONAL,
      0,
      [L1, L2],
      '0 credits: SaaS Professional plan includes Level 1 and Level 2 support at no charge.',
    ],
  ] as const;

  it.each(expected)(
    'P1 %s grants its row of the table',
    (key, edition, plan, credits, levels, note) => {
      expect(GRANT_TABLE[key]).toEqual({ credits, includedLevels: levels });
      expect(grantFor(terms(edition, plan))).toEqual({ credits, includedLevels: levels, note });
    },
  );

  it('P1 the table has exactly the six plan columns', () => {
    expect(Object.keys(GRANT_TABLE).sort()).toEqual(expected.map((row) => row[0]).sort());
  });

  it('P5 a Free license decides 0 credits and says why', () => {
    expect(grantFor(terms(Edition.FREE, null, 0, 0))).toEqual({
      credits: 0,
      includedLevels: [],
      note: '0 credits: Free edition.',
    });
  });

  it('P5 a SaaS Professional license decides 0 credits because support is included', () => {
    const decision = grantFor(terms(Edition.SAAS, HostingPlan.PROFESSIONAL));
    expect(decision.credits).toBe(0);
    expect(decision.note).toMatch(/includes Level 1 and Level 2 support/);
  });

  it('P1 a decision does not share its includedLevels array with the table', () => {
    const decision = grantFor(terms(Edition.LEASED, null));
    decision.includedLevels.push(L2);
    expect(GRANT_TABLE.LEASED.includedLevels).toEqual([L1]);
  });

  it('P1 refuses to decide on terms that could not be stored', () => {
    expect(() => grantFor(terms(Edition.SAAS, null))).toThrow(/hosting plan/);
    expect(() => grantFor(terms(Edition.OWNED, null, 100, 101))).toThrow(/above the list price/);
    expect(() => grantFor(terms(Edition.OWNED, HostingPlan.BASIC))).toThrow(RangeError);
  });
});

describe('discount rule', () => {
  it('P2 the rule is data: Owned only, at most 20% off', () => {
    expect(DISCOUNT_RULE).toEqual({ editions: [Edition.OWNED], maxDiscountPercent: 20 });
  });

  it('P2 an Owned license at exactly 20% off still gets its credits', () => {
    expect(grantFor(terms(Edition.OWNED, null, 10000, 8000))).toEqual({
      credits: 200,
      includedLevels: [],
      note: '200 credits: Owned edition.',
    });
  });

  it('P2 an Owned license at 20.01% off gets no credits', () => {
    expect(grantFor(terms(Edition.OWNED, null, 10000, 7999))).toEqual({
      credits: 0,
      includedLevels: [],
      note: '0 credits: bought at 20.01% off list; the Owned edition grants no credits above 20% off.',
    });
  });

  it('P2 an Owned license at 25% off gets no credits', () => {
    expect(grantFor(terms(Edition.OWNED, null, 10000, 7500)).note).toBe(
      '0 credits: bought at 25% off list; the Owned edition grants no credits above 20% off.',
    );
  });

  it('P2 a discount just over 20% is never shown as exactly 20%', () => {
    // 20.001% floors to 20.00%; the note must still read as more than 20.
    const decision = grantFor(terms(Edition.OWNED, null, 100000, 79999));
    expect(decision.credits).toBe(0);
    expect(decision.note).toBe(
      '0 credits: bought at over 20% off list; the Owned edition grants no credits above 20% off.',
    );
  });

  it('P2 an Owned license given away for free gets no credits', () => {
    expect(grantFor(terms(Edition.OWNED, null, 10000, 0)).note).toMatch(/bought at 100% off list/);
  });

  it('P2 an Owned license with list price 0 has no discount and gets its credits', () => {
    expect(grantFor(terms(Edition.OWNED, null, 0, 0)).credits).toBe(200);
  });

  it('P2 the boundary holds at the largest storable prices', () => {
    // list * 80 is divisible by 100 only when list is divisible by 5.
    const list = 2_147_483_645;
    expect(isOverDiscounted(terms(Edition.OWNED, null, list, (list / 5) * 4))).toBe(false);
    expect(isOverDiscounted(terms(Edition.OWNED, null, list, (list / 5) * 4 - 1))).toBe(true);
    expect(isOverDiscounted(terms(Edition.OWNED, null, MAX_PRICE_CENTS, 0))).toBe(true);
  });

  it.each([
    [Edition.LEASED, null, 50],
    [Edition.SAAS, HostingPlan.BASIC, 50],
    [Edition.SAAS, HostingPlan.STANDARD, 200],
  ] as const)('P2 the discount rule does not touch %s %s', (edition, plan, credits) => {
    expect(grantFor(terms(edition, plan, 10000, 1000)).credits).toBe(credits);
  });

  it('P2 the rule extends to another edition by listing it', () => {
    const rule = { editions: [Edition.OWNED, Edition.LEASED], maxDiscountPercent: 20 };
    expect(grantFor(terms(Edition.LEASED, null, 10000, 8000), rule).credits).toBe(50);
    expect(grantFor(terms(Edition.LEASED, null, 10000, 7999), rule)).toEqual({
      credits: 0,
      includedLevels: [L1],
      note:
        '0 credits: bought at 20.01% off list; the Leased edition grants no credits above 20% off. ' +
        'Level 1 support is still included.',
    });
  });

  it('P2 the threshold is data too', () => {
    const rule = { editions: [Edition.OWNED], maxDiscountPercent: 10 };
    expect(grantFor(terms(Edition.OWNED, null, 10000, 9000), rule).credits).toBe(200);
    expect(grantFor(terms(Edition.OWNED, null, 10000, 8999), rule).note).toMatch(
      /10.01% off list; the Owned edition grants no credits above 10% off/,
    );
  });

  it.each([
    [10000, 10000, '0%'],
    [10000, 8000, '20%'],
    [10000, 7999, '20.01%'],
    [10000, 7990, '20.1%'],
    [10000, 7950, '20.5%'],
    [3, 2, 'over 33.33%'],
    [3, 0, '100%'],
    [0, 0, '0%'],
  ])('P2 a discount of list %i paid %i reads %s', (list, paid, text) => {
    expect(formatDiscount(list, paid)).toBe(text);
  });

  const prices = fc
    .tuple(
      fc.integer({ min: 1, max: MAX_PRICE_CENTS }),
      fc.integer({ min: 0, max: MAX_PRICE_CENTS }),
    )
    // [list, paid] with paid <= list, as checkLicenseTerms guarantees.
    .map(([a, b]): [number, number] => (a >= b ? [a, b] : [b, a]));

  it('P2 the whole-number comparison agrees with exact rational arithmetic', () => {
    fc.assert(
      fc.property(prices, ([list, paid]) => {
        // discount > 20%  <=>  (list - paid) / list > 1/5  <=>  5 (list - paid) > list
        const exact = 5n * (BigInt(list) - BigInt(paid)) > BigInt(list);
        expect(isOverDiscounted(terms(Edition.OWNED, null, list, paid))).toBe(exact);
      }),
    );
  });

  it('P2 the shown discount is the exact one floored to two decimals', () => {
    fc.assert(
      fc.property(prices, ([list, paid]) => {
        const num = (BigInt(list) - BigInt(paid)) * 10000n;
        const bp = num / BigInt(list);
        const exact = bp * BigInt(list) === num;
        const whole = bp / 100n;
        const frac = (bp % 100n).toString().padStart(2, '0').replace(/0+$/, '');
        const text = `${exact ? '' : 'over '}${whole}${frac ? '.' + frac : ''}%`;
        expect(formatDiscount(list, paid)).toBe(text);
      }),
    );
  });
});

describe('grant expiry', () => {
  it('P3 credits are valid for 12 months', () => {
    expect(GRANT_VALIDITY_MONTHS).toBe(12);
  });

  it.each([
    ['leap day clamps to 28 Feb', '2024-02-29T10:00:00.000Z', '2025-02-28T10:00:00.000Z'],
    ['31 January stays 31 January', '2024-01-31T00:00:00.000Z', '2025-01-31T00:00:00.000Z'],
    [
      '28 Feb before a leap year stays 28 Feb',
      '2023-02-28T12:34:56.789Z',
      '2024-02-28T12:34:56.789Z',
    ],
    ['1 March stays 1 March', '2023-03-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    ['last instant of a year', '2024-12-31T23:59:59.999Z', '2025-12-31T23:59:59.999Z'],
    ['first instant of a year', '2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ['30 April', '2024-04-30T08:00:00.000Z', '2025-04-30T08:00:00.000Z'],
  ])('P3 %s', (_what, order, expires) => {
    expect(grantExpiresAt(utc(order)).toISOString()).toBe(expires);
  });

  it('P3 counts in UTC, not in the server time zone', () => {
    // 23:30 UTC on 31 Jan is already 1 Feb east of Greenwich; the UTC day wins.
    expect(grantExpiresAt(utc('2023-01-31T23:30:00Z')).toISOString()).toBe(
      '2024-01-31T23:30:00.000Z',
    );
  });

  it.each([
    ['2024-01-31T10:00:00Z', 1, '2024-02-29T10:00:00.000Z'],
    ['2023-01-31T10:00:00Z', 1, '2023-02-28T10:00:00.000Z'],
    ['2024-03-31T10:00:00Z', 1, '2024-04-30T10:00:00.000Z'],
    ['2024-03-31T10:00:00Z', -1, '2024-02-29T10:00:00.000Z'],
    ['2024-05-15T10:00:00Z', -17, '2022-12-15T10:00:00.000Z'],
    ['2024-05-15T10:00:00Z', 0, '2024-05-15T10:00:00.000Z'],
    ['2020-02-29T00:00:00Z', 48, '2024-02-29T00:00:00.000Z'],
  ])('P3 %s plus %i months is %s, as Postgres counts them', (from, months, to) => {
    expect(addMonthsUtc(utc(from), months).toISOString()).toBe(to);
  });

  it('P3 refuses an invalid order date', () => {
    expect(() => grantExpiresAt(new Date('not a date'))).toThrow(RangeError);
  });

  it('P3 expiry is the same calendar month a year later, day clamped, time kept', () => {
    const minMs = Date.UTC(1970, 0, 1);
    const maxMs = Date.UTC(2200, 11, 31, 23, 59, 59, 999);
    fc.assert(
      fc.property(fc.integer({ min: minMs, max: maxMs }), (ms) => {
        const from = new Date(ms);
        const to = grantExpiresAt(from);
        const lastDay = new Date(
          Date.UTC(from.getUTCFullYear() + 1, from.getUTCMonth() + 1, 0),
        ).getUTCDate();
        expect(to.getUTCFullYear()).toBe(from.getUTCFullYear() + 1);
        expect(to.getUTCMonth()).toBe(from.getUTCMonth());
        expect(to.getUTCDate()).toBe(Math.min(from.getUTCDate(), lastDay));
        expect(to.getTime() % 86_400_000).toBe(from.getTime() % 86_400_000);
      }),
    );
  });
});
