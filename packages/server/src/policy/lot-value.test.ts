import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LotCounters, lotValue } from './lot-value';

const fresh = (credits: number): LotCounters => ({
  originalCredits: credits,
  remainingCredits: credits,
  spentCredits: 0,
  refundedCredits: 0,
  expiredCredits: 0,
});

describe('lotValue', () => {
  it('a lot untouched is worth all it cost, in what remains', () => {
    expect(lotValue(4_999, fresh(100))).toEqual({
      remainingCents: 4_999,
      spentCents: 0,
      expiredCents: 0,
    });
  });

  it('splits 1000 cents over 3 equal parts as 334 / 333 / 333 (the tie goes to the first part)', () => {
    expect(
      lotValue(1_000, { ...fresh(3), remainingCredits: 1, spentCredits: 1, expiredCredits: 1 }),
    ).toEqual({ remainingCents: 334, spentCents: 333, expiredCents: 333 });
  });

  it('gives the leftover cent to the largest fraction: 100 cents, 7 credits, 2 spent, 5 left', () => {
    // Exact shares 71.43 and 28.57: floors 71 + 28 = 99, the cent goes to .57.
    expect(lotValue(100, { ...fresh(7), remainingCredits: 5, spentCredits: 2 })).toEqual({
      remainingCents: 71,
      spentCents: 29,
      expiredCents: 0,
    });
  });

  it('counts refunds back into the lot out of what was spent', () => {
    const lot = { ...fresh(10), remainingCredits: 8, spentCredits: 5, refundedCredits: 3 };
    expect(lotValue(1_000, lot)).toEqual({ remainingCents: 800, spentCents: 200, expiredCents: 0 });
  });

  it('a granted lot (cost basis 0) is worth nothing anywhere', () => {
    expect(lotValue(0, { ...fresh(50), remainingCredits: 0, expiredCredits: 50 })).toEqual({
      remainingCents: 0,
      spentCents: 0,
      expiredCents: 0,
    });
  });

  it('stays exact where paid x credits passes 2^53', () => {
    const credits = 2_147_483_647;
    const v = lotValue(2_147_483_647, {
      ...fresh(credits),
      remainingCredits: 1,
      spentCredits: credits - 1,
    });
    expect(v).toEqual({ remainingCents: 1, spentCents: 2_147_483_646, expiredCents: 0 });
  });

  it('refuses counters that do not add up (P20)', () => {
    expect(() => lotValue(100, { ...fresh(10), remainingCredits: 9 })).toThrow(/do not add up/);
  });

  // A lot lives through random charges, refunds back into it and, at some
  // point, its expiry (after which nothing moves): after every step its three
  // values add up to what was paid, none is negative, each is within one cent
  // of its exact share, and a part with no credits is worth nothing.
  it('values always add up to what was paid, over thousands of random spends, refunds and expiries', () => {
    type Op = { kind: 'spend' | 'refund' | 'expire'; pick: number };
    const op = fc.record({
      kind: fc.constantFrom<Op['kind']>('spend', 'spend', 'refund', 'expire'),
      pick: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.oneof(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.integer({ min: 0, max: 2_147_483_647 }),
        ),
        fc.array(op, { maxLength: 60 }),
        (credits, paid, ops) => {
          const lot = fresh(credits);
          const check = () => {
            const v = lotValue(paid, lot);
            const parts: [number, number][] = [
              [v.remainingCents, lot.remainingCredits],
              [v.spentCents, lot.spentCredits - lot.refundedCredits],
              [v.expiredCents, lot.expiredCredits],
            ];
            expect(v.remainingCents + v.spentCents + v.expiredCents).toBe(paid);
            for (const [cents, count] of parts) {
              expect(cents).toBeGreaterThanOrEqual(0);
              if (count === 0) expect(cents).toBe(0);
              // |cents - paid * count / credits| < 1, in integers.
              const err = BigInt(cents) * BigInt(credits) - BigInt(paid) * BigInt(count);
              expect(err < BigInt(credits) && err > -BigInt(credits)).toBe(true);
            }
          };
          check();
          for (const o of ops) {
            if (lot.expiredCredits > 0 || (o.kind === 'expire' && lot.remainingCredits === 0))
              break;
            if (o.kind === 'spend') {
              const k = Math.floor(o.pick * lot.remainingCredits);
              lot.remainingCredits -= k;
              lot.spentCredits += k;
            } else if (o.kind === 'refund') {
              const k = Math.floor(o.pick * (lot.spentCredits - lot.refundedCredits));
              lot.remainingCredits += k;
              lot.refundedCredits += k;
            } else {
              lot.expiredCredits = lot.remainingCredits;
              lot.remainingCredits = 0;
            }
            check();
          }
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
