import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import type { ServiceContext } from '../src/common/context';
import { jobContext } from '../src/jobs/tasks/scheduled';
import { runReconciliation } from '../src/ledger/reconcile';
import {
  CHARGE,
  REFUND,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
} from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';

// The finance view (issue 16) on one account whose story is hand-computed:
//
//   t0     LEASED grant 50 credits (value 0), expiring at E = t0 + 1 h;
//          buys 100 credits for EUR 9.99, 3 for USD 1.00, 5 with no money.
//   t1     ticket 1 charged 30: all from the grant (it expires first, P12).
//   E+1s   the grant dies with 20 left (breakage: 20 credits, value 0).
//   t3     ticket 2 charged 33: from the EUR lot, 67 left. Value of 67/100
//          of 999 cents = 669.33 and of 33/100 = 329.67: floors 669 + 329,
//          the leftover cent to the larger fraction, spent: 669 / 330.
//   t4     ticket 1 refunded: its lot has expired, so 30 come back as a new
//          refund lot (P16), cost basis 0.
//   t5     ticket 2 refunded: 33 back into the EUR lot, worth 999 again.

const T0 = new Date('2026-05-10T10:00:00.000Z');
const E = new Date('2026-05-10T11:00:00.000Z');
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const MIN = 60_000;

const clock = new ManualClock(T0);
let g: TestGateway;
let ctx: ServiceContext;
beforeAll(async () => {
  g = await startGateway({ clock });
  ctx = jobContext(g.ds, pino({ level: 'silent' }), 'test', clock);
});
afterAll(() => g.close());

const LIABILITY = `query($asOf: DateTimeISO) { creditLiability(asOf: $asOf) {
  asOf credits lines { source currency lots credits valueCents } } }`;
const BREAKAGE = `query($from: DateTimeISO!, $to: DateTimeISO!) { creditBreakage(from: $from, to: $to) {
  month currency lots credits valueCents } }`;

interface Liability {
  credits: number;
  lines: {
    source: string;
    currency: string | null;
    lots: number;
    credits: number;
    valueCents: number | null;
  }[];
}
const liability = async (asOf?: Date, key?: string): Promise<Liability> =>
  (
    await g.ok<{ creditLiability: Liability }>(
      LIABILITY,
      { asOf: asOf?.toISOString() ?? null },
      key,
    )
  ).creditLiability;

const line = (
  source: string,
  currency: string | null,
  lots: number,
  credits: number,
  valueCents: number | null,
) => ({
  source,
  currency,
  lots,
  credits,
  valueCents,
});

