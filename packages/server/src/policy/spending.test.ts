import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, isLive, routeRefund, type SpendableLot, spendingOrder } from './spending';

const T = (iso: string): Date => new Date(iso);
const NOW = T('2025-06-01T12:00:00Z');

const lot = (
  id: string,
  remaining: number,
  expiresAt: string | null,
  createdAt = '2024-01-01T00:00:00Z',
): SpendableLot => ({
  id,
  remaining,
  expiresAt: expiresAt === null ? null : T(expiresAt),
  createdAt: T(createdAt),
});

const ids = (lots: SpendableLot[]): string[] => [...lots].sort(spendingOrder).map((l) => l.id);

describe('isLive', () => {
  it('P3 a lot is dead at its expiry instant', () => {
    expect(isLive({ expiresAt: NOW }, NOW)).toBe(false);
  });

  it('P3 a lot is live one millisecond before its expiry', () => {
    expect(isLive({ expiresAt: new Date(NOW.getTime() + 1) }, NOW)).toBe(true);
  });

  it('P3 a lot is dead after its expiry', () => {
    expect(isLive({ expiresAt: new Date(NOW.getTime() - 1) }, NOW)).toBe(false);
  });

  it('P6 a lot that never expires is always live', () => {
    expect(isLive({ expiresAt: null }, T('9999-12-31T23:59:59Z'))).toBe(true);
  });
});

describe('spendingOrder', () => {
  it('P12 the lot that expires soonest comes first', () => {
    expect(ids([lot('b', 1, '2025-09-01T00:00:00Z'), lot('a', 1, '2025-07-01T00:00:00Z')])).toEqual(
      ['a', 'b'],
    );
  });

  it('P12 lots that never expire come last', () => {
    expect(
      ids([
        lot('never', 1, null, '2020-01-01T00:00:00Z'),
        lot('late', 1, '2099-01-01T00:00:00Z', '2025-01-01T00:00:00Z'),
        lot('soon', 1, '2025-07-01T00:00:00Z', '2025-01-01T00:00:00Z'),
      ]),
    ).toEqual(['soon', 'late', 'never']);
  });

  it('P12 equal expiry goes to the older lot', () => {
    expect(
      ids([
        lot('young', 1, '2025-07-01T00:00:00Z', '2024-06-01T00:00:00Z'),
        lot('old', 1, '2025-07-01T00:00:00Z', '2024-01-01T00:00:00Z'),
      ]),
    ).toEqual(['old', 'young']);
  });

  it('P12 two never-expiring lots go to the older one first', () => {
    expect(
      ids([
        lot('young', 1, null, '2024-06-01T00:00:00Z'),
        lot('old', 1, null, '2024-01-01T00:00:00Z'),
      ]),
    ).toEqual(['old', 'young']);
  });

  it('P12 a full tie falls back to the id, so the order is repeatable', () => {
    expect(ids([lot('b', 1, '2025-07-01T00:00:00Z'), lot('a', 1, '2025-07-01T00:00:00Z')])).toEqual(
      ['a', 'b'],
    );
    expect(ids([lot('b', 1, null), lot('a', 1, null)])).toEqual(['a', 'b']);
    expect(spendingOrder(lot('a', 1, null), lot('a', 5, null))).toBe(0);
  });

  it('P12 distinct Date objects with the same instant count as equal expiry', () => {
    const a = lot('a', 1, '2025-07-01T00:00:00Z', '2024-02-01T00:00:00Z');
    const b = lot('b', 1, '2025-07-01T00:00:00Z', '2024-01-01T00:00:00Z');
    expect(ids([a, b])).toEqual(['b', 'a']);
  });
});

