// POLICY.md P3, P12, P13 and P16 over plain snapshots of lots: the ledger
// loads and locks the rows, these functions decide, the ledger writes.

export interface SpendableLot {
  id: string;
  remaining: number;
  expiresAt: Date | null;
  createdAt: Date;
}

export type Allocation = { lotId: string; credits: number };

export type AllocationResult =
  { ok: true; allocations: Allocation[] } | { ok: false; balance: number; shortfall: number };

export type RefundDraw = { lotId: string; credits: number; expiresAt: Date | null };

export type RefundRoute = { backToLot: Allocation[]; toNewLot: number };

// P3: a lot is dead at its expiry instant, not one tick after it.
export function isLive(lot: { expiresAt: Date | null }, at: Date): boolean {
  return lot.expiresAt === null || lot.expiresAt.getTime() > at.getTime();
}

// P12: soonest expiry first so customers lose as little as possible; ties
// to the older lot; the id makes the order total, hence repeatable.
export function spendingOrder(a: SpendableLot, b: SpendableLot): number {
  if (a.expiresAt !== b.expiresAt) {
    if (a.expiresAt === null) return 1;
    if (b.expiresAt === null) return -1;
    const byExpiry = a.expiresAt.getTime() - b.expiresAt.getTime();
    if (byExpiry !== 0) return byExpiry < 0 ? -1 : 1;
  }
  const byAge = a.createdAt.getTime() - b.createdAt.getTime();
  if (byAge !== 0) return byAge < 0 ? -1 : 1;
  // Code-unit order, not localeCompare: the result must not depend on the
  // server's locale.
  if (a.id < b.id) return -1;
  if (a.id > b.id) return 1;
  return 0;
}

function assertCredits(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${what} must be a whole number of credits, 0 or more; got ${n}.`);
  }
}

// P12/P13. All or nothing: either the allocations sum exactly to the cost, or
// nothing is taken and the caller gets the figures for its error message.
export function allocate(lots: SpendableLot[], cost: number, at: Date): AllocationResult {
  assertCredits(cost, 'A cost');
  const usable = lots
    .filter((lot) => {
      assertCredits(lot.remaining, `Lot ${lot.id} remaining`);
      return lot.remaining > 0 && isLive(lot, at);
    })
    .sort(spendingOrder);

  const balance = usable.reduce((sum, lot) => sum + lot.remaining, 0);
  if (balance < cost) return { ok: false, balance, shortfall: cost - balance };

  const allocations: Allocation[] = [];
  let left = cost;
  for (const lot of usable) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    allocations.push({ lotId: lot.id, credits: take });
    left -= take;
  }
  return { ok: true, allocations };
}

// P16: credits go home when their lot still lives; otherwise they are pooled
// into one never-expiring lot so a refund is never lost to an expiry.
export function routeRefund(drawn: RefundDraw[], at: Date): RefundRoute {
  const back = new Map<string, number>();
  let toNewLot = 0;
  for (const d of drawn) {
    assertCredits(d.credits, `Credits drawn from lot ${d.lotId}`);
    if (d.credits === 0) continue;
    if (isLive(d, at)) {
      back.set(d.lotId, (back.get(d.lotId) ?? 0) + d.credits);
    } else {
      toNewLot += d.credits;
    }
  }
  const backToLot = [...back].map(([lotId, credits]) => ({ lotId, credits }));
  return { backToLot, toNewLot };
}

/**
 * P20: the balance as of `at` from the ledger alone: every entry recorded up
 * to that instant, on lots still live at it. Twin of db/read-rules.ts
 * balanceAtSql.
 */
export function balanceAt(
  entries: readonly { at: Date; credits: number; lot: { expiresAt: Date | null } }[],
  at: Date,
): number {
  let sum = 0;
  for (const e of entries)
    if (e.at.getTime() <= at.getTime() && isLive(e.lot, at)) sum += e.credits;
  return sum;
}
