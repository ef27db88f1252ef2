import fc from 'fast-check';
import { ManualClock } from '../src/common/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { CHARGE, REFUND, createAccount } from './support/fixtures';
import { type GqlResult, type TestGateway, startGateway } from './support/gateway';
import { manualClockTime } from './support/property-time';
import { expectData, present } from './support/results';
import {
  CATEGORIES,
  type Category,
  LedgerModel,
  PLAN_KEYS,
  type PlanKey,
  type Refusal,
  editionOf,
  modelGrant,
  modelPrice,
  plusMonthsUtc,
} from './support/ledger-model';

// Model-based test of P1-P20: random sequences of operations run through
// GraphQL against a fresh account and, side by side, against the small
// in-memory model in support/ledger-model.ts. After every step the balance
// (now and far in the future), every lot and every ticket status must match,
// and so must which operations were refused and why. At the end of each run
// the balance "as of" every past step must equal what the model said then.
//
// Time: lots are either clearly alive or clearly dead (their expiry at least a
// day away from now), except "soon" grants that expire a second after they are
// issued, so that expiry happens in the middle of a run (P3, P16). The gateway
// takes every instant from a ManualClock the test moves (support/property-time.ts):
// before every request the clock jumps past any soon expiry within GUARD_MS, so
// the model and the server agree on which lots are alive, and "passTime" jumps
// it past every soon expiry. Nothing sleeps; no run is inconclusive.
//
// The clock starts a month in the past and moves forward by seconds at most:
// every write lands before the database's own now(), where close() reconciles.

const DAY = 86_400_000;
const SOON_MS = 1_000;
const GUARD_MS = 400;
const MARGIN_MS = 5;
const NUM_RUNS = 20;
const clock = new ManualClock(new Date(Date.now() - 30 * DAY));
const time = manualClockTime(clock, { guardMs: GUARD_MS, marginMs: MARGIN_MS });
const BASE = time.now();

let g: TestGateway;
beforeAll(async () => {
  g = await startGateway({ clock });
});
afterAll(() => g?.close());

// ---- operations ---------------------------------------------------------------

type Discount = 'NONE' | 'EXACTLY_20' | 'OVER_20';
type Op =
  | { k: 'grant'; plan: PlanKey; discount: Discount; daysAgo: number }
  | { k: 'soonGrant'; plan: PlanKey }
  | { k: 'purchase'; credits: number }
  | { k: 'replayPurchase'; pick: number; same: boolean }
  | { k: 'openAndCharge'; lic: number; category: Category; frac: number }
  | { k: 'chargeAgain'; pick: number; frac: number }
  | { k: 'refund'; pick: number; chargedOnly: boolean }
  | { k: 'expire'; asOfDaysAgo: number }
  | { k: 'passTime' };

// 1..364 days ago: alive for at least another day; 367+ days ago: dead for at least a day.
const DAYS_AGO = [1, 30, 200, 364, 367, 380, 400, 800];
const frac = fc.integer({ min: 0, max: 999 }).map((n) => n / 1000);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('grant' as const),
      plan: fc.constantFrom(...PLAN_KEYS),
      discount: fc.constantFrom<Discount>('NONE', 'EXACTLY_20', 'OVER_20'),
      daysAgo: fc.constantFrom(...DAYS_AGO),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('soonGrant' as const),
      plan: fc.constantFrom<PlanKey>('LEASED', 'OWNED', 'SAAS_BASIC', 'SAAS_STANDARD'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('purchase' as const),
      credits: fc.integer({ min: 1, max: 150 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('replayPurchase' as const),
      pick: fc.nat(20),
      same: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('openAndCharge' as const),
      lic: fc.nat(20),
      category: fc.constantFrom(...CATEGORIES),
      frac,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('chargeAgain' as const), pick: fc.nat(20), frac }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('refund' as const),
      pick: fc.nat(20),
      chargedOnly: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('expire' as const),
      asOfDaysAgo: fc.constantFrom(0, 20, 200),
    }),
  },
  // Lets every soon grant of the run expire, so later refunds meet dead lots (P16).
  { weight: 1, arbitrary: fc.constant({ k: 'passTime' as const }) },
);

