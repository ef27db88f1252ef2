import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import { graphql } from './gql';
import type {
  Edition,
  HostingPlan,
  RulesLedgerQuery,
  LotFieldsFragment,
  TicketCategory,
} from './gql/graphql';
import {
  type GqlResult,
  type ServedErrorCode,
  type TestGateway,
  startGateway,
} from './support/gateway';
import { createAccount, createKey, monthsAgo } from './support/fixtures';
import { PaymentReferenceNamespaces1796900000000 } from '../src/db/migrations/1796900000000-payment-reference-namespaces';
import { expectData, present } from './support/results';

// One test (or a few) per rule of docs/policy.md, all through GraphQL
// over HTTP against a real gateway and Postgres. Each test uses its own
// account, so the tests do not depend on one another.

let g: TestGateway;
beforeAll(async () => {
  g = await startGateway();
});
afterAll(() => g.close());

// ---------------------------------------------------------------------------
// Documents

graphql(`
  fragment LotFields on CreditLot {
    id
    source
    originalCredits
    remainingCredits
    spentCredits
    refundedCredits
    expiredCredits
    expiresAt
    expired
    createdAt
    paymentReference
    amountPaidCents
    currency
    remainingValueCents
    spentValueCents
    expiredValueCents
    license {
      id
    }
  }
`);

const ISSUE = graphql(`
  mutation RulesIssue($i: IssueLicenseInput!) {
    issueLicense(input: $i) {
      id
      edition
      hostingPlan
      orderDate
      creditsGranted
      grantNote
      includedLevels
      creditLot {
        ...LotFields
      }
    }
  }
`);

const PURCHASE = graphql(`
  mutation RulesPurchase($i: PurchaseCreditsInput!) {
    purchaseCredits(input: $i) {
      ...LotFields
      alreadyRecorded
    }
  }
`);

const OPEN = graphql(`
  mutation RulesOpen($i: OpenTicketInput!) {
    openTicket(input: $i) {
      id
      category
      level
      status
      price {
        min
        max
        included
      }
      license {
        id
      }
    }
  }
`);

const CHARGE = graphql(`
  mutation RulesCharge($i: ChargeTicketInput!) {
    chargeTicket(input: $i) {
      id
      credits
      included
      balanceAfter
      refunded
      createdAt
      ticket {
        id
        status
      }
      allocations {
        credits
        lot {
          id
          source
        }
      }
    }
  }
`);

const REFUND = graphql(`
  mutation RulesRefund($i: RefundTicketInput!) {
    refundTicket(input: $i) {
      id
      credits
      reason
      balanceAfter
      createdAt
      allocations {
        credits
        lot {
          id
          source
          expiresAt
        }
      }
      charge {
        id
        credits
        included
        refunded
        allocations {
          credits
          lot {
            id
          }
        }
      }
      ticket {
        id
        status
      }
    }
  }
`);

const TICKET = graphql(`
  query RulesTicket($id: ID!) {
    ticket(id: $id) {
      id
      status
      price {
        min
        max
        included
      }
      charge {
        id
        credits
      }
      refund {
        id
        credits
      }
    }
  }
`);

const STATE = graphql(`
  query RulesState($id: ID!) {
    account(id: $id) {
      balance
      ledger(first: 0) {
        totalCount
      }
      charges(first: 0) {
        totalCount
      }
      statements(first: 0) {
        totalCount
      }
      creditLots(includeExpired: true) {
        id
        remainingCredits
        spentCredits
        refundedCredits
        expiredCredits
      }
    }
  }
`);

const LOTS = graphql(`
  query RulesLots($id: ID!, $all: Boolean) {
    account(id: $id) {
      creditLots(includeExpired: $all) {
        ...LotFields
      }
    }
  }
`);

const LEDGER = graphql(`
  query RulesLedger($id: ID!) {
    account(id: $id) {
      ledger(first: 100) {
        totalCount
        nodes {
          id
          kind
          credits
          at
          lot {
            id
          }
          ticket {
            id
          }
        }
      }
    }
  }
`);

const BALANCE = graphql(`
  query RulesBalance($id: ID!, $asOf: DateTimeISO) {
    account(id: $id) {
      balance(asOf: $asOf)
    }
  }
`);

const EXPIRE = graphql(`
  mutation RulesExpire($asOf: DateTimeISO) {
    expireCredits(asOf: $asOf)
  }
`);

const CHARGE_COUNT = graphql(`
  query RulesChargeCount($id: ID!) {
    account(id: $id) {
      charges {
        totalCount
      }
    }
  }
`);

// ---------------------------------------------------------------------------
// Helpers

type Plan = HostingPlan;
type Lot = LotFieldsFragment;
type Ledger = NonNullable<RulesLedgerQuery['account']>['ledger'];

