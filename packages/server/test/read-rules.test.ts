import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import {
  balanceAtSql,
  balanceNowSql,
  inScopeSql,
  liveAtSql,
  ticketStatusSql,
} from '../src/db/read-rules';
import { ticketStatus } from '../src/policy/ticket-status';
import { balanceAt, isLive } from '../src/policy/spending';
import {
  CHARGE,
  REFUND,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { type TestGateway, portalToken, startGateway } from './support/gateway';
import { Access } from '../src/common/access';
import { createLoaders } from '../src/graphql/loaders';
import { viewerForPortalToken } from '../src/portal/portal-links';

// Each SQL read rule (db/read-rules.ts) against its TypeScript twin in
// policy/, on the instants where they could part: microsecond and
// millisecond edges around an expiry, the expiry itself, no expiry, and a
// balance as of instants before, at and after each ledger entry.

const DAY = 86_400_000;
const T0 = Math.floor((Date.now() - 30 * DAY) / 1000) * 1000;
const clock = new ManualClock(new Date(T0));
let g: TestGateway;

beforeAll(async () => {
  g = await startGateway({ clock });
});
afterAll(() => g?.close());

/** Microseconds since the epoch as Postgres text ('YYYY-MM-DDTHH:MM:SS.ffffffZ'). */
const usText = (us: bigint): string => {
  const ms = us / 1000n;
  const iso = new Date(Number(ms)).toISOString(); // ...SS.mmmZ
  return `${iso.slice(0, -1)}${String(us % 1000n).padStart(3, '0')}Z`;
};

describe('a lot live at an instant (P3): liveAtSql = isLive', () => {
  it('expiry stored at millisecond precision, so every microsecond edge agrees', async () => {
    const [{ type }] = await g.ds.query<[{ type: string }]>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = 'credit_lots'::regclass AND attname = 'expires_at'`,
    );
    expect(type).toBe('timestamp(3) with time zone');

    const X = BigInt(T0 + 12 * 3_600_000) * 1000n; // an expiry, in µs
    const offsets = [
      -1001n,
      -1000n,
      -999n,
      -501n,
      -500n,
      -499n,
      -1n,
      0n,
      1n,
      499n,
      500n,
      501n,
      999n,
      1000n,
      1001n,
    ];
    const expiries = [null, ...offsets.map((d) => usText(X + d))];
    const instants = offsets.map((d) => usText(X + d));
    const rows = await g.ds.query<{ e: Date | null; t: string; live: boolean; plain: boolean }[]>(
      `SELECT l.expires_at AS e, i.t::text AS t, ${liveAtSql('l', 'i.t')} AS live,
              ${liveAtSql('raw', 'i.t')} AS plain
         FROM unnest($1::text[]) WITH ORDINALITY AS x(v, n)
         CROSS JOIN LATERAL (SELECT x.v::${type} AS expires_at) l
         CROSS JOIN LATERAL (SELECT x.v::timestamptz AS expires_at) raw
         CROSS JOIN unnest($2::timestamptz[]) AS i(t)`,
      [expiries, instants],
    );
    expect(rows).toHaveLength(expiries.length * instants.length);
    let parted = 0;
    for (const r of rows) {
      // The instant as the gateway holds it: a Date (clock.now(), or lockedNow's clock_timestamp()).
      const at = new Date(Math.floor(Date.parse(r.t.replace(' ', 'T').replace(/\+00$/, 'Z'))));
      expect(r.live, `expiry ${r.e?.toISOString() ?? 'none'} at ${r.t}`).toBe(
        isLive({ expiresAt: r.e }, at),
      );
      if (r.plain !== r.live) parted++;
    }
    // Without the millisecond column the two would part on these edges.
    expect(parted).toBeGreaterThan(0);
  });

  it('an expiry exactly at the instant is dead; one millisecond later it was alive', async () => {
    const x = new Date(T0 + DAY);
    for (const [at, live] of [
      [new Date(x.getTime() - 1), true],
      [x, false],
      [new Date(x.getTime() + 1), false],
    ] as const) {
      const [{ v }] = await g.ds.query<[{ v: boolean }]>(
        `SELECT ${liveAtSql('l', '$2')} AS v FROM (SELECT $1::timestamptz AS expires_at) l`,
        [x, at],
      );
      expect(v).toBe(live);
      expect(isLive({ expiresAt: x }, at)).toBe(live);
    }
  });
});

describe('balances: balanceAtSql = balanceAt, balanceNowSql = the live lots', () => {
  it('as of instants before, at and after every entry, and around an expiry', async () => {
    const acc = await createAccount(g);
    const expiry = T0 + 3_600_000;
    const orderDate = new Date(expiry);
    orderDate.setUTCMonth(orderDate.getUTCMonth() - 12);
    const lic = await issueLicense(g, acc, { edition: 'OWNED', orderDate });
    await purchase(g, acc, 40);
    const t1 = await openTicket(g, lic.id);
    await g.ok(CHARGE, { i: { ticketId: t1, credits: 30 } });
    const t2 = await openTicket(g, lic.id);
    await g.ok(CHARGE, { i: { ticketId: t2, credits: 25 } });
    clock.set(new Date(expiry + 60_000));
    await g.ok(REFUND, { i: { ticketId: t1, reason: 'after the expiry' } });
    await g.ok(REFUND, { i: { ticketId: t2, reason: 'too' } });

    const entries = (
      await g.ds.query<{ at: Date; credits: number; expiresAt: Date | null }[]>(
        `SELECT e.at, e.credits, l.expires_at AS "expiresAt"
           FROM ledger_entries e JOIN credit_lots l ON l.id = e.lot_id WHERE e.account_id = $1`,
        [acc],
      )
    ).map((e) => ({ at: e.at, credits: e.credits, lot: { expiresAt: e.expiresAt } }));
    expect(entries.length).toBeGreaterThanOrEqual(6);
    const instants = [
      ...entries.flatMap((e) => [-1, 0, 1].map((d) => e.at.getTime() + d)),
      ...[-1, 0, 1].map((d) => expiry + d),
      T0 - DAY,
      T0 + 400 * DAY,
    ].map((t) => new Date(t));
    for (const at of instants) {
      const [{ b }] = await g.ds.query<[{ b: number }]>(`SELECT ${balanceAtSql('$1', '$2')} AS b`, [
        acc,
        at,
      ]);
      expect(b, `as of ${at.toISOString()}`).toBe(balanceAt(entries, at));
    }
    // Now (after every entry) the lots' remaining credits are the ledger's sum.
    for (const at of [new Date(expiry + 120_000), new Date(T0 + 400 * DAY)]) {
      const [{ b }] = await g.ds.query<[{ b: number }]>(
        `SELECT ${balanceNowSql('$1', '$2')} AS b`,
        [acc, at],
      );
      expect(b).toBe(balanceAt(entries, at));
    }
  });
});

describe('the scope: inScopeSql = what Access lets a scoped viewer see', () => {
  it('a portal link (CUSTOMER) sees its one account, whatever partner keys list it; a key never sees through a link', async () => {
    const accs = [await createAccount(g), await createAccount(g), await createAccount(g)];
    const key = await createKey(g, 'PARTNER', [accs[0]!, accs[1]!]);
    const d = await g.ok<{ createPortalLink: { url: string } }>(
      'mutation($a: ID!) { createPortalLink(accountId: $a) { url } }',
      { a: accs[1]! },
    );
    const viewer = await viewerForPortalToken(
      g.ds,
      portalToken(d.createPortalLink.url),
      clock.now(),
    );
    expect(viewer?.role).toBe('CUSTOMER');
    const scope = async (id: string) =>
      (
        await g.ds.query<{ id: string; v: boolean }[]>(
          `SELECT a.id, ${inScopeSql('$1', 'a.id')} AS v FROM unnest($2::uuid[]) AS a(id)`,
          [id, accs],
        )
      )
        .filter((r) => r.v)
        .map((r) => r.id);
    expect(await scope(viewer!.keyId!)).toEqual([accs[1]]);
    expect((await scope(key.id)).sort()).toEqual([accs[0], accs[1]].sort());
    // The TypeScript twin: the request's Access, with its loader.
    const loaders = createLoaders(g.ds, viewer!);
    const access = new Access(viewer!, loaders.inScope);
    expect(access.scoped).toBe(true);
    expect(await Promise.all(accs.map((a) => access.canSee(a)))).toEqual([false, true, false]);
  });
});

describe('the partner scope: inScopeSql = the key’s account list', () => {
  it('no accounts, and two keys whose scopes overlap', async () => {
    const accs = [await createAccount(g), await createAccount(g), await createAccount(g)];
    const scopes = [[], [accs[0]!, accs[1]!], [accs[1]!, accs[2]!]];
    for (const scope of scopes) {
      const key = await createKey(g, 'PARTNER', scope);
      const rows = await g.ds.query<{ id: string; v: boolean }[]>(
        `SELECT a.id, ${inScopeSql('$1', 'a.id')} AS v FROM unnest($2::uuid[]) AS a(id)`,
        [key.id, accs],
      );
      for (const r of rows) expect(r.v).toBe(scope.includes(r.id));
    }
  });
});

describe('ticket status: ticketStatusSql = ticketStatus = the column the trigger keeps', () => {
  it('open, charged, refunded', async () => {
    const acc = await createAccount(g);
    const lic = await issueLicense(g, acc, { edition: 'OWNED', orderDate: new Date(T0 - DAY) });
    await purchase(g, acc, 100);
    const open = await openTicket(g, lic.id);
    const charged = await openTicket(g, lic.id);
    await g.ok(CHARGE, { i: { ticketId: charged, credits: 20 } });
    const refunded = await openTicket(g, lic.id);
    await g.ok(CHARGE, { i: { ticketId: refunded, credits: 21 } });
    await g.ok(REFUND, { i: { ticketId: refunded, reason: 'bug' } });
    const rows = await g.ds.query<
      { id: string; stored: string; rule: string; charged: boolean; refunded: boolean }[]
    >(
      `SELECT t.id, t.status::text AS stored, ${ticketStatusSql('t.id')}::text AS rule,
              EXISTS (SELECT 1 FROM charges c WHERE c.ticket_id = t.id) AS charged,
              EXISTS (SELECT 1 FROM refunds r WHERE r.ticket_id = t.id) AS refunded
         FROM tickets t WHERE t.id = ANY($1::uuid[])`,
      [[open, charged, refunded]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, want] of [
      [open, 'OPEN'],
      [charged, 'CHARGED'],
      [refunded, 'REFUNDED'],
    ] as const) {
      const r = byId.get(id)!;
      expect(r.rule).toBe(want);
      expect(r.stored).toBe(want);
      expect(ticketStatus(r)).toBe(want);
    }
  });
});