// A run opens with a grant and a purchase, so that most later steps have
// tickets to charge and credits to spend; at most 12 steps in all.
const runArb: fc.Arbitrary<Op[]> = fc
  .tuple(
    fc.record({
      k: fc.constant('grant' as const),
      plan: fc.constantFrom(...PLAN_KEYS),
      discount: fc.constantFrom<Discount>('NONE', 'OVER_20'),
      daysAgo: fc.constantFrom(1, 200, 400),
    }),
    fc.record({ k: fc.constant('purchase' as const), credits: fc.integer({ min: 1, max: 150 }) }),
    fc.array(opArb, { minLength: 4, maxLength: 10, size: 'max' }),
  )
  .map(([grant, purchase, rest]) => [grant, purchase, ...rest]);

// ---- GraphQL ----------------------------------------------------------------------

const ISSUE = graphql(`
  mutation PropIssue($i: IssueLicenseInput!) {
    issueLicense(input: $i) {
      id
      creditsGranted
      creditLot {
        id
        expiresAt
        originalCredits
      }
    }
  }
`);
const PURCHASE = graphql(`
  mutation PropPurchase($i: PurchaseCreditsInput!) {
    purchaseCredits(input: $i) {
      id
      originalCredits
      expiresAt
      source
    }
  }
`);
const OPEN = graphql(`
  mutation PropOpen($i: OpenTicketInput!) {
    openTicket(input: $i) {
      id
      status
      price {
        min
        max
        included
      }
    }
  }
`);
const EXPIRE = graphql(`
  mutation PropExpire($asOf: DateTimeISO) {
    expireCredits(asOf: $asOf)
  }
`);
const SNAPSHOT = graphql(`
  query PropSnapshot($id: ID!, $future: DateTimeISO) {
    account(id: $id) {
      balance
      future: balance(asOf: $future)
      creditLots(includeExpired: true) {
        id
        source
        originalCredits
        remainingCredits
        expiresAt
        expired
      }
      tickets(first: 50) {
        nodes {
          id
          status
        }
        totalCount
      }
    }
  }
`);
/** The balance as of ten instants at once (compareHistory pads a shorter chunk). */
const HISTORY = graphql(`
  query PropHistory(
    $id: ID!
    $t0: DateTimeISO!
    $t1: DateTimeISO!
    $t2: DateTimeISO!
    $t3: DateTimeISO!
    $t4: DateTimeISO!
    $t5: DateTimeISO!
    $t6: DateTimeISO!
    $t7: DateTimeISO!
    $t8: DateTimeISO!
    $t9: DateTimeISO!
  ) {
    account(id: $id) {
      b0: balance(asOf: $t0)
      b1: balance(asOf: $t1)
      b2: balance(asOf: $t2)
      b3: balance(asOf: $t3)
      b4: balance(asOf: $t4)
      b5: balance(asOf: $t5)
      b6: balance(asOf: $t6)
      b7: balance(asOf: $t7)
      b8: balance(asOf: $t8)
      b9: balance(asOf: $t9)
    }
  }
`);

/** The refusal a GraphQL answer carries, or null when it succeeded; anything else is a test failure. */
function refusalOf(r: GqlResult, what: string): Refusal | null {
  if (!r.errors?.length) return null;
  if (r.errors.length !== 1) throw new Error(`${what}: several errors ${JSON.stringify(r.errors)}`);
  const ext = r.errors[0]!.extensions;
  if (ext.code === 'INTERNAL_SERVER_ERROR' || ext.code === undefined) {
    throw new Error(`${what}: unexpected server error ${JSON.stringify(r.errors)}`);
  }
  return ext;
}

/** The figures the contract names for each code (api-contract.graphql). */
function figures(ref: Refusal): Record<string, unknown> {
  const keys: Record<string, string[]> = {
    INSUFFICIENT_CREDITS: ['balance', 'required', 'shortfall'],
    COST_OUT_OF_RANGE: ['min', 'max'],
    TICKET_ALREADY_CHARGED: ['chargeId'],
  };
  const out: Record<string, unknown> = { code: ref.code };
  for (const k of keys[ref.code] ?? []) out[k] = ref[k];
  return out;
}

const byLot = (a: { lotId: string; credits: number }[]) =>
  [...a].sort((x, y) => (x.lotId < y.lotId ? -1 : x.lotId > y.lotId ? 1 : 0));

