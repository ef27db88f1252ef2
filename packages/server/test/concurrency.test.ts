import type { ResultOf } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import { graphql } from './gql';
import type { TicketCategory } from './gql/graphql';
import {
  CHARGE,
  REFUND,
  balance,
  createAccount,
  issueLicense,
  monthsAgo,
  openTicket,
  purchase,
} from './support/fixtures';
import {
  type GqlResult,
  type ServedErrorCode,
  type TestGateway,
  startGateway,
} from './support/gateway';
import { expectData, present } from './support/results';
import { waitFor } from './support/poll';

// P7, P11, P14, P16, P19, P20 under real concurrency: every test fires its
// requests at once over HTTP (Promise.all) against one gateway, and close()
// reconciles the whole ledger at the end of the file.

let g: TestGateway;
beforeAll(async () => {
  g = await startGateway();
});
afterAll(() => g?.close());

const PURCHASE = graphql(`
  mutation ConcurrentPurchase($i: PurchaseCreditsInput!) {
    purchaseCredits(input: $i) {
      id
      originalCredits
      remainingCredits
    }
  }
`);
const EXPIRE = graphql(`
  mutation ConcurrentExpire {
    expireCredits
  }
`);
const OPEN_TICKETS = graphql(`
  query ConcurrentOpenTickets($id: ID!) {
    account(id: $id) {
      tickets(first: 50, status: OPEN) {
        totalCount
      }
    }
  }
`);

type Charged = GqlResult<ResultOf<typeof CHARGE>>;
type Refunded = GqlResult<ResultOf<typeof REFUND>>;

/** Deterministic costs: a tiny LCG, so a failure can be replayed. */
function costs(n: number, min: number, max: number, seed: number): number[] {
  let x = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(min + (x % (max - min + 1)));
  }
  return out;
}

const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions.code;

/** No request may fail in any way other than the refusals the contract lists. */
function expectOnly(results: GqlResult[], allowed: ServedErrorCode[]): void {
  for (const r of results) {
    expect(r.status).toBeLessThan(500);
    if (r.errors) {
      expect(r.errors).toHaveLength(1);
      expect(allowed, JSON.stringify(r.errors)).toContain(codeOf(r));
    }
  }
}

/** An OWNED license bought at 30% off: P2 grants it nothing, so the test controls every credit. */
async function ownedNoCredits(accountId: string): Promise<string> {
  const lic = await issueLicense(g, accountId, {
    edition: 'OWNED',
    listPriceCents: 10_000,
    paidPriceCents: 7_000,
  });
  expect(lic.creditsGranted).toBe(0);
  expect(lic.creditLot).toBeNull();
  return lic.id;
}

async function openMany(
  licenseId: string,
  n: number,
  category: TicketCategory = 'ROOT_CAUSE_ANALYSIS',
): Promise<string[]> {
  return Promise.all(Array.from({ length: n }, () => openTicket(g, licenseId, category)));
}

async function lotsOf(accountId: string) {
  return g.ds.query<
    {
      id: string;
      source: string;
      remaining: number;
      expiresAt: Date | null;
      recordedAt: Date | null;
      original: number;
      spent: number;
      refunded: number;
      expired: number;
    }[]
  >(
    `SELECT id, source, remaining_credits AS remaining, expires_at AS "expiresAt", expiry_recorded_at AS "recordedAt",
            original_credits AS original, spent_credits AS spent, refunded_credits AS refunded, expired_credits AS expired
       FROM credit_lots WHERE account_id = $1`,
    [accountId],
  );
}

/** A count or sum the test reads straight from the database. */
async function scalar(sql: string, params: unknown[]): Promise<number> {
  const [row] = await g.ds.query<{ n: number }[]>(sql, params);
  return present(row, sql).n;
}

/**
 * What the CHECK on remaining_credits cannot show (it refuses a negative lot
 * before any test could see one): per the ledger, in the order it was written,
 * no lot ever went below zero; the account's charges and refunds are exactly
 * covered by their allocations; and each lot's spent credits are the charge
 * allocations drawn from it.
 */
