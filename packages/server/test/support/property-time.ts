import type { ManualClock } from '../../src/common/clock';

// Where the property test (ledger-model.property.test.ts) takes its instants
// from, and how it lets time pass: the gateway's ManualClock, which it moves.
// Nothing sleeps, and no run can be inconclusive.

export interface PropertyTime {
  /** The instant the model takes as "now" for the next request. */
  now: () => number;
  /** Notes a lot that dies at `at`, inside the run (the "soon" grants). */
  expiresAt: (at: number) => void;
  /**
   * Before a request: moves the clock past any noted expiry within `guardMs`,
   * since each write the request makes moves the clock by 1 ms.
   */
  settle: () => void;
  /** After a request sent at `t0`: fails when an expiry fell inside it after all. */
  checkUnambiguous: (t0: number, what: string) => void;
  /** Moves the clock past every noted expiry (P16 refunds into dead lots). */
  passAllExpiries: () => void;
}

export function manualClockTime(
  clock: ManualClock,
  opts: { guardMs: number; marginMs: number },
): PropertyTime {
  const { guardMs, marginMs } = opts;
  // Every soon expiry of the file, across runs: expireCredits sees other accounts' lots too.
  const expiries: number[] = [];
  const now = () => clock.now().getTime();
  const movePast = (latest: number) => clock.set(new Date(latest + marginMs + 1));
  return {
    now,
    expiresAt(at) {
      expiries.push(at);
    },
    settle() {
      const t = now();
      const near = expiries.filter((e) => e >= t - marginMs && e <= t + guardMs);
      if (near.length > 0) movePast(Math.max(...near));
    },
    checkUnambiguous(t0, what) {
      const t1 = now();
      const hit = expiries.find((e) => e >= t0 - marginMs && e <= t1 + marginMs);
      if (hit !== undefined)
        throw new Error(`${what} ran from ${t0} to ${t1}, across the expiry at ${hit}`);
    },
    passAllExpiries() {
      const t = now();
      const pending = expiries.filter((e) => e > t);
      if (pending.length > 0) movePast(Math.max(...pending));
    },
  };
}
