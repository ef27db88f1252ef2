import { describe, expect, it } from 'vitest';
import { Edition, HostingPlan } from './enums';
import {
  checkLicenseTerms,
  type LicenseTerms,
  MAX_PRICE_CENTS,
  PLAN_KEYS,
  planKey,
} from './license-terms';

const owned = (listPriceCents: number, paidPriceCents: number): LicenseTerms => ({
  edition: Edition.OWNED,
  hostingPlan: null,
  listPriceCents,
  paidPriceCents,
});

describe('planKey', () => {
  it.each([
    [Edition.FREE, null, 'FREE'],
    [Edition.LEASED, null, 'LEASED'],
    [Edition.OWNED, null, 'OWNED'],
    [Edition.SAAS, HostingPlan.BASIC, 'SAAS_BASIC'],
    [Edition.SAAS, HostingPlan.STANDARD, 'SAAS_STANDARD'],
    [Edition.SAAS, HostingPlan.PROFESSIONAL, 'SAAS_PROFESSIONAL'],
  ] as const)('P1 %s with plan %s is column %s', (edition, plan, key) => {
    expect(planKey(edition, plan)).toBe(key);
  });

  it('P1 lists every plan key once', () => {
    expect([...PLAN_KEYS].sort()).toEqual([
      'FREE',
      'LEASED',
      'OWNED',
      'SAAS_BASIC',
      'SAAS_PROFESSIONAL',
      'SAAS_STANDARD',
    ]);
  });

  it('P1 a SaaS license without a plan has no column', () => {
    expect(() => planKey(Edition.SAAS, null)).toThrow(RangeError);
  });

  it.each([Edition.FREE, Edition.LEASED, Edition.OWNED])(
    'P1 a %s license with a hosting plan has no column',
    (edition) => {
      for (const plan of Object.values(HostingPlan)) {
        expect(() => planKey(edition, plan)).toThrow(RangeError);
      }
    },
  );
});

describe('checkLicenseTerms', () => {
  it('P1 accepts every valid edition and plan combination', () => {
    for (const edition of [Edition.FREE, Edition.LEASED, Edition.OWNED]) {
      expect(checkLicenseTerms({ ...owned(100, 100), edition })).toBeNull();
    }
    for (const hostingPlan of Object.values(HostingPlan)) {
      expect(
        checkLicenseTerms({ ...owned(100, 100), edition: Edition.SAAS, hostingPlan }),
      ).toBeNull();
    }
  });

  it('P1 a SaaS license needs a hosting plan', () => {
    const problem = checkLicenseTerms({ ...owned(100, 100), edition: Edition.SAAS });
    expect(problem?.field).toBe('hostingPlan');
    expect(problem?.message).toMatch(/SaaS license needs a hosting plan/);
  });

  it('P1 a Free license refuses a hosting plan', () => {
    expect(
      checkLicenseTerms({
        ...owned(0, 0),
        edition: Edition.FREE,
        hostingPlan: HostingPlan.PROFESSIONAL,
      })?.message,
    ).toBe('Only SaaS licenses have a hosting plan; a Free license must not have one.');
  });

  it('P1 an Owned license refuses a hosting plan', () => {
    const problem = checkLicenseTerms({ ...owned(100, 100), hostingPlan: HostingPlan.BASIC });
    expect(problem).toEqual({
      field: 'hostingPlan',
      message: 'Only SaaS licenses have a hosting plan; an Owned license must not have one.',
    });
  });

  it('P2 prices may be zero (a Free license costs nothing)', () => {
    expect(checkLicenseTerms({ ...owned(0, 0), edition: Edition.FREE })).toBeNull();
  });

  it('P2 prices up to the Postgres integer limit are accepted', () => {
    expect(checkLicenseTerms(owned(MAX_PRICE_CENTS, MAX_PRICE_CENTS))).toBeNull();
    expect(MAX_PRICE_CENTS).toBe(2_147_483_647);
  });

  it.each([
    ['negative', -1, /cannot be negative/],
    ['fractional', 10.5, /whole number of cents/],
    ['NaN', Number.NaN, /whole number of cents/],
    ['infinite', Number.POSITIVE_INFINITY, /whole number of cents/],
    ['too large', MAX_PRICE_CENTS + 1, /cannot exceed 2147483647 cents/],
  ])('P2 a %s list price is refused', (_what, value, message) => {
    const problem = checkLicenseTerms(owned(value, 0));
    expect(problem?.field).toBe('listPriceCents');
    expect(problem?.message).toMatch(message);
  });

  it.each([
    ['negative', -1, /cannot be negative/],
    ['fractional', 0.1, /whole number of cents/],
    ['too large', MAX_PRICE_CENTS + 1, /cannot exceed/],
  ])('P2 a %s paid price is refused', (_what, value, message) => {
    const problem = checkLicenseTerms(owned(MAX_PRICE_CENTS, value));
    expect(problem?.field).toBe('paidPriceCents');
    expect(problem?.message).toMatch(message);
  });

  it('P2 paid above list price is refused', () => {
    expect(checkLicenseTerms(owned(10000, 10001))).toEqual({
      field: 'paidPriceCents',
      message: 'The price paid cannot be above the list price.',
    });
    expect(checkLicenseTerms(owned(10000, 10000))).toBeNull();
  });
});