async function expectLedgerAddsUp(accountId: string): Promise<void> {
  const overdrawn = await g.ds.query<unknown[]>(
    `SELECT lot_id, id, running FROM (
       SELECT lot_id, id, sum(credits) OVER (PARTITION BY lot_id ORDER BY id)::int AS running
         FROM ledger_entries WHERE account_id = $1) x
      WHERE running < 0`,
    [accountId],
  );
  expect(overdrawn, 'a lot overdrawn at some point of its ledger').toEqual([]);
  const sum = (table: string, owner: string) =>
    Promise.all([
      scalar(`SELECT COALESCE(sum(credits), 0)::int AS n FROM ${table} WHERE account_id = $1`, [
        accountId,
      ]),
      scalar(
        `SELECT COALESCE(sum(credits), 0)::int AS n FROM allocations WHERE account_id = $1 AND ${owner} IS NOT NULL`,
        [accountId],
      ),
    ]);
  const [charged, chargeAllocations] = await sum('charges', 'charge_id');
  expect(chargeAllocations, 'allocations of the charges = the charges').toBe(charged);
  const [refunded, refundAllocations] = await sum('refunds', 'refund_id');
  expect(refundAllocations, 'allocations of the refunds = the refunds').toBe(refunded);
  const misbooked = await g.ds.query<unknown[]>(
    `SELECT l.id, l.spent_credits FROM credit_lots l
      WHERE l.account_id = $1 AND l.spent_credits <> COALESCE(
        (SELECT sum(a.credits) FROM allocations a WHERE a.lot_id = l.id AND a.charge_id IS NOT NULL), 0)`,
    [accountId],
  );
  expect(misbooked, "lots whose spent credits are not their charges' allocations").toEqual([]);
}

/**
 * P14/P18 serializability. In the order the ledger entries were written (the
 * identity column: writes are serialized by the account lock), every charge
 * and refund must have moved the balance from the previous figure by exactly
 * its credits, and every purchase adds its credits. `base` is what the
 * account held before its first purchase (live grants). Returns the balance
 * at the end of the chain. (The entries' `at` is only millisecond-precise, so
 * it cannot order them.)
 */
async function expectBalanceChain(accountId: string, base: number): Promise<number> {
  const chain = await balanceChain(accountId, base);
  return chain[chain.length - 1]!;
}

/** The balances the account went through, from `base` on, checked as expectBalanceChain says. */
async function balanceChain(accountId: string, base: number): Promise<number[]> {
  const events = await g.ds.query<
    { seq: string; delta: number; after: number | null; kind: string }[]
  >(
    `SELECT (SELECT min(e.id) FROM ledger_entries e WHERE e.charge_id = c.id AND e.kind = 'CHARGE') AS seq,
            -c.credits AS delta, c.balance_after AS after, 'charge' AS kind
       FROM charges c WHERE c.account_id = $1 AND c.credits > 0
     UNION ALL
     SELECT (SELECT min(e.id) FROM ledger_entries e WHERE e.refund_id = r.id AND e.kind = 'REFUND'),
            r.credits, r.balance_after, 'refund'
       FROM refunds r WHERE r.account_id = $1
     UNION ALL
     SELECT e.id, e.credits, NULL, 'purchase' FROM ledger_entries e WHERE e.account_id = $1 AND e.kind = 'PURCHASE'
     ORDER BY seq`,
    [accountId],
  );
  let b = base;
  const seen = [b];
  for (const [i, e] of events.entries()) {
    b += e.delta;
    if (e.after !== null)
      expect(e.after, `event #${i} (${e.kind} ${e.delta}) balanceAfter`).toBe(b);
    expect(b).toBeGreaterThanOrEqual(0);
    seen.push(b);
  }
  return seen;
}