describe('the finance view', () => {
  const instants: Record<string, Date> = {};

  beforeAll(async () => {
    const acc = await createAccount(g);
    const lic = await issueLicense(g, acc, {
      edition: 'LEASED',
      orderDate: new Date('2025-05-10T11:00:00.000Z'),
    });
    expect(lic.creditLot?.expiresAt).toBe(E.toISOString());
    const buy = (credits: number, money: Record<string, unknown>) =>
      g.ok(`mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }`, {
        i: { accountId: acc, credits, paymentReference: `pay-${credits}`, ...money },
      });
    await buy(100, { amountPaidCents: 999, currency: 'EUR' });
    await buy(3, { amountPaidCents: 100, currency: 'USD' });
    await buy(5, {});
    instants.bought = at(T0, MIN);

    const t1 = await openTicket(g, lic.id);
    const t2 = await openTicket(g, lic.id);
    clock.set(at(T0, 2 * MIN));
    await g.ok(CHARGE, { i: { ticketId: t1, credits: 30 } });
    instants.charged = at(T0, 3 * MIN);

    clock.set(at(E, 1_000));
    expect(await g.ok(`mutation { expireCredits }`)).toEqual({ expireCredits: 1 });
    instants.expired = at(E, 2_000);

    clock.set(at(E, 5 * MIN));
    await g.ok(CHARGE, { i: { ticketId: t2, credits: 33 } });
    instants.charged2 = at(E, 6 * MIN);

    clock.set(at(E, 7 * MIN));
    await g.ok(REFUND, { i: { ticketId: t1, reason: 'bug in the shop software' } });
    instants.refunded = at(E, 8 * MIN);

    clock.set(at(E, 9 * MIN));
    await g.ok(REFUND, { i: { ticketId: t2, reason: 'bug in the shop software' } });
    instants.refunded2 = at(E, 10 * MIN);
    clock.set(at(E, 11 * MIN));
  });

  it('liability as of each instant matches the hand-computed figures, from the ledger', async () => {
    const eur = (credits: number, value: number) => line('PURCHASE', 'EUR', 1, credits, value);
    const usd = line('PURCHASE', 'USD', 1, 3, 100);
    const unpriced = line('PURCHASE', null, 1, 5, null);
    expect(await liability(at(T0, -1))).toMatchObject({ credits: 0, lines: [] });
    expect(await liability(instants.bought)).toMatchObject({
      credits: 50 + 100 + 3 + 5,
      lines: [line('LICENSE_GRANT', null, 1, 50, 0), eur(100, 999), usd, unpriced],
    });
    expect(await liability(instants.charged)).toMatchObject({
      credits: 20 + 108,
      lines: [line('LICENSE_GRANT', null, 1, 20, 0), eur(100, 999), usd, unpriced],
    });
    // Dead at E: the grant's 20 credits are no longer owed, recorded or not.
    expect(await liability(E)).toMatchObject({
      credits: 108,
      lines: [eur(100, 999), usd, unpriced],
    });
    expect(await liability(instants.expired)).toMatchObject({ credits: 108 });
    expect(await liability(instants.charged2)).toMatchObject({
      credits: 67 + 8,
      lines: [eur(67, 669), usd, unpriced],
    });
    expect(await liability(instants.refunded)).toMatchObject({
      credits: 30 + 75,
      lines: [eur(67, 669), usd, unpriced, line('REFUND', null, 1, 30, 0)],
    });
    const now = await liability();
    expect(now).toMatchObject({
      credits: 30 + 108,
      lines: [eur(100, 999), usd, unpriced, line('REFUND', null, 1, 30, 0)],
    });
    expect(await liability(instants.refunded2)).toEqual({
      ...now,
      asOf: instants.refunded2!.toISOString(),
    });
  });

  it('breakage by UTC month: the grant lapsed with 20 credits, worth nothing', async () => {
    const d = await g.ok<{ creditBreakage: unknown[] }>(BREAKAGE, {
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
    expect(d.creditBreakage).toEqual([
      { month: '2026-05-01T00:00:00.000Z', currency: null, lots: 1, credits: 20, valueCents: 0 },
    ]);
    const june = await g.ok<{ creditBreakage: unknown[] }>(BREAKAGE, {
      from: '2026-06-01T00:00:00.000Z',
      to: '2026-07-01T00:00:00.000Z',
    });
    expect(june.creditBreakage).toEqual([]);
    const backwards = await g.gql(BREAKAGE, {
      from: '2026-07-01T00:00:00.000Z',
      to: '2026-06-01T00:00:00.000Z',
    });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
  });

  it('ADMIN and ANALYST read it; SPECIALIST and PARTNER are FORBIDDEN', async () => {
    const analyst = await createKey(g, 'ANALYST');
    expect((await liability(undefined, analyst.secret)).credits).toBe(138);
    for (const role of ['SPECIALIST', 'PARTNER'] as const) {
      const k = await createKey(g, role);
      const r = await g.gql(LIABILITY, {}, k.secret);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('the nightly reconciliation checks liability + spent + expired value = paid, per currency', async () => {
    const clean = await runReconciliation(ctx, clock.now());
    expect(clean.mismatches).toEqual([]);
    // A charge entry on the EUR lot off by one credit: the ledger's liability
    // no longer adds up with the lot's spent value.
    await g.ds.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(
        `UPDATE ledger_entries SET credits = credits + 1
          WHERE kind = 'CHARGE' AND lot_id = (SELECT id FROM credit_lots WHERE currency = 'EUR')`,
      );
    });
    try {
      const broken = await runReconciliation(ctx, clock.now());
      expect(broken.mismatches.find((m) => m.check.startsWith('money:'))?.ids).toEqual(['EUR']);
    } finally {
      await g.ds.transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        await tx.query(
          `UPDATE ledger_entries SET credits = credits - 1
            WHERE kind = 'CHARGE' AND lot_id = (SELECT id FROM credit_lots WHERE currency = 'EUR')`,
        );
      });
    }
  });
});