// ---- one run ------------------------------------------------------------------------

interface RunState {
  accountId: string;
  model: LedgerModel;
  licenses: { id: string; plan: PlanKey }[];
  tickets: string[];
  payments: { ref: string; credits: number }[];
  checkpoints: { at: number; balance: number }[];
  log: string[];
}

let paySeq = 0;

async function step(s: RunState, op: Op): Promise<void> {
  const { model } = s;
  time.settle();
  const t0 = time.now();

  switch (op.k) {
    case 'grant':
    case 'soonGrant': {
      let orderDate: Date;
      if (op.k === 'grant') {
        orderDate = new Date(BASE - op.daysAgo * DAY);
      } else {
        // Expires SOON_MS from now: the order date is the target instant one year back.
        orderDate = new Date(t0 + SOON_MS);
        orderDate.setUTCFullYear(orderDate.getUTCFullYear() - 1);
      }
      const list = 10_000;
      const paid =
        op.k === 'grant' ? { NONE: 10_000, EXACTLY_20: 8_000, OVER_20: 7_999 }[op.discount] : list;
      const expiresAt = plusMonthsUtc(orderDate, 12).getTime();
      if (op.k === 'soonGrant') time.expiresAt(expiresAt);
      const r = await g.gql(ISSUE, {
        i: {
          accountId: s.accountId,
          ...editionOf(op.plan),
          domain: 'shop.example.com',
          orderDate: orderDate.toISOString(),
          listPriceCents: list,
          paidPriceCents: paid,
        },
      });
      time.checkUnambiguous(t0, 'issueLicense');
      expect(refusalOf(r, 'issueLicense'), 'issueLicense is never refused here').toBeNull();
      const lic = expectData(r).issueLicense;
      const credits = modelGrant(op.plan, list, paid);
      expect(lic.creditsGranted, `P1/P2 grant for ${op.plan} paid ${paid}/${list}`).toBe(credits);
      model.grant(lic.creditLot?.id ?? null, credits, expiresAt);
      if (lic.creditLot) {
        expect(lic.creditLot.expiresAt, 'P3 grant expires 12 months after the order date').toBe(
          new Date(expiresAt).toISOString(),
        );
        expect(lic.creditLot.originalCredits).toBe(credits);
      }
      s.licenses.push({ id: lic.id, plan: op.plan });
      return;
    }

    case 'purchase':
    case 'replayPurchase': {
      let ref: string;
      let credits: number;
      if (op.k === 'purchase') {
        ref = `prop-${process.pid}-${++paySeq}`;
        credits = op.credits;
      } else {
        if (s.payments.length === 0) return;
        const p = s.payments[op.pick % s.payments.length]!;
        ref = p.ref;
        credits = op.same ? p.credits : p.credits + 1;
      }
      const r = await g.gql(PURCHASE, {
        i: { accountId: s.accountId, credits, paymentReference: ref },
      });
      time.checkUnambiguous(t0, 'purchaseCredits');
      const refusal = refusalOf(r, 'purchaseCredits');
      const expected = model.purchase(ref, credits, r.data?.purchaseCredits?.id ?? '(none)');
      if ('refusal' in expected) {
        expect(refusal && figures(refusal), 'P7 same payment reference, other amount').toEqual(
          expected.refusal,
        );
      } else {
        expect(refusal, 'purchaseCredits refused').toBeNull();
        const lot = expectData(r).purchaseCredits;
        expect(lot.id, 'P7 one payment reference, one lot').toBe(expected.lotId);
        expect(lot.expiresAt, 'P6 purchased credits never expire').toBeNull();
        if (op.k === 'purchase') s.payments.push({ ref, credits });
      }
      return;
    }

    case 'openAndCharge': {
      if (s.licenses.length === 0) return;
      const lic = s.licenses[op.lic % s.licenses.length]!;
      const opened = await g.gql(OPEN, {
        i: { licenseId: lic.id, category: op.category, subject: 'property run' },
      });
      expect(refusalOf(opened, 'openTicket')).toBeNull();
      const t = expectData(opened).openTicket;
      const range = modelPrice(lic.plan, op.category);
      expect(
        { min: t.price.min, max: t.price.max, included: t.price.included },
        `P8 price of ${op.category} on ${lic.plan}`,
      ).toEqual({
        ...range,
        included: range.max === 0,
      });
      model.openTicket(t.id, range);
      s.tickets.push(t.id);
      await charge(s, t.id, range.min + Math.floor(op.frac * (range.max - range.min + 1)));
      return;
    }

    case 'chargeAgain': {
      if (s.tickets.length === 0) return;
      const id = s.tickets[op.pick % s.tickets.length]!;
      const t = model.tickets.get(id)!;
      await charge(s, id, t.min + Math.floor(op.frac * (t.max - t.min + 1)));
      return;
    }

    case 'refund': {
      // Half the time aim at a ticket that has something to refund, else at any ticket.
      const charged = s.tickets.filter(
        (t) => model.tickets.get(t)!.charge?.credits && model.tickets.get(t)!.status === 'CHARGED',
      );
      const pool = op.chargedOnly && charged.length > 0 ? charged : s.tickets;
      if (pool.length === 0) return;
      const id = pool[op.pick % pool.length]!;
      const tr = time.now();
      const r = await g.gql(REFUND, { i: { ticketId: id, reason: 'vendor bug' } });
      time.checkUnambiguous(tr, 'refundTicket');
      const refusal = refusalOf(r, 'refundTicket');
      const allocs = r.data?.refundTicket.allocations ?? [];
      const newLot = allocs.find((a) => !model.lots.has(a.lot.id));
      const expected = model.refund(id, tr, newLot?.lot.id ?? null);
      s.log.push(
        `  refund ${id.slice(0, 8)} -> ${refusal ? refusal.code : `+${r.data?.refundTicket.credits}`}`,
      );
      if (!expected.ok) {
        expect(refusal && figures(refusal), 'P17 refund refused').toEqual(expected.refusal);
        return;
      }
      expect(refusal, 'refundTicket refused').toBeNull();
      const rf = expectData(r).refundTicket;
      expect(rf.credits, 'P15 100% back').toBe(expected.credits);
      expect(rf.balanceAfter, 'P18 balance after the refund').toBe(expected.balanceAfter);
      const want = [...expected.backToLots];
      if (expected.toNewLot > 0) {
        const fresh = present(newLot, 'P16 the new REFUND lot').lot;
        want.push({ lotId: fresh.id, credits: expected.toNewLot });
        expect(fresh.source, 'P16 refund of expired credits comes back as a REFUND lot').toBe(
          'REFUND',
        );
        expect(fresh.expiresAt, 'P16 ... that never expires').toBeNull();
      }
      expect(
        byLot(allocs.map((a) => ({ lotId: a.lot.id, credits: a.credits }))),
        'P16 refund goes back where it came from',
      ).toEqual(byLot(want));
      return;
    }

    case 'passTime': {
      time.passAllExpiries();
      return;
    }

    case 'expire': {
      const asOf = op.asOfDaysAgo === 0 ? null : new Date(t0 - op.asOfDaysAgo * DAY);
      const cutoff = asOf ?? new Date(t0);
      // expireCredits is global: lots of earlier runs' accounts that are due count too.
      const [{ n: others }] = await g.ds.query<[{ n: number }]>(
        `SELECT count(*)::int AS n FROM credit_lots
          WHERE account_id <> $1 AND expires_at <= $2 AND expiry_recorded_at IS NULL`,
        [s.accountId, cutoff],
      );
      const r = await g.gql(EXPIRE, { asOf: asOf?.toISOString() ?? null });
      time.checkUnambiguous(t0, 'expireCredits');
      expect(refusalOf(r, 'expireCredits')).toBeNull();
      const mine = model.expire(cutoff.getTime());
      expect(expectData(r).expireCredits, 'P19 number of lots whose expiry was recorded').toBe(
        others + mine,
      );
      return;
    }
  }
}

