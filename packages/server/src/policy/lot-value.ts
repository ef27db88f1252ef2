// What a lot's credits are worth: the amount paid for the lot spread over its
// original credits. A lot's credits are always in exactly one of three
// places (P20): still in it (remaining), used up by charges not refunded back
// into it (spent), or lost at its expiry (expired). Their values are exact
// integer cents that always add up to what was paid, by the largest remainder
// method: each part gets the floor of its exact share, and the cents left over
// go one each to the parts with the largest fractions.

export interface LotCounters {
  originalCredits: number;
  remainingCredits: number;
  spentCredits: number;
  refundedCredits: number;
  expiredCredits: number;
}

export interface LotValue {
  remainingCents: number;
  spentCents: number;
  expiredCents: number;
}

const PARTS = ['remainingCents', 'spentCents', 'expiredCents'] as const;

/**
 * The value of what remains, was spent (net of refunds back into the lot) and
 * expired, in cents; the three add up to `paidCents`. A part with no credits
 * is worth 0; a lot wholly in one part is worth all of `paidCents` there.
 */
export function lotValue(paidCents: number, lot: LotCounters): LotValue {
  const counts = [
    lot.remainingCredits,
    lot.spentCredits - lot.refundedCredits,
    lot.expiredCredits,
  ] as const;
  const total = counts[0] + counts[1] + counts[2];
  if (total !== lot.originalCredits || counts.some((c) => c < 0) || lot.originalCredits <= 0)
    throw new Error(`lot counters do not add up: ${JSON.stringify(lot)}`);
  if (!Number.isSafeInteger(paidCents) || paidCents < 0)
    throw new Error(`paidCents must be a whole number of cents >= 0: ${paidCents}`);

  // BigInt: paid x credits can pass 2^53.
  const paid = BigInt(paidCents);
  const n = BigInt(total);
  const shares = counts.map((c, i) => {
    const exact = paid * BigInt(c);
    return { i, c, floor: exact / n, rest: exact % n };
  });
  let left = paid - shares.reduce((s, p) => s + p.floor, 0n);
  // Largest fraction first; ties to the larger part, then in PARTS order, so
  // the same counters always give the same cents.
  const order = [...shares].sort((a, b) =>
    a.rest !== b.rest ? (b.rest > a.rest ? 1 : -1) : b.c !== a.c ? b.c - a.c : a.i - b.i,
  );
  for (const s of order) {
    if (left === 0n) break;
    s.floor += 1n;
    left -= 1n;
  }
  const value = { remainingCents: 0, spentCents: 0, expiredCents: 0 };
  for (const s of shares) value[PARTS[s.i]!] = Number(s.floor);
  return value;
}