/** Fires the requests in a shuffled (but repeatable) order, all at once. */
function fireShuffled<T>(thunks: (() => Promise<T>)[], seed: number): Promise<T[]> {
  const order = costs(thunks.length, 0, 1_000_000, seed)
    .map((k, i) => ({ k, i }))
    .sort((a, b) => a.k - b.k);
  const out = new Array<Promise<T>>(thunks.length);
  for (const { i } of order) out[i] = thunks[i]!();
  return Promise.all(out);
}

/**
 * Holds the account's row lock from a connection of the test's own, the lock
 * every credit movement of the gateway queues on (nothing is written). Lets a
 * test put requests "in flight" deterministically.
 */
async function holdAccountLock(accountId: string): Promise<() => Promise<void>> {
  const qr = g.ds.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  await qr.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
  return async () => {
    await qr.commitTransaction();
    await qr.release();
  };
}

/** Waits until `n` gateway statements are blocked on a lock in this database. */
async function lockWaiters(n: number): Promise<void> {
  const reached = async () =>
    (await scalar(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND wait_event_type = 'Lock'`,
      [],
    )) >= n;
  await waitFor(reached, `${n} requests on the account lock`, 20_000, 5);
}

describe('concurrent charges on one account', () => {
  it('P14 30 charges of 20 at once against exactly 100 credits: 5 succeed, 25 are refused, balance 0', async () => {
    const acc = await createAccount(g);
    const lic = await ownedNoCredits(acc);
    await purchase(g, acc, 100);
    const tickets = await openMany(lic, 30);

    const results = await Promise.all(
      tickets.map((ticketId) => g.gql(CHARGE, { i: { ticketId, credits: 20 } })),
    );

    expectOnly(results, ['INSUFFICIENT_CREDITS']);
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(5);
    expect(refused).toHaveLength(25);
    // P13: the refusal states the balance and the shortfall; only 0 can be left when a 20 does not fit.
    for (const r of refused) {
      expect(r.errors![0]!.extensions).toMatchObject({
        code: 'INSUFFICIENT_CREDITS',
        balance: 0,
        required: 20,
        shortfall: 20,
      });
    }
    // P18: each success saw the balance its predecessors left.
    expect(ok.map((r) => expectData(r).chargeTicket.balanceAfter).sort((a, b) => a - b)).toEqual([
      0, 20, 40, 60, 80,
    ]);
    expect(await balance(g, acc)).toBe(0);

    const lots = await lotsOf(acc);
    expect(lots).toHaveLength(1);
    expect(lots[0]).toMatchObject({ remaining: 0, spent: 100 });
    expect(
      await scalar('SELECT count(*)::int AS n FROM charges WHERE account_id = $1', [acc]),
    ).toBe(5);
    // P13: refused tickets stay open.
    const open = await g.ok(OPEN_TICKETS, { id: acc });
    expect(present(open.account).tickets.totalCount).toBe(25);
    await expectBalanceChain(acc, 0);
    await expectLedgerAddsUp(acc);
  });

  it('P14 50 clients debit one hot account funded for 35 of them: totals add up and nothing goes negative', async () => {
    const acc = await createAccount(g);
    // A granted lot (expires in ~12 months) plus a purchased lot: charges span lots (P12).
    const lic = await issueLicense(g, acc, { edition: 'OWNED', orderDate: monthsAgo(1) });
    expect(lic.creditsGranted).toBe(200);
    const price = costs(50, 20, 60, 0xc0ffee);
    const start = price.slice(0, 35).reduce((a, b) => a + b, 0);
    await purchase(g, acc, start - 200);
    expect(await balance(g, acc)).toBe(start);
    const tickets = await openMany(lic.id, 50);

    const results = await Promise.all(
      tickets.map((ticketId, i) => g.gql(CHARGE, { i: { ticketId, credits: price[i]! } })),
    );

    expectOnly(results, ['INSUFFICIENT_CREDITS']);
    const ok = results.flatMap((r, i) =>
      r.errors ? [] : [{ cost: price[i]!, c: expectData(r).chargeTicket }],
    );
    const refused = results.flatMap((r, i) =>
      r.errors ? [{ cost: price[i]!, ext: r.errors[0]!.extensions }] : [],
    );
    const total = ok.reduce((sum, x) => sum + x.c.credits, 0);
    for (const x of ok) {
      expect(x.c.credits).toBe(x.cost);
      expect(x.c.allocations.reduce((s, a) => s + a.credits, 0)).toBe(x.cost);
    }
    expect(total).toBeLessThanOrEqual(start);
    const end = await balance(g, acc);
    expect(end).toBe(start - total);
    const chain = await balanceChain(acc, 200);
    expect(chain[chain.length - 1]).toBe(end);
    for (const r of refused) {
      expect(r.ext.required).toBe(r.cost);
      expect(r.ext.balance).toBeLessThan(r.cost);
      expect(r.ext.shortfall).toBe(r.cost - (r.ext.balance as number));
      // A refusal saw a balance the account really had at some point of the chain...
      expect(chain, 'the balance a refusal names').toContain(r.ext.balance);
      // ...and the balance only falls, so the end balance cannot cover any refused charge either:
      // as many charges succeeded as the credits allowed.
      expect(end).toBeLessThan(r.cost);
    }
    expect(ok.length).toBeGreaterThan(0);
    expect(ok.length + refused.length).toBe(50);

    const lots = await lotsOf(acc);
    expect(lots.reduce((s, l) => s + l.spent, 0)).toBe(total);
    expect(
      await scalar(
        'SELECT COALESCE(sum(credits), 0)::int AS n FROM charges WHERE account_id = $1',
        [acc],
      ),
    ).toBe(total);
    await expectLedgerAddsUp(acc);
    // P12: the granted lot (expiring) is drained before the purchased one is touched.
    const grant = lots.find((l) => l.source === 'LICENSE_GRANT')!;
    const bought = lots.find((l) => l.source === 'PURCHASE')!;
    if (bought.spent > 0) expect(grant.remaining).toBe(0);
  });

  it('P14 P15 P17 50 charges mixed with concurrent refunds (some twice) stay consistent', async () => {
    const acc = await createAccount(g);
    const lic = await ownedNoCredits(acc);
    const price = costs(65, 20, 60, 0xbadc0de);
    // 15 tickets charged beforehand, one at a time; 50 to charge under fire.
    const pre = price.slice(0, 15);
    const live = price.slice(15);
    const start = pre.reduce((a, b) => a + b, 0) + live.slice(0, 35).reduce((a, b) => a + b, 0);
    await purchase(g, acc, start);
    const preTickets = await openMany(lic, 15);
    for (const [i, ticketId] of preTickets.entries())
      await g.ok(CHARGE, { i: { ticketId, credits: pre[i]! } });
    const afterPre = start - pre.reduce((a, b) => a + b, 0);
    expect(await balance(g, acc)).toBe(afterPre);
    const tickets = await openMany(lic, 50);

    const refundOnce = preTickets.slice(0, 10);
    const refundTwice = preTickets.slice(10);
    type Outcome =
      | { kind: 'charge'; ticketId: string; r: Charged }
      | { kind: 'refund'; ticketId: string; r: Refunded };
    const thunks: (() => Promise<Outcome>)[] = [
      ...tickets.map((ticketId, i) => async (): Promise<Outcome> => ({
        kind: 'charge',
        ticketId,
        r: await g.gql(CHARGE, { i: { ticketId, credits: live[i]! } }),
      })),
      ...[...refundOnce, ...refundTwice, ...refundTwice].map(
        (ticketId) => async (): Promise<Outcome> => ({
          kind: 'refund',
          ticketId,
          r: await g.gql(REFUND, { i: { ticketId, reason: 'vendor bug' } }),
        }),
      ),
    ];
    const results = await fireShuffled(thunks, 0xfeed);

    expectOnly(
      results.map((x) => x.r),
      ['INSUFFICIENT_CREDITS', 'ALREADY_REFUNDED'],
    );
    const chargeOutcomes = results.flatMap((x) => (x.kind === 'charge' ? [x] : []));
    const refundOutcomes = results.flatMap((x) => (x.kind === 'refund' ? [x] : []));
    const charged = chargeOutcomes.filter((x) => !x.r.errors);
    const refunded = refundOutcomes.filter((x) => !x.r.errors);
    const refundRefusals = refundOutcomes.filter((x) => x.r.errors);
    const chargeRefusals = chargeOutcomes.filter((x) => x.r.errors);
    for (const x of chargeRefusals) expect(codeOf(x.r)).toBe('INSUFFICIENT_CREDITS');
    // P17: each of the 15 pre-charged tickets is refunded exactly once; the 5 duplicates are refused.
    expect(refunded).toHaveLength(15);
    expect(new Set(refunded.map((x) => x.ticketId)).size).toBe(15);
    expect(refundRefusals).toHaveLength(5);
    for (const x of refundRefusals) {
      expect(codeOf(x.r)).toBe('ALREADY_REFUNDED');
      const winner = present(refunded.find((y) => y.ticketId === x.ticketId));
      expect(x.r.errors![0]!.extensions.refundId).toBe(expectData(winner.r).refundTicket.id);
    }
    // P15: 100% back.
    for (const x of refunded)
      expect(expectData(x.r).refundTicket.credits).toBe(pre[preTickets.indexOf(x.ticketId)]);

    const charges = charged.reduce((s, x) => s + expectData(x.r).chargeTicket.credits, 0);
    const refunds = refunded.reduce((s, x) => s + expectData(x.r).refundTicket.credits, 0);
    const end = await balance(g, acc);
    expect(end).toBe(afterPre - charges + refunds);
    const chain = await balanceChain(acc, 0);
    expect(chain[chain.length - 1]).toBe(end);
    // Every refused charge named a balance the account really had, too small for it.
    for (const x of chargeRefusals) {
      const ext = x.r.errors![0]!.extensions;
      expect(chain, 'the balance a refusal names').toContain(ext.balance);
      expect(ext.balance).toBeLessThan(ext.required as number);
    }
    await expectLedgerAddsUp(acc);
  });

  it('P11 ten concurrent charges of one ticket without a key: one charge, nine TICKET_ALREADY_CHARGED naming it', async () => {
    const acc = await createAccount(g);
    const lic = await ownedNoCredits(acc);
    await purchase(g, acc, 500);
    const ticketId = await openTicket(g, lic);

    const results = await Promise.all(
      Array.from({ length: 10 }, () => g.gql(CHARGE, { i: { ticketId, credits: 30 } })),
    );

    expectOnly(results, ['TICKET_ALREADY_CHARGED']);
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    const chargeId = expectData(ok[0]!).chargeTicket.id;
    for (const r of results.filter((x) => x.errors))
      expect(r.errors![0]!.extensions).toMatchObject({ code: 'TICKET_ALREADY_CHARGED', chargeId });
    expect(await balance(g, acc)).toBe(470);
  });
});

describe('concurrent retries are idempotent', () => {
  it('P11 ten concurrent retries of one charge with the same idempotency key: one charge, debited once', async () => {
    const acc = await createAccount(g);
    const lic = await ownedNoCredits(acc);
    await purchase(g, acc, 200);
    const ticketId = await openTicket(g, lic);
    const idempotencyKey = `retry-${acc}`;

    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        g.gql(CHARGE, { i: { ticketId, credits: 35, idempotencyKey } }),
      ),
    );

    expectOnly(results, []);
    const ids = new Set(results.map((r) => expectData(r).chargeTicket.id));
    expect(ids.size).toBe(1);
    for (const r of results)
      expect(expectData(r).chargeTicket).toMatchObject({ credits: 35, balanceAfter: 165 });
    expect(
      await scalar('SELECT count(*)::int AS n FROM charges WHERE ticket_id = $1', [ticketId]),
    ).toBe(1);
    expect(
      await scalar(
        `SELECT count(*)::int AS n FROM ledger_entries WHERE ticket_id = $1 AND kind = 'CHARGE'`,
        [ticketId],
      ),
    ).toBe(1);
    expect(await balance(g, acc)).toBe(165);
  });

  it('P11 one idempotency key raced across ten accounts: one charge, nine IDEMPOTENCY_CONFLICT, no server error', async () => {
    const idempotencyKey = `shared-key-${Date.now()}-${Math.random()}`;
    const setups = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const acc = await createAccount(g);
        const lic = await ownedNoCredits(acc);
        await purchase(g, acc, 100);
        const ticketId = await openTicket(g, lic);
        return { acc, ticketId };
      }),
    );

    const results = await Promise.all(
      setups.map(({ ticketId }) => g.gql(CHARGE, { i: { ticketId, credits: 25, idempotencyKey } })),
    );

    expectOnly(results, ['IDEMPOTENCY_CONFLICT']);
    const winners = results.flatMap((r, i) => (r.errors ? [] : [i]));
    expect(winners).toHaveLength(1);
    const balances = await Promise.all(setups.map(({ acc }) => balance(g, acc)));
    expect(balances).toEqual(setups.map((_, i) => (i === winners[0] ? 75 : 100)));
    expect(
      await scalar('SELECT count(*)::int AS n FROM charges WHERE idempotency_key = $1', [
        idempotencyKey,
      ]),
    ).toBe(1);
  });

  it('P7 ten concurrent purchases with one payment reference: one lot, credits added once', async () => {
    const acc = await createAccount(g);
    const ref = `pay-${acc}`;

    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        g.gql(PURCHASE, { i: { accountId: acc, credits: 75, paymentReference: ref } }),
      ),
    );

    expectOnly(results, []);
    expect(new Set(results.map((r) => expectData(r).purchaseCredits.id)).size).toBe(1);
    for (const r of results) expect(expectData(r).purchaseCredits.originalCredits).toBe(75);
    expect(
      await scalar('SELECT count(*)::int AS n FROM credit_lots WHERE payment_reference = $1', [
        ref,
      ]),
    ).toBe(1);
    expect(await balance(g, acc)).toBe(75);
  });

  it('P7 one payment reference raced across ten accounts: one lot, nine IDEMPOTENCY_CONFLICT, no server error', async () => {
    const ref = `shared-pay-${Date.now()}-${Math.random()}`;
    const accounts = await Promise.all(Array.from({ length: 10 }, () => createAccount(g)));

    const results = await Promise.all(
      accounts.map((accountId) =>
        g.gql(PURCHASE, { i: { accountId, credits: 40, paymentReference: ref } }),
      ),
    );

    expectOnly(results, ['IDEMPOTENCY_CONFLICT']);
    const winners = results.flatMap((r, i) => (r.errors ? [] : [i]));
    expect(winners).toHaveLength(1);
    const balances = await Promise.all(accounts.map((acc) => balance(g, acc)));
    expect(balances).toEqual(accounts.map((_, i) => (i === winners[0] ? 40 : 0)));
  });

  it('P17 ten concurrent refunds of one ticket: one refund, nine ALREADY_REFUNDED naming it', async () => {
    const acc = await createAccount(g);
    const lic = await ownedNoCredits(acc);
    await purchase(g, acc, 100);
    const ticketId = await openTicket(g, lic);
    await g.ok(CHARGE, { i: { ticketId, credits: 40 } });

    const results = await Promise.all(
      Array.from({ length: 10 }, () => g.gql(REFUND, { i: { ticketId, reason: 'vendor bug' } })),
    );

    expectOnly(results, ['ALREADY_REFUNDED']);
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) {
      expect(r.errors![0]!.extensions.refundId).toBe(expectData(ok[0]!).refundTicket.id);
    }
    expect(await balance(g, acc)).toBe(100);
  });
});

describe('charges, refunds and expiry at once', () => {
  it('P16 P19 P20 concurrent charges, refunds, purchases and expireCredits on one account stay consistent', async () => {
    const acc = await createAccount(g);
    // Dead since a month ago, expiry not yet recorded: 200 credits to be written off (P19).
    const dead = await issueLicense(g, acc, { edition: 'OWNED', orderDate: monthsAgo(13) });
    expect(dead.creditsGranted).toBe(200);
    // Alive for another ~11 months.
    const alive = await issueLicense(g, acc, {
      edition: 'SAAS',
      hostingPlan: 'STANDARD',
      orderDate: monthsAgo(1),
    });
    await purchase(g, acc, 300);
    const start = 500;
    expect(await balance(g, acc)).toBe(start);
    const ticketsFor = (n: number) => openMany(dead.id, n);
    const preTickets = await ticketsFor(6);
    for (const ticketId of preTickets) await g.ok(CHARGE, { i: { ticketId, credits: 50 } });
    const afterPre = start - 300;
    expect(await balance(g, acc)).toBe(afterPre);
    const tickets = await ticketsFor(20);
    const price = costs(20, 20, 60, 0x5eed);

    type Outcome =
      | { kind: 'charge'; r: Charged }
      | { kind: 'refund'; r: Refunded }
      | { kind: 'expire'; r: GqlResult<ResultOf<typeof EXPIRE>> }
      | { kind: 'purchase'; r: GqlResult<ResultOf<typeof PURCHASE>> };
    const thunks: (() => Promise<Outcome>)[] = [
      ...tickets.map((ticketId, i) => async (): Promise<Outcome> => ({
        kind: 'charge',
        r: await g.gql(CHARGE, { i: { ticketId, credits: price[i]! } }),
      })),
      ...preTickets.map((ticketId) => async (): Promise<Outcome> => ({
        kind: 'refund',
        r: await g.gql(REFUND, { i: { ticketId, reason: 'vendor bug' } }),
      })),
      ...Array.from({ length: 5 }, () => async (): Promise<Outcome> => ({
        kind: 'expire',
        r: await g.gql(EXPIRE),
      })),
      ...Array.from({ length: 3 }, (_, i) => async (): Promise<Outcome> => ({
        kind: 'purchase',
        r: await g.gql(PURCHASE, {
          i: { accountId: acc, credits: 10, paymentReference: `mix-${acc}-${i}` },
        }),
      })),
    ];
    const all = await fireShuffled(thunks, 0xace);
    const charges = all.flatMap((x) => (x.kind === 'charge' ? [x.r] : []));
    const refunds = all.flatMap((x) => (x.kind === 'refund' ? [x.r] : []));
    const expiries = all.flatMap((x) => (x.kind === 'expire' ? [x.r] : []));
    const purchases = all.flatMap((x) => (x.kind === 'purchase' ? [x.r] : []));

    expectOnly(charges, ['INSUFFICIENT_CREDITS']);
    expectOnly([...refunds, ...expiries, ...purchases], []);
    // P19: the dead lot's expiry is recorded exactly once, whichever call got there first.
    expect(expiries.reduce((s, r) => s + expectData(r).expireCredits, 0)).toBe(1);
    const lots = await lotsOf(acc);
    const deadLot = present(lots.find((l) => l.id === dead.creditLot?.id));
    expect(deadLot).toMatchObject({ remaining: 0, spent: 0, expired: 200 });
    expect(deadLot.recordedAt).not.toBeNull();
    expect(
      await scalar(
        `SELECT count(*)::int AS n FROM ledger_entries WHERE lot_id = $1 AND kind = 'EXPIRY'`,
        [deadLot.id],
      ),
    ).toBe(1);
    // P12: nothing was ever spent from the dead lot; P16: refunds went back to live lots, not to it.
    expect(lots.filter((l) => l.source === 'REFUND')).toHaveLength(0);
    expect(alive.creditsGranted).toBe(200);

    const charged = charges
      .filter((r) => !r.errors)
      .reduce((s, r) => s + expectData(r).chargeTicket.credits, 0);
    const end = await balance(g, acc);
    expect(end).toBe(afterPre - charged + 300 + 30);
    await expectLedgerAddsUp(acc);
    // P20: the balance from the ledger alone agrees, now and as of the present instant.
    expect(await balance(g, acc, new Date())).toBe(end);
    expect(await expectBalanceChain(acc, 200)).toBe(end);
  });

  it('P20 the balance as of an instant when every charge was still waiting is the balance of that instant', async () => {
    const acc = await createAccount(g);
    const lic = await ownedNoCredits(acc);
    await purchase(g, acc, 1_000);
    const tickets = await openMany(lic, 20);

    const release = await holdAccountLock(acc);
    let results: Promise<GqlResult[]>;
    let instant: Date;
    try {
      results = Promise.all(
        tickets.map((ticketId) => g.gql(CHARGE, { i: { ticketId, credits: 30 } })),
      );
      // Half the pool (15 of 30) may wait on account locks; the rest queue in
      // the gateway's memory (ledgerTransaction). Either way, none is recorded.
      await lockWaiters(15);
      // Every charge has arrived and is queued: nothing is recorded yet, 1000 is spendable.
      instant = new Date();
      await new Promise((r) => setTimeout(r, 5));
      expect(await balance(g, acc)).toBe(1_000);
    } finally {
      await release();
    }
    expectOnly(await results, []);
    expect(await balance(g, acc)).toBe(1_000 - 20 * 30);
    // P20: "in the past, what was spendable then (from the ledger entries recorded up to that instant)".
    expect(
      await balance(g, acc, instant),
      'balance as of an instant when no charge had been recorded',
    ).toBe(1_000);
  });

  it("P3 a charge that waited for the account lock past a lot's expiry cannot spend that lot", async () => {
    // A gateway of its own on a ManualClock, moved past the expiry while the charge waits.
    // It starts a day back, so every write lands before the database's now(), where close() reconciles.
    const shared = g;
    const clock = new ManualClock(new Date(Date.now() - 86_400_000));
    const own = await startGateway({ clock });
    g = own;
    try {
      const acc = await createAccount(g);
      // A 200-credit grant that expires 1.5 s from now, and nothing else.
      const expiresAt = new Date(clock.now().getTime() + 1_500);
      const orderDate = new Date(expiresAt);
      orderDate.setUTCFullYear(orderDate.getUTCFullYear() - 1);
      const lic = await issueLicense(g, acc, { edition: 'OWNED', orderDate });
      expect(lic.creditsGranted).toBe(200);
      const lotExpiry = new Date(present(present(lic.creditLot).expiresAt)).getTime();
      expect(lotExpiry - clock.now().getTime(), 'the grant expires within seconds').toBeLessThan(
        10_000,
      );
      const ticketId = await openTicket(g, lic.id);

      const release = await holdAccountLock(acc);
      let result: Promise<GqlResult>;
      try {
        result = g.gql(CHARGE, { i: { ticketId, credits: 20 } });
        await lockWaiters(1);
        // The charge reached the lock while the lot was alive (else this run proves nothing).
        expect(clock.now().getTime(), 'the charge must queue before the lot expires').toBeLessThan(
          lotExpiry,
        );
        clock.set(new Date(lotExpiry + 60));
      } finally {
        await release();
      }
      const r = await result;
      // Record the expiry (P19) before asserting, so nothing is left pending whatever the outcome.
      await g.ok(EXPIRE);
      // The charge ran after the expiry instant: the lot's credits could no longer be spent.
      expect(
        r.errors?.[0]?.extensions,
        `the charge was accepted: ${JSON.stringify(r.data)}`,
      ).toMatchObject({
        code: 'INSUFFICIENT_CREDITS',
        balance: 0,
        required: 20,
      });
      const [lot] = await lotsOf(acc);
      expect(lot).toMatchObject({ spent: 0, expired: 200, remaining: 0 });
    } finally {
      g = shared;
      await own.close();
    }
  });
});