async function charge(s: RunState, ticketId: string, credits: number): Promise<void> {
  time.settle();
  const tc = time.now();
  const r = await g.gql(CHARGE, { i: { ticketId, credits } });
  time.checkUnambiguous(tc, 'chargeTicket');
  const refusal = refusalOf(r, 'chargeTicket');
  const expected = s.model.charge(ticketId, credits, tc);
  s.log.push(
    `  charge ${ticketId.slice(0, 8)} ${credits} -> ${refusal ? refusal.code : `ok ${r.data?.chargeTicket.balanceAfter}`}`,
  );
  if (!expected.ok) {
    expect(refusal && figures(refusal), 'P11/P13 charge refused').toEqual(expected.refusal);
    return;
  }
  expect(refusal, 'chargeTicket refused').toBeNull();
  const c = expectData(r).chargeTicket;
  s.model.setChargeId(ticketId, c.id);
  expect(
    { credits: c.credits, included: c.included, balanceAfter: c.balanceAfter },
    'P9/P18 charge',
  ).toEqual({
    credits: expected.credits,
    included: expected.included,
    balanceAfter: expected.balanceAfter,
  });
  expect(
    byLot(
      c.allocations.map((a) => ({
        lotId: a.lot.id,
        credits: a.credits,
      })),
    ),
    'P12 soonest-expiring lots first, never-expiring last',
  ).toEqual(byLot(expected.allocations));
}