describe('allocate', () => {
  it('P12 takes a cost from one lot when it holds enough', () => {
    expect(allocate([lot('a', 50, '2025-07-01T00:00:00Z')], 30, NOW)).toEqual({
      ok: true,
      allocations: [{ lotId: 'a', credits: 30 }],
    });
  });

  it('P12 a charge spans several lots in spending order and records each part', () => {
    const lots = [
      lot('purchased', 100, null),
      lot('grant-late', 20, '2025-12-01T00:00:00Z'),
      lot('grant-soon', 15, '2025-07-01T00:00:00Z'),
    ];
    expect(allocate(lots, 60, NOW)).toEqual({
      ok: true,
      allocations: [
        { lotId: 'grant-soon', credits: 15 },
        { lotId: 'grant-late', credits: 20 },
        { lotId: 'purchased', credits: 25 },
      ],
    });
  });

  it('P12 a charge can empty every lot exactly', () => {
    const lots = [lot('a', 10, '2025-07-01T00:00:00Z'), lot('b', 5, null)];
    expect(allocate(lots, 15, NOW)).toEqual({
      ok: true,
      allocations: [
        { lotId: 'a', credits: 10 },
        { lotId: 'b', credits: 5 },
      ],
    });
  });

  it('P12 stops at the first lot that covers the rest', () => {
    const lots = [
      lot('a', 10, '2025-07-01T00:00:00Z'),
      lot('b', 10, '2025-08-01T00:00:00Z'),
      lot('c', 10, null),
    ];
    expect(allocate(lots, 10, NOW)).toEqual({
      ok: true,
      allocations: [{ lotId: 'a', credits: 10 }],
    });
  });

  it('P3 skips lots that expired, including one expiring at this instant', () => {
    const lots = [
      lot('expired', 100, '2025-01-01T00:00:00Z'),
      lot('expiring-now', 100, NOW.toISOString()),
      lot('live', 40, '2025-06-01T12:00:00.001Z'),
    ];
    expect(allocate(lots, 40, NOW)).toEqual({
      ok: true,
      allocations: [{ lotId: 'live', credits: 40 }],
    });
  });

  it('P12 skips empty lots', () => {
    const lots = [lot('empty', 0, '2025-07-01T00:00:00Z'), lot('full', 5, null)];
    expect(allocate(lots, 5, NOW)).toEqual({
      ok: true,
      allocations: [{ lotId: 'full', credits: 5 }],
    });
  });

  it('P9 a cost of 0 succeeds with no allocations, even with no lots', () => {
    expect(allocate([], 0, NOW)).toEqual({ ok: true, allocations: [] });
    expect(allocate([lot('a', 5, null)], 0, NOW)).toEqual({ ok: true, allocations: [] });
  });

  it('P13 too few credits refuses with the balance and the shortfall', () => {
    const lots = [lot('a', 10, '2025-07-01T00:00:00Z'), lot('b', 15, null)];
    expect(allocate(lots, 40, NOW)).toEqual({ ok: false, balance: 25, shortfall: 15 });
  });

  it('P13 expired credits do not count towards the balance', () => {
    const lots = [lot('dead', 500, '2025-06-01T12:00:00Z'), lot('b', 15, null)];
    expect(allocate(lots, 20, NOW)).toEqual({ ok: false, balance: 15, shortfall: 5 });
  });

  it('P13 no lots at all means a balance of 0 and the whole cost short', () => {
    expect(allocate([], 30, NOW)).toEqual({ ok: false, balance: 0, shortfall: 30 });
  });

  it('P13 one credit short is still refused', () => {
    expect(allocate([lot('a', 29, null)], 30, NOW)).toEqual({
      ok: false,
      balance: 29,
      shortfall: 1,
    });
  });

  it('P14 refuses a negative or fractional cost instead of crediting', () => {
    expect(() => allocate([lot('a', 10, null)], -5, NOW)).toThrow(RangeError);
    expect(() => allocate([lot('a', 10, null)], 2.5, NOW)).toThrow(RangeError);
    expect(() => allocate([lot('a', -1, null)], 1, NOW)).toThrow(RangeError);
  });

  it("P12 does not reorder or change the caller's lots", () => {
    const lots = [lot('b', 5, null), lot('a', 5, '2025-07-01T00:00:00Z')];
    const before = structuredClone(lots);
    allocate(lots, 7, NOW);
    expect(lots).toEqual(before);
  });
});

describe('routeRefund', () => {
  it('P16 credits go back to lots that are still live', () => {
    expect(
      routeRefund(
        [
          { lotId: 'a', credits: 15, expiresAt: T('2025-07-01T00:00:00Z') },
          { lotId: 'b', credits: 5, expiresAt: null },
        ],
        NOW,
      ),
    ).toEqual({
      backToLot: [
        { lotId: 'a', credits: 15 },
        { lotId: 'b', credits: 5 },
      ],
      toNewLot: 0,
    });
  });

  it('P16 credits from expired lots are summed into one new lot', () => {
    expect(
      routeRefund(
        [
          { lotId: 'a', credits: 15, expiresAt: T('2025-01-01T00:00:00Z') },
          { lotId: 'b', credits: 7, expiresAt: T('2025-03-01T00:00:00Z') },
        ],
        NOW,
      ),
    ).toEqual({ backToLot: [], toNewLot: 22 });
  });

  it('P16 a mix of live and dead lots splits the refund', () => {
    expect(
      routeRefund(
        [
          { lotId: 'dead', credits: 10, expiresAt: T('2025-05-01T00:00:00Z') },
          { lotId: 'live', credits: 20, expiresAt: T('2025-09-01T00:00:00Z') },
          { lotId: 'expiring-now', credits: 3, expiresAt: NOW },
          { lotId: 'purchased', credits: 30, expiresAt: null },
        ],
        NOW,
      ),
    ).toEqual({
      backToLot: [
        { lotId: 'live', credits: 20 },
        { lotId: 'purchased', credits: 30 },
      ],
      toNewLot: 13,
    });
  });

  it('P17 nothing drawn means nothing to route', () => {
    expect(routeRefund([], NOW)).toEqual({ backToLot: [], toNewLot: 0 });
    expect(routeRefund([{ lotId: 'a', credits: 0, expiresAt: null }], NOW)).toEqual({
      backToLot: [],
      toNewLot: 0,
    });
  });

  it('P16 two draws from one lot go back as one', () => {
    expect(
      routeRefund(
        [
          { lotId: 'a', credits: 4, expiresAt: null },
          { lotId: 'a', credits: 6, expiresAt: null },
        ],
        NOW,
      ),
    ).toEqual({ backToLot: [{ lotId: 'a', credits: 10 }], toNewLot: 0 });
  });

  it('P16 refuses negative or fractional credits', () => {
    expect(() => routeRefund([{ lotId: 'a', credits: -1, expiresAt: null }], NOW)).toThrow(
      RangeError,
    );
    expect(() => routeRefund([{ lotId: 'a', credits: 1.5, expiresAt: null }], NOW)).toThrow(
      RangeError,
    );
  });
});