let seq = 0;
const uniq = (p: string) =>
  `${p}-${process.pid}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

async function issue(
  accountId: string,
  a: {
    edition: Edition;
    hostingPlan?: Plan | null;
    orderDate?: Date;
    listPriceCents?: number;
    paidPriceCents?: number;
  },
) {
  const list = a.listPriceCents ?? 10_000;
  const d = await g.ok(ISSUE, {
    i: {
      accountId,
      edition: a.edition,
      hostingPlan: a.hostingPlan ?? null,
      domain: 'shop.example.com',
      orderDate: (a.orderDate ?? daysAgo(1)).toISOString(),
      listPriceCents: list,
      paidPriceCents: a.paidPriceCents ?? list,
    },
  });
  return d.issueLicense;
}

async function buy(
  accountId: string,
  credits: number,
  paymentReference = uniq('pay'),
): Promise<Lot & { alreadyRecorded: boolean }> {
  const d = await g.ok(PURCHASE, {
    i: { accountId, credits, paymentReference },
  });
  return d.purchaseCredits;
}

async function open(licenseId: string, category: TicketCategory) {
  const d = await g.ok(OPEN, {
    i: { licenseId, category, subject: uniq('Help') },
  });
  return d.openTicket;
}

function charge(ticketId: string, credits: number, idempotencyKey?: string) {
  return g.gql(CHARGE, { i: { ticketId, credits, idempotencyKey: idempotencyKey ?? null } });
}

async function chargeOk(ticketId: string, credits: number, idempotencyKey?: string) {
  return expectData(await charge(ticketId, credits, idempotencyKey)).chargeTicket;
}

function refund(ticketId: string, reason = 'Caused by a bug in the vendor software') {
  return g.gql(REFUND, { i: { ticketId, reason } });
}

async function refundOk(ticketId: string, reason?: string) {
  return expectData(await refund(ticketId, reason)).refundTicket;
}

async function balance(accountId: string, asOf?: Date | string): Promise<number> {
  const at = asOf === undefined ? null : typeof asOf === 'string' ? asOf : asOf.toISOString();
  const d = await g.ok(BALANCE, { id: accountId, asOf: at });
  return present(d.account).balance;
}

async function lots(accountId: string, includeExpired = true): Promise<Lot[]> {
  const d = await g.ok(LOTS, { id: accountId, all: includeExpired });
  return present(d.account).creditLots;
}

async function lot(accountId: string, id: string): Promise<Lot> {
  const found = (await lots(accountId)).find((l) => l.id === id);
  if (!found) throw new Error(`lot ${id} not found`);
  return found;
}

async function ledger(accountId: string): Promise<Ledger> {
  const d = await g.ok(LEDGER, { id: accountId });
  return present(d.account).ledger;
}

/** Everything a refused mutation must leave as it was. */
async function state(accountId: string): Promise<unknown> {
  const d = await g.ok(STATE, { id: accountId });
  return present(d.account);
}

async function ticketOf(id: string) {
  const { ticket } = await g.ok(TICKET, { id });
  if (!ticket) throw new Error(`ticket ${id} not found`);
  return ticket;
}

/** A refusal: exactly one error with this code and these figures, and no result. */
function expectRefused(r: GqlResult, code: ServedErrorCode, figures: Record<string, unknown> = {}) {
  expect(r.errors, `expected ${code}, got data ${JSON.stringify(r.data)}`).toBeDefined();
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0]!.extensions).toMatchObject({ code, ...figures });
  const values = r.data ? Object.values(r.data as Record<string, unknown>) : [];
  for (const v of values) expect(v).toBeNull();
  return r.errors![0]!;
}

/** Allocations as lot id -> credits, order-free. */
function byLot(allocations: { credits: number; lot: { id: string } }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of allocations) out[a.lot.id] = (out[a.lot.id] ?? 0) + a.credits;
  return out;
}

/** Postgres `timestamptz + interval 'N months'` under UTC: move the month, clamp the day. */
function addMonthsUtc(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      targetYear,
      targetMonth,
      Math.min(d.getUTCDate(), lastDay),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

/** An order date whose grant lot dies at about `expiry` (12 calendar months later). */
function orderDateExpiringAt(expiry: Date): Date {
  const d = new Date(expiry);
  // Feb 29 has no counterpart a year earlier; the day after is good enough.
  if (d.getUTCMonth() === 1 && d.getUTCDate() === 29) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}

/**
 * For a test that needs a lot to die midway: it runs on a gateway of its own
 * whose ManualClock it moves past the expiry instead of sleeping. The clock
 * starts a day back, so every write lands before the database's own now(),
 * where close() reconciles.
 */
function onManualClock(body: (clock: ManualClock) => Promise<void>): () => Promise<void> {
  return async () => {
    const shared = g;
    const clock = new ManualClock(new Date(Date.now() - 86_400_000));
    const own = await startGateway({ clock });
    g = own;
    try {
      await body(clock);
    } finally {
      g = shared;
      await own.close();
    }
  };
}

/** Moves the clock just past an instant (a lot's expiry). */
function movePast(clock: ManualClock, instant: string | Date, marginMs = 150): void {
  clock.set(new Date(new Date(instant).getTime() + marginMs));
}

const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------------------
// Grants (P1-P5)

describe('grants', () => {
  const P1_ROWS: [string, number, Edition, Plan | null, string[]][] = [
    ['FREE', 0, 'FREE', null, []],
    ['LEASED', 50, 'LEASED', null, ['LEVEL_1']],
    ['OWNED', 200, 'OWNED', null, []],
    ['SAAS BASIC', 50, 'SAAS', 'BASIC', ['LEVEL_1']],
    ['SAAS STANDARD', 200, 'SAAS', 'STANDARD', ['LEVEL_1']],
    ['SAAS PROFESSIONAL', 0, 'SAAS', 'PROFESSIONAL', ['LEVEL_1', 'LEVEL_2']],
  ];

  it.each(P1_ROWS)(
    'P1 issuing a %s license grants %i credits (a lot when > 0) and its included levels',
    async (_label, credits, edition, plan, levels) => {
      const acc = await createAccount(g);
      const lic = await issue(acc, { edition, hostingPlan: plan });

      expect(lic.creditsGranted).toBe(credits);
      expect([...lic.includedLevels].sort()).toEqual(levels);
      const all = await lots(acc);
      const entries = await ledger(acc);
      if (credits === 0) {
        expect(lic.creditLot).toBeNull();
        expect(all).toEqual([]);
        expect(entries.totalCount).toBe(0);
      } else {
        expect(lic.creditLot).toMatchObject({
          source: 'LICENSE_GRANT',
          originalCredits: credits,
          remainingCredits: credits,
          expired: false,
          license: { id: lic.id },
        });
        expect(all.map((l) => l.id)).toEqual([lic.creditLot!.id]);
        expect(entries.totalCount).toBe(1);
        expect(entries.nodes[0]).toMatchObject({
          kind: 'GRANT',
          credits,
          lot: { id: lic.creditLot!.id },
          ticket: null,
        });
      }
      expect(await balance(acc)).toBe(credits);
    },
  );

  it('P2 an OWNED license bought at exactly 20% off still gets its 200 credits', async () => {
    const acc = await createAccount(g);
    const a = await issue(acc, { edition: 'OWNED', listPriceCents: 10_000, paidPriceCents: 8_000 });
    expect(a.creditsGranted).toBe(200);
    expect(a.creditLot?.originalCredits).toBe(200);
    // An odd list price: 9876 / 12345 is exactly 80%, a float division is not.
    const b = await issue(acc, { edition: 'OWNED', listPriceCents: 12_345, paidPriceCents: 9_876 });
    expect(b.creditsGranted).toBe(200);
    expect(b.creditLot?.originalCredits).toBe(200);
    expect(await balance(acc)).toBe(400);
  });

  it('P2 an OWNED license bought at 20.01% off (or any fraction over 20%) gets no credits', async () => {
    const acc = await createAccount(g);
    const a = await issue(acc, { edition: 'OWNED', listPriceCents: 10_000, paidPriceCents: 7_999 });
    expect(a.creditsGranted).toBe(0);
    expect(a.creditLot).toBeNull();
    expect(a.grantNote).toContain('20.01%');
    // 9875 / 12345 is 20.008...% off: over 20% by less than a hundredth.
    const b = await issue(acc, { edition: 'OWNED', listPriceCents: 12_345, paidPriceCents: 9_875 });
    expect(b.creditsGranted).toBe(0);
    expect(b.creditLot).toBeNull();
    expect(await balance(acc)).toBe(0);
    expect(await lots(acc)).toEqual([]);
  });

  it('P2 the discount rule applies to the OWNED row only: a LEASED license at 50% off keeps its 50 credits', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, {
      edition: 'LEASED',
      listPriceCents: 10_000,
      paidPriceCents: 5_000,
    });
    expect(lic.creditsGranted).toBe(50);
    expect(await balance(acc)).toBe(50);
  });

  it('P3 a license ordered on 2024-02-29 grants a lot expiring 2025-02-28 at the same time of day, already dead', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, {
      edition: 'OWNED',
      orderDate: new Date('2024-02-29T13:45:10.123Z'),
    });
    expect(lic.orderDate).toBe('2024-02-29T13:45:10.123Z');
    expect(lic.creditsGranted).toBe(200);
    expect(lic.creditLot?.expiresAt).toBe('2025-02-28T13:45:10.123Z');
    expect(lic.creditLot?.expired).toBe(true);

    // A dead lot is not spendable, nor listed among the live ones.
    expect(await balance(acc)).toBe(0);
    expect(await lots(acc, false)).toEqual([]);
    const t = await open(lic.id, 'CLARIFICATION');
    expectRefused(await charge(t.id, 10), 'INSUFFICIENT_CREDITS', {
      balance: 0,
      required: 10,
      shortfall: 10,
    });
  });

  it('P3 expiry counts calendar months from the order date, not from registration', async () => {
    const acc = await createAccount(g);
    const cases = [
      new Date('2023-01-31T00:00:00.000Z'), // -> 2024-01-31
      new Date('2023-02-28T23:59:59.999Z'), // -> 2024-02-28, not the 29th
      new Date('2023-03-31T06:00:00.000Z'), // -> 2024-03-31
    ];
    const expected = [
      '2024-01-31T00:00:00.000Z',
      '2024-02-28T23:59:59.999Z',
      '2024-03-31T06:00:00.000Z',
    ];
    for (const [i, orderDate] of cases.entries()) {
      const lic = await issue(acc, { edition: 'LEASED', orderDate });
      expect(lic.creditLot?.expiresAt).toBe(expected[i]);
      expect(lic.creditLot?.expired).toBe(true);
    }

    // Ordered 11 months ago, registered today: about one month of life left, not twelve.
    const orderDate = monthsAgo(11);
    const live = await issue(acc, { edition: 'OWNED', orderDate });
    expect(live.creditLot?.expiresAt).toBe(
      addMonthsUtc(new Date(live.orderDate), 12).toISOString(),
    );
    expect(live.creditLot?.expired).toBe(false);
    expect(new Date(live.creditLot!.expiresAt!).getTime()).toBeLessThan(
      Date.now() + 45 * 86_400_000,
    );
    expect(await balance(acc)).toBe(200);
  });

  it('P3 a lot whose order date is 12 months ago, to the moment, is dead from its expiry instant on', async () => {
    const acc = await createAccount(g);
    // Expires one hour from now: alive now, dead from that instant on.
    const alive = await issue(acc, {
      edition: 'OWNED',
      orderDate: orderDateExpiringAt(new Date(Date.now() + 3_600_000)),
    });
    const expiresAt = alive.creditLot!.expiresAt!;
    expect(expiresAt).toBe(addMonthsUtc(new Date(alive.orderDate), 12).toISOString());
    expect(alive.creditLot!.expired).toBe(false);
    expect(await balance(acc)).toBe(200);
    const e = new Date(expiresAt).getTime();
    expect(await balance(acc, iso(e - 1))).toBe(200);
    expect(await balance(acc, iso(e))).toBe(0);
    expect(await balance(acc, iso(e + 1))).toBe(0);

    // Expired one second ago: already dead at registration, nothing spendable.
    const dead = await issue(acc, {
      edition: 'OWNED',
      orderDate: orderDateExpiringAt(new Date(Date.now() - 1_000)),
    });
    expect(dead.creditLot!.expiresAt).toBe(
      addMonthsUtc(new Date(dead.orderDate), 12).toISOString(),
    );
    expect(dead.creditLot!.expired).toBe(true);
    expect(await balance(acc)).toBe(200);
    expect((await lots(acc, false)).map((l) => l.id)).toEqual([alive.creditLot!.id]);
  });

  it('P4 each license grants its own lot; the lots form one pool usable for a ticket about any license', async () => {
    const acc = await createAccount(g);
    const leased = await issue(acc, { edition: 'LEASED', orderDate: monthsAgo(2) });
    const owned = await issue(acc, { edition: 'OWNED', orderDate: monthsAgo(1) });
    const free = await issue(acc, { edition: 'FREE' });
    expect(leased.creditLot!.id).not.toBe(owned.creditLot!.id);
    expect(await balance(acc)).toBe(250);
    const all = await lots(acc);
    expect(all).toHaveLength(2);
    expect(Object.fromEntries(all.map((l) => [l.license!.id, l.originalCredits]))).toEqual({
      [leased.id]: 50,
      [owned.id]: 200,
    });

    // A ticket about the LEASED license spends its own lot and then the OWNED one.
    const t1 = await open(leased.id, 'ROOT_CAUSE_DEBUGGING');
    const c1 = await chargeOk(t1.id, 200);
    expect(byLot(c1.allocations)).toEqual({
      [leased.creditLot!.id]: 50,
      [owned.creditLot!.id]: 150,
    });
    expect(c1.balanceAfter).toBe(50);

    // A ticket about the FREE license (no lot of its own) spends the pool.
    const t2 = await open(free.id, 'ROOT_CAUSE_ANALYSIS');
    const c2 = await chargeOk(t2.id, 50);
    expect(byLot(c2.allocations)).toEqual({ [owned.creditLot!.id]: 50 });
    expect(c2.balanceAfter).toBe(0);
    expect(await balance(acc)).toBe(0);
  });

  it('P5 a zero-credit license (FREE, SaaS PROFESSIONAL, discounted OWNED) opens no lot but records its decision and why', async () => {
    const acc = await createAccount(g);
    const free = await issue(acc, { edition: 'FREE', listPriceCents: 0, paidPriceCents: 0 });
    const pro = await issue(acc, { edition: 'SAAS', hostingPlan: 'PROFESSIONAL' });
    const cheap = await issue(acc, {
      edition: 'OWNED',
      listPriceCents: 10_000,
      paidPriceCents: 5_000,
    });

    for (const lic of [free, pro, cheap]) {
      expect(lic.creditsGranted).toBe(0);
      expect(lic.creditLot).toBeNull();
      expect(lic.grantNote).toMatch(/^0 credits/);
    }
    expect(free.grantNote).toMatch(/Free/);
    expect(pro.grantNote).toMatch(/Professional/);
    expect(pro.includedLevels.sort()).toEqual(['LEVEL_1', 'LEVEL_2']);
    expect(cheap.grantNote).toMatch(/50% off/);
    expect(cheap.includedLevels).toEqual([]);

    expect(await lots(acc)).toEqual([]);
    expect((await ledger(acc)).totalCount).toBe(0);
    expect(await balance(acc)).toBe(0);

    // Still visible later, on the license and on the account.
    const d = await g.ok(
      graphql(`
        query RulesGrantDecisions($id: ID!, $l: ID!) {
          license(id: $l) {
            id
            creditsGranted
            grantNote
            creditLot {
              id
            }
          }
          account(id: $id) {
            licenses {
              id
              creditsGranted
              grantNote
              creditLot {
                id
              }
            }
          }
        }
      `),
      { id: acc, l: cheap.id },
    );
    expect(d.license).toEqual({
      id: cheap.id,
      creditsGranted: 0,
      grantNote: cheap.grantNote,
      creditLot: null,
    });
    const listed = Object.fromEntries(present(d.account).licenses.map((l) => [l.id, l]));
    for (const lic of [free, pro, cheap]) {
      expect(listed[lic.id]).toEqual({
        id: lic.id,
        creditsGranted: 0,
        grantNote: lic.grantNote,
        creditLot: null,
      });
    }
  });
});

// ---------------------------------------------------------------------------
// Purchases (P6, P7)

describe('purchases', () => {
  it('P6 credits can be bought in any whole positive amount, by a FREE-only account too, and never expire', async () => {
    const acc = await createAccount(g);
    await issue(acc, { edition: 'FREE' });
    const one = await buy(acc, 1);
    const more = await buy(acc, 37);
    for (const [l, n] of [
      [one, 1],
      [more, 37],
    ] as const) {
      expect(l).toMatchObject({
        source: 'PURCHASE',
        originalCredits: n,
        remainingCredits: n,
        expiresAt: null,
        expired: false,
        license: null,
      });
      expect(l.paymentReference).toBeTruthy();
    }
    expect(await balance(acc)).toBe(38);
    expect(await balance(acc, '9000-01-01T00:00:00.000Z')).toBe(38);
    const entries = await ledger(acc);
    expect(entries.nodes.map((e) => [e.kind, e.credits]).sort()).toEqual(
      [
        ['PURCHASE', 1],
        ['PURCHASE', 37],
      ].sort(),
    );

    // An account with no license at all can buy too.
    const bare = await createAccount(g);
    await buy(bare, 5);
    expect(await balance(bare)).toBe(5);
  });

  it('P6 a purchase of zero or negative credits is BAD_USER_INPUT naming credits, and changes nothing', async () => {
    const acc = await createAccount(g);
    await buy(acc, 10);
    const before = await state(acc);
    for (const credits of [0, -5]) {
      const r = await g.gql(PURCHASE, {
        i: { accountId: acc, credits, paymentReference: uniq('pay') },
      });
      expectRefused(r, 'BAD_USER_INPUT', { field: 'credits' });
    }
    expect(await state(acc)).toEqual(before);
  });

  it('P6 a fractional purchase (2.5 credits) is refused as BAD_USER_INPUT and changes nothing', async () => {
    const acc = await createAccount(g);
    await buy(acc, 10);
    const before = await state(acc);
    const frac = await g.gql(PURCHASE, {
      i: { accountId: acc, credits: 2.5, paymentReference: uniq('pay') },
    });
    expectRefused(frac, 'BAD_USER_INPUT');
    expect(await state(acc)).toEqual(before);
  });

  it('P7 the same payment reference twice returns the same lot and adds the credits once', async () => {
    const acc = await createAccount(g);
    const ref = uniq('invoice');
    const first = await buy(acc, 120, ref);
    const again = await buy(acc, 120, ref);
    expect(again.id).toBe(first.id);
    // The answer tells the retry apart, so the dashboard can say "nothing added".
    expect(first.alreadyRecorded).toBe(false);
    expect(again.alreadyRecorded).toBe(true);
    expect(again.paymentReference).toBe(ref);
    // Retried at the same moment too.
    const racing = await Promise.all([buy(acc, 120, ref), buy(acc, 120, ref), buy(acc, 120, ref)]);
    expect(new Set(racing.map((l) => l.id))).toEqual(new Set([first.id]));
    expect(racing.every((l) => l.alreadyRecorded)).toBe(true);

    expect(await balance(acc)).toBe(120);
    expect(await lots(acc)).toHaveLength(1);
    const entries = await ledger(acc);
    expect(entries.totalCount).toBe(1);
    expect(entries.nodes[0]).toMatchObject({
      kind: 'PURCHASE',
      credits: 120,
      lot: { id: first.id },
    });
  });

  it('P7 the same payment reference with other credits, or for another account, is an IDEMPOTENCY_CONFLICT', async () => {
    const acc = await createAccount(g);
    const other = await createAccount(g);
    const ref = uniq('invoice');
    await buy(acc, 120, ref);
    const before = await state(acc);
    const otherBefore = await state(other);

    expectRefused(
      await g.gql(PURCHASE, { i: { accountId: acc, credits: 121, paymentReference: ref } }),
      'IDEMPOTENCY_CONFLICT',
    );
    expectRefused(
      await g.gql(PURCHASE, { i: { accountId: other, credits: 120, paymentReference: ref } }),
      'IDEMPOTENCY_CONFLICT',
    );

    expect(await state(acc)).toEqual(before);
    expect(await state(other)).toEqual(otherBefore);
    expect(await balance(acc)).toBe(120);
  });

  it("P7 payment references are per partner key: a second partner registering the first's reference gets its own lot, not a conflict", async () => {
    const mine = await createAccount(g);
    const theirs = await createAccount(g);
    const first = await createKey(g, 'PARTNER', [mine]);
    const second = await createKey(g, 'PARTNER', [theirs]);
    const ref = uniq('order-1001');
    const buyAs = (key: string, accountId: string, credits: number) =>
      g.gql(PURCHASE, { i: { accountId, credits, paymentReference: ref } }, key);

    const firstLot = expectData(await buyAs(first.secret, mine, 100)).purchaseCredits;
    // Other values than the first partner's: its reference is not visible here.
    const secondLot = expectData(await buyAs(second.secret, theirs, 30)).purchaseCredits;
    expect(secondLot.id).not.toBe(firstLot.id);
    expect(secondLot).toMatchObject({ paymentReference: ref, originalCredits: 30 });
    expect(await balance(theirs)).toBe(30);

    // Within each namespace P7 holds as before.
    expect(expectData(await buyAs(first.secret, mine, 100)).purchaseCredits.id).toBe(firstLot.id);
    expect(expectData(await buyAs(second.secret, theirs, 30)).purchaseCredits.id).toBe(
      secondLot.id,
    );
    expectRefused(await buyAs(second.secret, theirs, 31), 'IDEMPOTENCY_CONFLICT');
    expect(await balance(mine)).toBe(100);
    expect(await balance(theirs)).toBe(30);

    // Staff keys record into the vendor's namespace, apart from both partners.
    const staffLot = await buy(mine, 7, ref);
    expect([firstLot.id, secondLot.id]).not.toContain(staffLot.id);
    const specialist = await createKey(g, 'SPECIALIST');
    expect(expectData(await buyAs(specialist.secret, mine, 7)).purchaseCredits.id).toBe(
      staffLot.id,
    );
    expectRefused(await buyAs(specialist.secret, mine, 8), 'IDEMPOTENCY_CONFLICT');
    expect(await balance(mine)).toBe(107);
  });

  it('P6 a purchase records what was paid and in which currency; the lot is worth it all until spent', async () => {
    const acc = await createAccount(g);
    const lot = expectData(
      await g.gql(PURCHASE, {
        i: {
          accountId: acc,
          credits: 100,
          paymentReference: uniq('pay'),
          amountPaidCents: 4_999,
          currency: 'eur',
        },
      }),
    ).purchaseCredits;
    expect(lot).toMatchObject({
      amountPaidCents: 4_999,
      currency: 'EUR',
      remainingValueCents: 4_999,
      spentValueCents: 0,
      expiredValueCents: 0,
    });
    // Without money: unknown cost, no values.
    const plain = await buy(acc, 5);
    expect(plain).toMatchObject({
      amountPaidCents: null,
      currency: null,
      remainingValueCents: null,
    });
    // A grant costs nothing.
    const lic = await issue(acc, { edition: 'OWNED' });
    expect(lic.creditLot).toMatchObject({
      amountPaidCents: 0,
      currency: null,
      remainingValueCents: 0,
    });
  });

  it('P6 money on a purchase: both or neither, whole cents >= 0, a real ISO 4217 code; refused input changes nothing', async () => {
    const acc = await createAccount(g);
    await buy(acc, 10);
    const before = await state(acc);
    const cases: [Record<string, unknown>, string][] = [
      [{ amountPaidCents: 100 }, 'currency'],
      [{ currency: 'USD' }, 'amountPaidCents'],
      [{ amountPaidCents: 100, currency: 'XYZ' }, 'currency'],
      [{ amountPaidCents: 100, currency: 'EURO' }, 'currency'],
      [{ amountPaidCents: 100, currency: '' }, 'currency'],
      [{ amountPaidCents: -1, currency: 'USD' }, 'amountPaidCents'],
    ];
    for (const [money, field] of cases) {
      const r = await g.gql(PURCHASE, {
        i: { accountId: acc, credits: 5, paymentReference: uniq('pay'), ...money },
      });
      expectRefused(r, 'BAD_USER_INPUT', { field });
    }
    expectRefused(
      await g.gql(PURCHASE, {
        i: {
          accountId: acc,
          credits: 5,
          paymentReference: uniq('pay'),
          amountPaidCents: 1.5,
          currency: 'USD',
        },
      }),
      'BAD_USER_INPUT',
    );
    expect(await state(acc)).toEqual(before);
  });

  it('P7 a replay with other money (amount, currency, or none) is an IDEMPOTENCY_CONFLICT; the same money returns the lot', async () => {
    const acc = await createAccount(g);
    const ref = uniq('invoice');
    const i = { accountId: acc, credits: 50, paymentReference: ref };
    const first = expectData(
      await g.gql(PURCHASE, { i: { ...i, amountPaidCents: 2_500, currency: 'USD' } }),
    ).purchaseCredits;
    const again = expectData(
      await g.gql(PURCHASE, { i: { ...i, amountPaidCents: 2_500, currency: 'usd' } }),
    ).purchaseCredits;
    expect(again.id).toBe(first.id);
    for (const money of [
      { amountPaidCents: 2_501, currency: 'USD' },
      { amountPaidCents: 2_500, currency: 'EUR' },
      {},
    ]) {
      expectRefused(await g.gql(PURCHASE, { i: { ...i, ...money } }), 'IDEMPOTENCY_CONFLICT', {
        field: 'paymentReference',
      });
    }
    // And the other way round: recorded without money, replayed with some.
    const bare = uniq('invoice');
    await buy(acc, 5, bare);
    expectRefused(
      await g.gql(PURCHASE, {
        i: {
          accountId: acc,
          credits: 5,
          paymentReference: bare,
          amountPaidCents: 1,
          currency: 'USD',
        },
      }),
      'IDEMPOTENCY_CONFLICT',
    );
    expect(await balance(acc)).toBe(55);
  });

  it('P7 the namespace migration gives existing lots the namespace of the key that recorded them', async () => {
    // Its own database: down() needs references unique across namespaces, as they were then.
    const g = await startGateway();
    const acc = await createAccount(g);
    const partner = await createKey(g, 'PARTNER', [acc]);
    const partnerRef = uniq('p-order');
    const staffRef = uniq('s-order');
    const partnerLot = expectData(
      await g.gql(
        PURCHASE,
        { i: { accountId: acc, credits: 5, paymentReference: partnerRef } },
        partner.secret,
      ),
    ).purchaseCredits;
    const staffLot = (
      await g.ok(PURCHASE, { i: { accountId: acc, credits: 6, paymentReference: staffRef } })
    ).purchaseCredits;

    const migration = new PaymentReferenceNamespaces1796900000000();
    const q = g.ds.createQueryRunner();
    try {
      // Back to one namespace for everyone, as before the migration, and forward again.
      await q.startTransaction();
      await migration.down(q);
      await migration.up(q);
      const rows = (await q.query(
        'SELECT id, payment_namespace FROM credit_lots WHERE id = ANY($1) ORDER BY original_credits',
        [[partnerLot.id, staffLot.id]],
      )) as { id: string; payment_namespace: string }[];
      expect(rows).toEqual([
        { id: partnerLot.id, payment_namespace: partner.id },
        { id: staffLot.id, payment_namespace: 'vendor' },
      ]);
      await q.commitTransaction();
    } finally {
      if (q.isTransactionActive) await q.rollbackTransaction();
      await q.release();
      await g.close();
    }
  });
});

// ---------------------------------------------------------------------------
// Tickets and what they cost (P8-P14)

type Cell = [number, number];
const c = (s: string): Cell => {
  const [a, b] = s.split('-').map(Number);
  return [a!, b ?? a!];
};
// POLICY.md P8, copied column by column: FREE+OWNED | LEASED | SAAS BASIC+STANDARD | SAAS PROFESSIONAL.
const P8_TABLE: Record<TicketCategory, [1 | 2, string, string, string, string]> = {
  GENERAL_ISSUE: [1, '20-30', '0', '0', '0'],
  WARRANTY: [1, '20-30', '0', '0', '0'],
  BUG_REPORT: [1, '20-30', '0', '0', '0'],
  QUOTE_REQUEST: [1, '20-30', '0', '0', '0'],
  FEATURE_DESCRIPTION: [1, '20-30', '0', '0', '0'],
  SETUP: [1, '30-45', '0', '0', '0'],
  DOMAIN_CHANGE: [2, '10', '10', '10', '0'],
  SIMPLE_CUSTOMIZATION: [2, '20-45', '20-45', '20-45', '0'],
  ROOT_CAUSE_ANALYSIS: [2, '20-60', '20-60', '20-60', '0'],
  ROOT_CAUSE_DEBUGGING: [2, '60-200', '60-200', '60-200', '0'],
  HOSTING_ISSUE: [2, '20-60', '20-60', '20-60', '0'],
  EDITION_UPGRADE: [2, '60', '60', '60', '0'],
  CLARIFICATION: [2, '10-20', '10-20', '10-20', '0'],
};
const P8_PLANS: [Edition, Plan | null, number][] = [
  ['FREE', null, 1],
  ['OWNED', null, 1],
  ['LEASED', null, 2],
  ['SAAS', 'BASIC', 3],
  ['SAAS', 'STANDARD', 3],
  ['SAAS', 'PROFESSIONAL', 4],
];

describe('tickets and charges', () => {
  it('P8 every category has its level and a price range set by the edition and plan of the license', async () => {
    const acc = await createAccount(g);
    for (const [edition, plan, column] of P8_PLANS) {
      const lic = await issue(acc, { edition, hostingPlan: plan });
      for (const [category, row] of Object.entries(P8_TABLE) as [
        TicketCategory,
        (typeof P8_TABLE)[TicketCategory],
      ][]) {
        const [min, max] = c(row[column] as string);
        const level = row[0] === 1 ? 'LEVEL_1' : 'LEVEL_2';
        const price = { min, max, included: min === 0 && max === 0 };
        const what = `${edition} ${plan ?? ''} ${category}`;

        const q = await g.ok(
          graphql(`
            query RulesQuote($l: ID!, $c: TicketCategory!) {
              quote(licenseId: $l, category: $c) {
                category
                level
                price {
                  min
                  max
                  included
                }
              }
            }
          `),
          { l: lic.id, c: category },
        );
        expect(q.quote, what).toEqual({ category, level, price });

        const t = await open(lic.id, category);
        expect(t, what).toMatchObject({
          category,
          level,
          price,
          status: 'OPEN',
          license: { id: lic.id },
        });
      }
    }
  });

  it('P9 an included ticket (LEASED, GENERAL_ISSUE) is recorded as a 0-credit charge marked included', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'LEASED' });
    const t = await open(lic.id, 'GENERAL_ISSUE');
    expect(t.price).toEqual({ min: 0, max: 0, included: true });
    const ledgerBefore = (await ledger(acc)).totalCount;

    const ch = await chargeOk(t.id, 0);
    expect(ch).toMatchObject({
      credits: 0,
      included: true,
      balanceAfter: 50,
      refunded: false,
      allocations: [],
      ticket: { id: t.id, status: 'CHARGED' },
    });
    expect(await balance(acc)).toBe(50);
    expect((await ledger(acc)).totalCount).toBe(ledgerBefore);
    expect((await ticketOf(t.id)).charge).toEqual({ id: ch.id, credits: 0 });

    // It shows in the history: on the account and in the charges query.
    const d = await g.ok(
      graphql(`
        query RulesIncludedCharges($id: ID!) {
          account(id: $id) {
            charges {
              totalCount
              nodes {
                id
                credits
                included
              }
            }
          }
          charges(filter: { accountId: $id, included: true }) {
            totalCount
            nodes {
              id
              credits
              included
            }
          }
        }
      `),
      { id: acc },
    );
    expect(present(d.account).charges.nodes).toEqual([{ id: ch.id, credits: 0, included: true }]);
    expect(d.charges.nodes).toEqual([{ id: ch.id, credits: 0, included: true }]);
  });

  it('P9 a SaaS PROFESSIONAL license with no credits gets Level 2 included, charged 0; any other figure is out of range', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'SAAS', hostingPlan: 'PROFESSIONAL' });
    const t = await open(lic.id, 'ROOT_CAUSE_DEBUGGING');
    expect(t.price).toEqual({ min: 0, max: 0, included: true });
    const before = await state(acc);
    expectRefused(await charge(t.id, 1), 'COST_OUT_OF_RANGE', { min: 0, max: 0 });
    expect(await state(acc)).toEqual(before);
    const ch = await chargeOk(t.id, 0);
    expect(ch).toMatchObject({ credits: 0, included: true, balanceAfter: 0, allocations: [] });
  });

  it('P10 the cost must be a whole number inside the range, both ends included; outside is COST_OUT_OF_RANGE with min/max', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'OWNED' });
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS'); // 20-60
    const before = await state(acc);
    for (const credits of [19, 61, 0, 1000]) {
      const e = expectRefused(await charge(t.id, credits), 'COST_OUT_OF_RANGE', {
        min: 20,
        max: 60,
      });
      expect(e.message).toMatch(/20\D+60/);
    }
    expect(await state(acc)).toEqual(before);
    expect((await ticketOf(t.id)).status).toBe('OPEN');

    // Both ends are allowed.
    expect((await chargeOk(t.id, 20)).credits).toBe(20);
    const t2 = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    expect((await chargeOk(t2.id, 60)).credits).toBe(60);
    expect(await balance(acc)).toBe(120);
  });

  it('P10 a fractional cost (20.5 credits) is refused as BAD_USER_INPUT and changes nothing', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'OWNED' });
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS'); // 20-60
    const before = await state(acc);
    expectRefused(await charge(t.id, 20.5), 'BAD_USER_INPUT');
    expect(await state(acc)).toEqual(before);
    expect((await ticketOf(t.id)).status).toBe('OPEN');
  });

  it('P10 a fixed price (DOMAIN_CHANGE = 10) accepts exactly that figure', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'OWNED' });
    const t = await open(lic.id, 'DOMAIN_CHANGE');
    const before = await state(acc);
    for (const credits of [9, 11]) {
      const e = expectRefused(await charge(t.id, credits), 'COST_OUT_OF_RANGE', {
        min: 10,
        max: 10,
      });
      expect(e.message).toMatch(/10/);
    }
    expect(await state(acc)).toEqual(before);
    expect((await chargeOk(t.id, 10)).balanceAfter).toBe(190);
  });

  it('P11 a ticket is charged once: a second charge is TICKET_ALREADY_CHARGED naming the first charge', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'OWNED' });
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    const first = await chargeOk(t.id, 30);
    const before = await state(acc);
    expectRefused(await charge(t.id, 30), 'TICKET_ALREADY_CHARGED', { chargeId: first.id });
    expectRefused(await charge(t.id, 40), 'TICKET_ALREADY_CHARGED', { chargeId: first.id });
    // A key the first charge did not use does not make it a retry.
    expectRefused(await charge(t.id, 30, uniq('key')), 'TICKET_ALREADY_CHARGED', {
      chargeId: first.id,
    });
    expect(await state(acc)).toEqual(before);
    expect(await balance(acc)).toBe(170);
  });

  it('P11 the same idempotency key with the same values answers the first charge; with other values it is a conflict', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'OWNED' });
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    const key = uniq('idem');
    const first = await chargeOk(t.id, 30, key);
    const again = await chargeOk(t.id, 30, key);
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ credits: 30, balanceAfter: 170 });
    expect(await balance(acc)).toBe(170);

    const before = await state(acc);
    expectRefused(await charge(t.id, 31, key), 'IDEMPOTENCY_CONFLICT');
    const t2 = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    expectRefused(await charge(t2.id, 30, key), 'IDEMPOTENCY_CONFLICT');
    expect(await state(acc)).toEqual(before);
    expect((await ticketOf(t2.id)).status).toBe('OPEN');
    const d = await g.ok(CHARGE_COUNT, { id: acc });
    expect(present(d.account).charges.totalCount).toBe(1);
  });

  it('P12 spends the soonest-expiring lot first, never-expiring lots last, ties to the older lot', async () => {
    const acc = await createAccount(g);
    const x = monthsAgo(3);
    const purchased = await buy(acc, 300); // oldest lot, never expires: last
    const tie1 = await issue(acc, { edition: 'OWNED', orderDate: x }); // same expiry as tie2, older
    const tie2 = await issue(acc, { edition: 'OWNED', orderDate: x });
    const soonest = await issue(acc, { edition: 'OWNED', orderDate: monthsAgo(6) }); // newest lot, expires first
    const dead = await issue(acc, { edition: 'OWNED', orderDate: monthsAgo(13) }); // expired: never touched
    expect(tie1.creditLot!.expiresAt).toBe(tie2.creditLot!.expiresAt);
    expect(new Date(tie1.creditLot!.createdAt).getTime()).toBeLessThan(
      new Date(tie2.creditLot!.createdAt).getTime(),
    );
    expect(dead.creditLot!.expired).toBe(true);
    expect(await balance(acc)).toBe(900);

    const P = purchased.id;
    const T1 = tie1.creditLot!.id;
    const T2 = tie2.creditLot!.id;
    const S = soonest.creditLot!.id;
    const steps: [number, Record<string, number>, number][] = [
      [150, { [S]: 150 }, 750],
      [200, { [S]: 50, [T1]: 150 }, 550],
      [200, { [T1]: 50, [T2]: 150 }, 350],
      [200, { [T2]: 50, [P]: 150 }, 150],
    ];
    for (const [cost, expected, after] of steps) {
      const t = await open(soonest.id, 'ROOT_CAUSE_DEBUGGING');
      const ch = await chargeOk(t.id, cost);
      expect(byLot(ch.allocations)).toEqual(expected);
      expect(ch.allocations.reduce((s, a) => s + a.credits, 0)).toBe(cost);
      expect(ch.balanceAfter).toBe(after);
    }

    const remaining = Object.fromEntries((await lots(acc)).map((l) => [l.id, l.remainingCredits]));
    expect(remaining).toEqual({ [S]: 0, [T1]: 0, [T2]: 0, [P]: 150, [dead.creditLot!.id]: 200 });
    expect(await balance(acc)).toBe(150);

    // Each lot's share is recorded in the ledger, one CHARGE entry per lot drawn.
    const entries = (await ledger(acc)).nodes.filter((e) => e.kind === 'CHARGE');
    expect(entries).toHaveLength(7);
    const drawn: Record<string, number> = {};
    for (const e of entries) drawn[e.lot.id] = (drawn[e.lot.id] ?? 0) - e.credits;
    expect(drawn).toEqual({ [S]: 200, [T1]: 200, [T2]: 200, [P]: 150 });
  });

  it('P13 a charge above the unexpired balance is INSUFFICIENT_CREDITS with balance/required/shortfall; nothing is debited', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'FREE' });
    const expired = await issue(acc, { edition: 'OWNED', orderDate: monthsAgo(13) }); // 200 dead credits do not count
    expect(expired.creditLot!.expired).toBe(true);
    const bought = await buy(acc, 15);
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    const before = await state(acc);

    const e = expectRefused(await charge(t.id, 40), 'INSUFFICIENT_CREDITS', {
      balance: 15,
      required: 40,
      shortfall: 25,
    });
    expect(e.message).toMatch(/15/);
    expect(e.message).toMatch(/25/);

    expect(await state(acc)).toEqual(before);
    expect(await balance(acc)).toBe(15);
    expect((await lot(acc, bought.id)).remainingCredits).toBe(15);
    expect((await lot(acc, expired.creditLot!.id)).remainingCredits).toBe(200);
    const tk = await ticketOf(t.id);
    expect(tk.status).toBe('OPEN');
    expect(tk.charge).toBeNull();

    // After a purchase the same ticket can be charged.
    await buy(acc, 25);
    const ch = await chargeOk(t.id, 40);
    expect(ch).toMatchObject({ credits: 40, balanceAfter: 0, ticket: { status: 'CHARGED' } });
    expect(await balance(acc)).toBe(0);
  });

  it('P14 concurrent charges on one account never overspend: the balance never goes below zero', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'FREE' });
    await buy(acc, 100);
    const tickets = await Promise.all(
      Array.from({ length: 8 }, () => open(lic.id, 'ROOT_CAUSE_ANALYSIS')),
    );

    const results = await Promise.all(tickets.map((t) => charge(t.id, 30)));
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(3);
    expect(ok.map((r) => expectData(r).chargeTicket.balanceAfter).sort((a, b) => a - b)).toEqual([
      10, 40, 70,
    ]);
    for (const r of refused)
      expectRefused(r, 'INSUFFICIENT_CREDITS', { balance: 10, required: 30, shortfall: 20 });

    expect(await balance(acc)).toBe(10);
    // The one lot (FREE grants none) holds exactly what is left; the 3 charges drew 90 from it.
    const all = await lots(acc);
    expect(all.map((l) => [l.remainingCredits, l.spentCredits])).toEqual([[10, 90]]);
    const d = await g.ok(CHARGE_COUNT, { id: acc });
    expect(present(d.account).charges.totalCount).toBe(3);
    const open_ = await g.ok(
      graphql(`
        query RulesOpenTickets($id: ID!) {
          account(id: $id) {
            tickets(status: OPEN) {
              totalCount
            }
          }
        }
      `),
      { id: acc },
    );
    expect(present(open_.account).tickets.totalCount).toBe(5);
  });
});

// ---------------------------------------------------------------------------
// Refunds (P15-P17)

describe('refunds', () => {
  it('P15 a refund returns 100% of the charge as its own entry; the charge is never edited', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'OWNED' });
    const grant = lic.creditLot!.id;
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    const ch = await chargeOk(t.id, 40);
    expect(await balance(acc)).toBe(160);

    const rf = await refundOk(t.id, 'Vendor bug #123');
    expect(rf).toMatchObject({
      credits: 40,
      reason: 'Vendor bug #123',
      balanceAfter: 200,
      ticket: { id: t.id, status: 'REFUNDED' },
      charge: { id: ch.id, credits: 40, refunded: true },
    });
    expect(byLot(rf.allocations)).toEqual({ [grant]: 40 });
    // The charge keeps its figures and its allocations.
    expect(byLot(rf.charge.allocations)).toEqual({ [grant]: 40 });

    const tk = await ticketOf(t.id);
    expect(tk).toMatchObject({
      status: 'REFUNDED',
      charge: { id: ch.id, credits: 40 },
      refund: { id: rf.id, credits: 40 },
    });
    expect(await balance(acc)).toBe(200);

    const entries = await ledger(acc);
    expect(entries.nodes.map((e) => [e.kind, e.credits]).sort()).toEqual(
      [
        ['CHARGE', -40],
        ['GRANT', 200],
        ['REFUND', 40],
      ].sort(),
    );
    expect(entries.nodes.find((e) => e.kind === 'REFUND')!.ticket).toEqual({ id: t.id });
    const l = await lot(acc, grant);
    expect(l).toMatchObject({ remainingCredits: 200, spentCredits: 40, refundedCredits: 40 });
  });

  it('P16 refunded credits go back to the lots they came from while those lots live', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'LEASED', orderDate: monthsAgo(2) });
    const p = await buy(acc, 100);
    const t = await open(lic.id, 'ROOT_CAUSE_DEBUGGING');
    const ch = await chargeOk(t.id, 80);
    expect(byLot(ch.allocations)).toEqual({ [lic.creditLot!.id]: 50, [p.id]: 30 });
    const rf = await refundOk(t.id);
    expect(byLot(rf.allocations)).toEqual({ [lic.creditLot!.id]: 50, [p.id]: 30 });
    expect(rf.allocations.every((a) => a.lot.source !== 'REFUND')).toBe(true);
    expect((await lots(acc)).filter((l) => l.source === 'REFUND')).toEqual([]);
    expect(await balance(acc)).toBe(150);
  });

  it(
    'P16 credits whose lot expired before the refund come back as a new REFUND lot that never expires',
    onManualClock(async (clock) => {
      const acc = await createAccount(g);
      // A LEASED grant (50) that dies a few seconds from now, and a purchase.
      const lic = await issue(acc, {
        edition: 'LEASED',
        orderDate: orderDateExpiringAt(new Date(clock.now().getTime() + 3_000)),
      });
      const grant = lic.creditLot!;
      expect(grant.expired).toBe(false);
      const p = await buy(acc, 100);
      const t = await open(lic.id, 'ROOT_CAUSE_DEBUGGING');
      const ch = await chargeOk(t.id, 80);
      expect(byLot(ch.allocations)).toEqual({ [grant.id]: 50, [p.id]: 30 });

      movePast(clock, grant.expiresAt!);
      expect((await lot(acc, grant.id)).expired).toBe(true);
      expect(await balance(acc)).toBe(70);

      const rf = await refundOk(t.id);
      expect(rf.credits).toBe(80);
      expect(rf.balanceAfter).toBe(150);
      const newLots = (await lots(acc)).filter((l) => l.source === 'REFUND');
      expect(newLots).toHaveLength(1);
      const fresh = newLots[0]!;
      expect(fresh).toMatchObject({
        originalCredits: 50,
        remainingCredits: 50,
        expiresAt: null,
        expired: false,
        license: null,
      });
      expect(byLot(rf.allocations)).toEqual({ [p.id]: 30, [fresh.id]: 50 });
      expect(rf.allocations.find((a) => a.lot.id === fresh.id)?.lot).toMatchObject({
        source: 'REFUND',
        expiresAt: null,
      });

      // Nothing went into the dead lot; the purchase got its 30 back.
      expect(await lot(acc, grant.id)).toMatchObject({
        remainingCredits: 0,
        refundedCredits: 0,
        spentCredits: 50,
      });
      expect(await lot(acc, p.id)).toMatchObject({ remainingCredits: 100, refundedCredits: 30 });
      expect(await balance(acc)).toBe(150);
      expect(await balance(acc, '9000-01-01T00:00:00.000Z')).toBe(150);
    }),
  );

  it('P17 a ticket is refunded at most once: the second refund is ALREADY_REFUNDED naming the first', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'OWNED' });
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    await chargeOk(t.id, 25);
    const first = await refundOk(t.id);
    const before = await state(acc);
    expectRefused(await refund(t.id), 'ALREADY_REFUNDED', { refundId: first.id });
    expect(await state(acc)).toEqual(before);
    expect(await balance(acc)).toBe(200);
    // Nor can the refunded ticket be charged again.
    expectRefused(await charge(t.id, 25), 'TICKET_ALREADY_CHARGED');
    expect(await state(acc)).toEqual(before);
  });

  it('P17 an included (0-credit) charge has NOTHING_TO_REFUND; an uncharged ticket is TICKET_NOT_CHARGED', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'LEASED' });
    const included = await open(lic.id, 'GENERAL_ISSUE');
    await chargeOk(included.id, 0);
    const uncharged = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    const before = await state(acc);

    expectRefused(await refund(included.id), 'NOTHING_TO_REFUND');
    expectRefused(await refund(uncharged.id), 'TICKET_NOT_CHARGED');

    expect(await state(acc)).toEqual(before);
    expect((await ticketOf(included.id)).status).toBe('CHARGED');
    expect((await ticketOf(included.id)).refund).toBeNull();
    expect((await ticketOf(uncharged.id)).status).toBe('OPEN');
  });
});

// ---------------------------------------------------------------------------
// Statements (P18)

describe('statements', () => {
  it('P18 every charge and every refund leaves one statement with the credits and the balance left', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'OWNED' });
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    const STATEMENTS = graphql(`
      query RulesStatements($id: ID!) {
        account(id: $id) {
          statements {
            totalCount
            nodes {
              kind
              credits
              balanceAfter
              message
              ticket {
                id
              }
            }
          }
        }
      }
    `);
    const statements = async () =>
      present((await g.ok(STATEMENTS, { id: acc })).account).statements;

    // A refused charge tells the customer nothing.
    expectRefused(await charge(t.id, 61), 'COST_OUT_OF_RANGE');
    expect((await statements()).totalCount).toBe(0);

    await chargeOk(t.id, 30);
    let s = await statements();
    expect(s.totalCount).toBe(1);
    expect(s.nodes[0]).toMatchObject({
      kind: 'CHARGE',
      credits: 30,
      balanceAfter: 170,
      ticket: { id: t.id },
    });
    expect(s.nodes[0]?.message).toMatch(/30 credits/);
    expect(s.nodes[0]?.message).toMatch(/170 credits/);

    await refundOk(t.id);
    s = await statements();
    expect(s.totalCount).toBe(2);
    const charges = s.nodes.filter((n) => n.kind === 'CHARGE');
    const refunds = s.nodes.filter((n) => n.kind === 'REFUND');
    expect(charges).toHaveLength(1);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ credits: 30, balanceAfter: 200, ticket: { id: t.id } });
    expect(refunds[0]?.message).toMatch(/30 credits/);
    expect(refunds[0]?.message).toMatch(/200 credits/);
    expect(charges[0]).toMatchObject({ credits: 30, balanceAfter: 170 });
    // Newest first.
    expect(s.nodes.map((n) => n.kind)).toEqual(['REFUND', 'CHARGE']);
  });
});

// ---------------------------------------------------------------------------
// Expiry and balances (P19, P20)

describe('expiry and balances', () => {
  it(
    'P19 expireCredits records an EXPIRY entry per dead lot with the amount left, once; the lots show expiredCredits',
    onManualClock(async (clock) => {
      // Record whatever earlier tests left dead, so the count below is ours.
      await g.ok(EXPIRE, {});

      const acc = await createAccount(g);
      const longDead = await issue(acc, {
        edition: 'OWNED',
        orderDate: monthsAgo(13, clock.now()),
      }); // 200 left, dead
      const soon = await issue(acc, {
        edition: 'LEASED',
        orderDate: orderDateExpiringAt(new Date(clock.now().getTime() + 3_000)),
      });
      const p = await buy(acc, 40);
      const t = await open(soon.id, 'CLARIFICATION');
      const ch = await chargeOk(t.id, 20);
      expect(byLot(ch.allocations)).toEqual({ [soon.creditLot!.id]: 20 });
      movePast(clock, soon.creditLot!.expiresAt!);
      expect(await balance(acc)).toBe(40);
      const countBefore = (await ledger(acc)).totalCount;

      const n = await g.ok(EXPIRE, {});
      expect(n.expireCredits).toBe(2);

      const entries = await ledger(acc);
      expect(entries.totalCount).toBe(countBefore + 2);
      const expiries = entries.nodes.filter((e) => e.kind === 'EXPIRY');
      expect(Object.fromEntries(expiries.map((e) => [e.lot.id, e.credits]))).toEqual({
        [longDead.creditLot!.id]: -200,
        [soon.creditLot!.id]: -30,
      });
      expect(await lot(acc, longDead.creditLot!.id)).toMatchObject({
        expired: true,
        remainingCredits: 0,
        expiredCredits: 200,
        spentCredits: 0,
      });
      expect(await lot(acc, soon.creditLot!.id)).toMatchObject({
        expired: true,
        remainingCredits: 0,
        expiredCredits: 30,
        spentCredits: 20,
      });
      expect(await lot(acc, p.id)).toMatchObject({
        expired: false,
        remainingCredits: 40,
        expiredCredits: 0,
      });
      expect(await balance(acc)).toBe(40);

      // A second run finds nothing left to record.
      const before = await state(acc);
      expect((await g.ok(EXPIRE, {})).expireCredits).toBe(0);
      expect(await state(acc)).toEqual(before);
    }),
  );

  it('P20 balance(asOf) in the past counts the ledger up to that instant (charge createdAt -1 ms / +1 ms)', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'FREE' });
    const p = await buy(acc, 100);
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    const ch = await chargeOk(t.id, 30);
    const at = new Date(ch.createdAt).getTime();
    const bought = new Date(p.createdAt).getTime();

    expect(await balance(acc, iso(bought - 1))).toBe(0);
    expect(await balance(acc, iso(bought))).toBe(100);
    expect(await balance(acc, iso(at - 1))).toBe(100);
    expect(await balance(acc, iso(at))).toBe(70);
    expect(await balance(acc, iso(at + 1))).toBe(70);
    expect(await balance(acc)).toBe(70);
  });

  it(
    'P20 balance(asOf) in the past still counts a lot that was alive then and has died since',
    onManualClock(async (clock) => {
      const acc = await createAccount(g);
      const soon = await issue(acc, {
        edition: 'LEASED',
        orderDate: orderDateExpiringAt(new Date(clock.now().getTime() + 2_500)),
      });
      await buy(acc, 40);
      const t = await open(soon.id, 'CLARIFICATION');
      const ch = await chargeOk(t.id, 20); // from the grant: 30 left in it
      const e = new Date(soon.creditLot!.expiresAt!).getTime();
      const at = new Date(ch.createdAt).getTime();
      movePast(clock, soon.creditLot!.expiresAt!);

      expect(await balance(acc)).toBe(40);
      expect(await balance(acc, iso(at - 1))).toBe(90);
      expect(await balance(acc, iso(at))).toBe(70);
      expect(await balance(acc, iso(e - 1))).toBe(70);
      expect(await balance(acc, iso(e))).toBe(40);
    }),
  );

  it('P20 balance(asOf) in the future drops a grant lot from its expiry instant on', async () => {
    const acc = await createAccount(g);
    const lic = await issue(acc, { edition: 'OWNED', orderDate: monthsAgo(6) });
    await buy(acc, 100);
    const t = await open(lic.id, 'ROOT_CAUSE_ANALYSIS');
    await chargeOk(t.id, 50); // from the grant: 150 left in it
    const e = new Date(lic.creditLot!.expiresAt!).getTime();

    expect(await balance(acc)).toBe(250);
    expect(await balance(acc, daysFromNowIso(1))).toBe(250);
    expect(await balance(acc, iso(e - 1))).toBe(250);
    expect(await balance(acc, iso(e))).toBe(100);
    expect(await balance(acc, iso(e + 86_400_000))).toBe(100);
  });

  it('P20 every lot satisfies original + refunded = remaining + spent + expired, and the ledger alone gives the lots and the balance', async () => {
    const acc = await createAccount(g);
    const owned = await issue(acc, { edition: 'OWNED', orderDate: monthsAgo(2) });
    await issue(acc, { edition: 'OWNED', orderDate: monthsAgo(14) }); // dead
    await buy(acc, 100);
    const t1 = await open(owned.id, 'ROOT_CAUSE_DEBUGGING');
    await chargeOk(t1.id, 150);
    const t2 = await open(owned.id, 'ROOT_CAUSE_DEBUGGING');
    const c2 = await chargeOk(t2.id, 100); // 50 from the grant, 50 bought
    expect(c2.allocations).toHaveLength(2);
    await refundOk(t2.id);
    const t3 = await open(owned.id, 'CLARIFICATION');
    await chargeOk(t3.id, 15);
    await g.ok(EXPIRE, {});

    const all = await lots(acc);
    const entries = await ledger(acc);
    expect(entries.totalCount).toBeLessThanOrEqual(100);
    const sums: Record<string, number> = {};
    for (const e of entries.nodes) sums[e.lot.id] = (sums[e.lot.id] ?? 0) + e.credits;
    for (const l of all) {
      expect(l.originalCredits + l.refundedCredits, `lot ${l.id}`).toBe(
        l.remainingCredits + l.spentCredits + l.expiredCredits,
      );
      expect(sums[l.id] ?? 0, `ledger of lot ${l.id}`).toBe(l.remainingCredits);
    }
    const now = Date.now();
    const live = all.filter((l) => l.expiresAt === null || new Date(l.expiresAt).getTime() > now);
    const fromLots = live.reduce((s, l) => s + l.remainingCredits, 0);
    const fromLedger = entries.nodes
      .filter((e) => live.some((l) => l.id === e.lot.id))
      .reduce((s, e) => s + e.credits, 0);
    expect(fromLots).toBe(135);
    expect(fromLedger).toBe(135);
    expect(await balance(acc)).toBe(135);
    expect(await balance(acc, new Date(now + 1))).toBe(135);
  });
});

function daysFromNowIso(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString();
}