async function compareSnapshot(s: RunState, after: string): Promise<void> {
  time.settle();
  const tq = time.now();
  const future = new Date(tq + 400 * DAY);
  const r = await g.gql(SNAPSHOT, { id: s.accountId, future: future.toISOString() });
  time.checkUnambiguous(tq, 'account snapshot');
  const t1 = time.now();
  expect(r.errors, 'snapshot query').toBeUndefined();
  const a = present(expectData(r).account, 'the account');
  const where = `after ${after}\n${s.log.join('\n')}`;
  expect(a.balance, `P20 balance ${where}`).toBe(s.model.balance(tq));
  expect(a.future, `P20 balance as of a future instant ${where}`).toBe(
    s.model.balance(future.getTime()),
  );
  const lots = [...a.creditLots].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  expect(lots, `lots ${where}`).toEqual(s.model.lotView(tq));
  expect(a.tickets.totalCount).toBe(s.model.tickets.size);
  const tickets = [...a.tickets.nodes].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  expect(tickets, `ticket statuses ${where}`).toEqual(s.model.ticketView());
  // A later "as of" query for this instant must give the balance of this moment (P20).
  s.checkpoints.push({ at: t1, balance: s.model.balance(t1) });
}

async function compareHistory(s: RunState): Promise<void> {
  for (let i = 0; i < s.checkpoints.length; i += 10) {
    const chunk = s.checkpoints.slice(i, i + 10);
    // Ten slots: a shorter last chunk repeats its last checkpoint.
    const slots = Array.from({ length: 10 }, (_, j) => chunk[Math.min(j, chunk.length - 1)]!);
    const t = (j: number) => new Date(slots[j]!.at).toISOString();
    const r = await g.gql(HISTORY, {
      id: s.accountId,
      ...{ t0: t(0), t1: t(1), t2: t(2), t3: t(3), t4: t(4) },
      ...{ t5: t(5), t6: t(6), t7: t(7), t8: t(8), t9: t(9) },
    });
    expect(r.errors, 'history query').toBeUndefined();
    const b = present(expectData(r).account, 'the account');
    const got = [b.b0, b.b1, b.b2, b.b3, b.b4, b.b5, b.b6, b.b7, b.b8, b.b9];
    expect(got, `P20 balance as of each earlier step\n${s.log.join('\n')}`).toEqual(
      slots.map((c) => c.balance),
    );
  }
}

describe('the gateway agrees with an in-memory model of the policy', () => {
  it('P1-P20 random grants, purchases, charges, refunds and expiries: same balances, lots, refusals', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (ops) => {
        const s: RunState = {
          accountId: await createAccount(g),
          model: new LedgerModel(),
          licenses: [],
          tickets: [],
          payments: [],
          checkpoints: [],
          log: [],
        };
        await compareSnapshot(s, 'creating the account');
        for (const [i, op] of ops.entries()) {
          s.log.push(`#${i} ${JSON.stringify(op)}`);
          await step(s, op);
          await compareSnapshot(s, `step #${i}`);
        }
        await compareHistory(s);
      }),
      { numRuns: NUM_RUNS, endOnFailure: true },
    );
  });
});
