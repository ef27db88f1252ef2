// Where the property test (ledger-model.property.test.ts) takes its instants
// from, and how it lets time pass. One interface, so the sleeping wall-clock
// version below can be swapped for the gateway's settable Clock in one place.

/** A step whose request may have run on either side of an expiry: neither pass nor fail. */
export class Inconclusive extends Error {}

export interface PropertyTime {
  /** The instant the model takes as "now" for the next request. */
  now: () => number;
  /** Notes a lot that dies at `at`, inside the run (the "soon" grants). */
  expiresAt: (at: number) => void;
  /** Before a request: leaves no expiry so close that model and server could see it differently. */
  settle: () => Promise<void>;
  /** After a request sent at `t0`: throws Inconclusive when an expiry may have fallen inside it. */
  checkUnambiguous: (t0: number, what: string) => void;
  /** Lets every noted expiry pass (P16 refunds into dead lots). */
  passAllExpiries: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Today's time: the real clock, which neither the test nor the gateway can set.
 * The model cannot know on which side of an expiry the server read its clock,
 * so before every request it sleeps until no noted expiry is within `guardMs`,
 * and a request slower than that makes the run inconclusive.
 *
 * With a settable Clock the same interface becomes: now() reads the clock,
 * settle() and checkUnambiguous() do nothing (the instant does not move during
 * a request), passAllExpiries() sets the clock past the last expiry; and the
 * test asserts zero inconclusive runs.
 */
export function wallClockTime(opts: { guardMs: number; marginMs: number }): PropertyTime {
  const { guardMs, marginMs } = opts;
  // Every soon expiry of the file, across runs: expireCredits sees other accounts' lots too.
  const expiries: number[] = [];
  return {
    now: () => Date.now(),
    expiresAt(at) {
      expiries.push(at);
    },
    async settle() {
      for (;;) {
        const now = Date.now();
        const near = expiries.filter((e) => e >= now - marginMs && e <= now + guardMs);
        if (near.length === 0) return;
        await sleep(Math.max(...near) - now + marginMs + 1);
      }
    },
    checkUnambiguous(t0, what) {
      const t1 = Date.now();
      const hit = expiries.find((e) => e >= t0 - marginMs && e <= t1 + marginMs);
      if (hit !== undefined)
        throw new Inconclusive(`${what} took ${t1 - t0} ms and straddled an expiry`);
    },
    async passAllExpiries() {
      const t0 = Date.now();
      const pending = expiries.filter((e) => e > t0);
      if (pending.length > 0) await sleep(Math.max(...pending) - t0 + marginMs + 1);
    },
  };
}