describe('properties', () => {
  const BASE = Date.UTC(2025, 0, 1);
  const DAY = 86_400_000;
  // Few distinct days and creation times, so ties in both keys are common.
  const lotsArb = fc
    .uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-f0-9]{1,4}$/),
        remaining: fc.integer({ min: 0, max: 100 }),
        expiresDay: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        createdDay: fc.integer({ min: 0, max: 3 }),
      }),
      { selector: (l) => l.id, maxLength: 8 },
    )
    .map((rows) =>
      rows.map((r): SpendableLot => ({
        id: r.id,
        remaining: r.remaining,
        expiresAt: r.expiresDay === null ? null : new Date(BASE + r.expiresDay * DAY),
        createdAt: new Date(BASE - (10 - r.createdDay) * DAY),
      })),
    );
  const atArb = fc.integer({ min: 0, max: 11 }).map((d) => new Date(BASE + d * DAY));

  it('P12 allocate takes exactly the cost, never more than a lot holds, only from live lots, in order', () => {
    fc.assert(
      fc.property(lotsArb, fc.integer({ min: 0, max: 900 }), atArb, (lots, cost, at) => {
        const live = lots.filter((l) => l.remaining > 0 && isLive(l, at));
        const balance = live.reduce((s, l) => s + l.remaining, 0);
        const result = allocate(lots, cost, at);

        if (!result.ok) {
          // P13: refused exactly when short, with the right figures.
          expect(balance).toBeLessThan(cost);
          expect(result).toEqual({ ok: false, balance, shortfall: cost - balance });
          return;
        }
        expect(balance).toBeGreaterThanOrEqual(cost);
        const byId = new Map(lots.map((l) => [l.id, l]));
        let sum = 0;
        for (const a of result.allocations) {
          const source = byId.get(a.lotId);
          expect(source).toBeDefined();
          expect(isLive(source!, at)).toBe(true);
          expect(Number.isInteger(a.credits)).toBe(true);
          expect(a.credits).toBeGreaterThan(0);
          expect(a.credits).toBeLessThanOrEqual(source!.remaining);
          sum += a.credits;
        }
        expect(sum).toBe(cost);
        // The spending order is respected: every lot before the last one used is drained.
        const order = [...live].sort(spendingOrder);
        const used = result.allocations.map((a) => a.lotId);
        expect(used).toEqual(order.slice(0, used.length).map((l) => l.id));
        result.allocations.slice(0, -1).forEach((a) => {
          expect(a.credits).toBe(byId.get(a.lotId)!.remaining);
        });
      }),
    );
  });

  it('P16 a refund routes every credit of a charge exactly once', () => {
    fc.assert(
      fc.property(
        lotsArb,
        fc.integer({ min: 0, max: 900 }),
        atArb,
        atArb,
        (lots, cost, chargedAt, refundedAt) => {
          const result = allocate(lots, cost, chargedAt);
          if (!result.ok) return;
          const byId = new Map(lots.map((l) => [l.id, l]));
          const drawn = result.allocations.map((a) => ({
            ...a,
            expiresAt: byId.get(a.lotId)!.expiresAt,
          }));
          const route = routeRefund(drawn, refundedAt);
          const back = route.backToLot.reduce((s, a) => s + a.credits, 0);
          expect(back + route.toNewLot).toBe(cost);
          for (const a of route.backToLot)
            expect(isLive(byId.get(a.lotId)!, refundedAt)).toBe(true);
          // Refunded at the charge instant, nothing has expired yet: all goes home.
          if (refundedAt.getTime() === chargedAt.getTime()) expect(route.toNewLot).toBe(0);
        },
      ),
    );
  });
});
