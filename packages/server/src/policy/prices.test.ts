import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Edition, HostingPlan, SupportLevel, TicketCategory } from './enums';
import { type PlanKey } from './license-terms';
import { CATEGORY_TABLE, checkCost, priceFor } from './prices';

const L1 = SupportLevel.LEVEL_1;
const L2 = SupportLevel.LEVEL_2;

const PLANS: Record<PlanKey, [Edition, HostingPlan | null]> = {
  FREE: [Edition.FREE, null],
  LEASED: [Edition.LEASED, null],
  OWNED: [Edition.OWNED, null],
  SAAS_BASIC: [Edition.SAAS, HostingPlan.BASIC],
  SAAS_STANDARD: [Edition.SAAS, HostingPlan.STANDARD],
  SAAS_PROFESSIONAL: [Edition.SAAS, HostingPlan.PROFESSIONAL],
};

type R = [number, number];

// POLICY.md P8 transcribed by hand, every plan spelled out (no shared
// columns), so a slip in the module's compact table shows up here.
// Columns:        level  name                                              FREE       LEASED    OWNED      SAAS_BASIC SAAS_STANDARD SAAS_PROFESSIONAL
const EXPECTED: [TicketCategory, SupportLevel, string, R, R, R, R, R, R][] = [
  [
    TicketCategory.GENERAL_ISSUE,
    L1,
    'General issues',
    [20, 30],
    [0, 0],
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  [
    TicketCategory.WARRANTY,
    L1,
    'Warranty issues (30-day money back)',
    [20, 30],
    [0, 0],
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  [
    TicketCategory.BUG_REPORT,
    L1,
    'Bug reports',
    [20, 30],
    [0, 0],
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  [
    TicketCategory.QUOTE_REQUEST,
    L1,
    'Quote requests',
    [20, 30],
    [0, 0],
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  [
    TicketCategory.FEATURE_DESCRIPTION,
    L1,
    'Description of features',
    [20, 30],
    [0, 0],
    [20, 30],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  [
    TicketCategory.SETUP,
    L1,
    'Setup (taxes and shipping modules)',
    [30, 45],
    [0, 0],
    [30, 45],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  [
    TicketCategory.DOMAIN_CHANGE,
    L2,
    'Licensed domain modification, license transfer',
    [10, 10],
    [10, 10],
    [10, 10],
    [10, 10],
    [10, 10],
    [0, 0],
  ],
  [
    TicketCategory.SIMPLE_CUSTOMIZATION,
    L2,
    'Simple customization and design',
    [20, 45],
    [20, 45],
    [20, 45],
    [20, 45],
    [20, 45],
    [0, 0],
  ],
  [
    TicketCategory.ROOT_CAUSE_ANALYSIS,
    L2,
    'Root-cause analysis',
    [20, 60],
    [20, 60],
    [20, 60],
    [20, 60],
    [20, 60],
    [0, 0],
  ],
  [
    TicketCategory.ROOT_CAUSE_DEBUGGING,
    L2,
    'Root-cause analysis with pro-active debugging',
    [60, 200],
    [60, 200],
    [60, 200],
    [60, 200],
    [60, 200],
    [0, 0],
  ],
  [
    TicketCategory.HOSTING_ISSUE,
    L2,
    'Hosting or server side issues',
    [20, 60],
    [20, 60],
    [20, 60],
    [20, 60],
    [20, 60],
    [0, 0],
  ],
  [
    TicketCategory.EDITION_UPGRADE,
    L2,
    'Update of Free edition to Owned edition',
    [60, 60],
    [60, 60],
    [60, 60],
    [60, 60],
    [60, 60],
    [0, 0],
  ],
  [
    TicketCategory.CLARIFICATION,
    L2,
    'Clarification of details',
    [10, 20],
    [10, 20],
    [10, 20],
    [10, 20],
    [10, 20],
    [0, 0],
  ],
];

const KEYS: PlanKey[] = [
  'FREE',
  'LEASED',
  'OWNED',
  'SAAS_BASIC',
  'SAAS_STANDARD',
  'SAAS_PROFESSIONAL',
];

const CELLS = EXPECTED.flatMap(([category, level, , ...ranges]) =>
  KEYS.map((key, i) => {
    const [min, max] = ranges[i] as R;
    return [category, key, level, min, max] as const;
  }),
);

describe('price table', () => {
  it('P8 covers every category, in the enum order, and nothing else', () => {
    expect(Object.keys(CATEGORY_TABLE)).toEqual(EXPECTED.map((row) => row[0]));
    expect(Object.values(TicketCategory)).toEqual(EXPECTED.map((row) => row[0]));
  });

  it('P8 checks all 13 x 6 cells', () => {
    expect(CELLS).toHaveLength(78);
  });

  it.each(CELLS)('P8 %s on %s is %s, %i to %i credits', (category, key, level, min, max) => {
    const [edition, plan] = PLANS[key];
    expect(CATEGORY_TABLE[category].level).toBe(level);
    expect(CATEGORY_TABLE[category].prices[key]).toEqual({ min, max });
    expect(priceFor(edition, plan, category)).toEqual({
      level,
      price: { min, max, included: min === 0 && max === 0 },
    });
  });

  it.each(EXPECTED.map((row) => [row[0], row[2]] as const))(
    'P8 %s is named "%s" as on the page',
    (category, title) => {
      expect(CATEGORY_TABLE[category].title).toBe(title);
    },
  );

  it('P8 every category carries a one-line description from the page', () => {
    for (const row of Object.values(CATEGORY_TABLE)) {
      expect(row.description.length).toBeGreaterThan(10);
      expect(row.description).not.toMatch(/\n/);
    }
    expect(CATEGORY_TABLE[TicketCategory.WARRANTY].description).toBe(
      'Questions regarding the 30-day money back guarantee.',
    );
  });

  it('P8 the table plan columns are exactly the six plan keys', () => {
    for (const row of Object.values(CATEGORY_TABLE)) {
      expect(Object.keys(row.prices).sort()).toEqual([...KEYS].sort());
    }
  });

  it('P8 a price needs a valid edition and plan', () => {
    expect(() => priceFor(Edition.SAAS, null, TicketCategory.SETUP)).toThrow(RangeError);
    expect(() => priceFor(Edition.OWNED, HostingPlan.BASIC, TicketCategory.SETUP)).toThrow(
      RangeError,
    );
    expect(() => priceFor(Edition.OWNED, null, 'NOPE' as TicketCategory)).toThrow(RangeError);
  });

  it('P9 Level 1 is included on Leased and on every SaaS plan, never on Free or Owned', () => {
    for (const category of Object.values(TicketCategory)) {
      if (CATEGORY_TABLE[category].level !== L1) continue;
      expect(priceFor(Edition.LEASED, null, category).price.included).toBe(true);
      for (const plan of Object.values(HostingPlan)) {
        expect(priceFor(Edition.SAAS, plan, category).price.included).toBe(true);
      }
      expect(priceFor(Edition.FREE, null, category).price.included).toBe(false);
      expect(priceFor(Edition.OWNED, null, category).price.included).toBe(false);
    }
  });

  it('P9 Level 2 is included only on the SaaS Professional plan', () => {
    for (const category of Object.values(TicketCategory)) {
      if (CATEGORY_TABLE[category].level !== L2) continue;
      for (const [key, [edition, plan]] of Object.entries(PLANS)) {
        expect(priceFor(edition, plan, category).price.included).toBe(key === 'SAAS_PROFESSIONAL');
      }
    }
  });
});

describe('checkCost', () => {
  const range = (min: number, max: number) => ({ min, max, included: min === 0 && max === 0 });

  it('P10 both ends of the range are allowed', () => {
    expect(checkCost(range(20, 30), 20)).toBeNull();
    expect(checkCost(range(20, 30), 25)).toBeNull();
    expect(checkCost(range(20, 30), 30)).toBeNull();
  });

  it('P10 one below or above the range is refused, naming the range', () => {
    expect(checkCost(range(20, 30), 19)).toEqual({ min: 20, max: 30 });
    expect(checkCost(range(20, 30), 31)).toEqual({ min: 20, max: 30 });
  });

  it('P10 a fixed price accepts only itself', () => {
    const fixed = priceFor(Edition.OWNED, null, TicketCategory.DOMAIN_CHANGE).price;
    expect(checkCost(fixed, 10)).toBeNull();
    expect(checkCost(fixed, 9)).toEqual({ min: 10, max: 10 });
    expect(checkCost(fixed, 11)).toEqual({ min: 10, max: 10 });
  });

  it('P10 non-whole numbers are refused even inside the range', () => {
    for (const bad of [20.5, Number.NaN, Number.POSITIVE_INFINITY, -0.5]) {
      expect(checkCost(range(20, 30), bad)).toEqual({ min: 20, max: 30 });
    }
  });

  it('P9 an included ticket costs exactly 0', () => {
    const included = priceFor(Edition.LEASED, null, TicketCategory.GENERAL_ISSUE).price;
    expect(included).toEqual({ min: 0, max: 0, included: true });
    expect(checkCost(included, 0)).toBeNull();
    expect(checkCost(included, 1)).toEqual({ min: 0, max: 0 });
  });

  it('P10 accepts a cost exactly when it is a whole number in the range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CELLS),
        fc.oneof(fc.integer({ min: -50, max: 300 }), fc.double({ noNaN: false })),
        ([category, key, , min, max], cost) => {
          const [edition, plan] = PLANS[key];
          const ok = Number.isInteger(cost) && cost >= min && cost <= max;
          const problem = checkCost(priceFor(edition, plan, category).price, cost);
          expect(problem).toEqual(ok ? null : { min, max });
        },
      ),
    );
  });
});
