import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { Access } from '../src/common/access';
import { ManualClock } from '../src/common/clock';
import type { ServiceContext } from '../src/common/context';
import { backfillChargeRollup } from '../src/db/migrations/1797000000000-charge-rollup';
import { primaryOnly } from '../src/db/read-replica';
import { COMPACT_CHARGE_ROLLUP, DEFAULT_SCHEDULES, crontab } from '../src/jobs/schedule';
import { jobContext, scheduledTasks } from '../src/jobs/tasks/scheduled';
import { runReconciliation } from '../src/ledger/reconcile';
import {
  type BucketPage,
  type HistorySource,
  listCharges,
  summarizeCharges,
} from '../src/ledger/charge-history';
import type { ChargeFilter } from '../src/ledger/ledger.type';
import { mulberry32 } from '../bench/seed';
import { ChargeGrouping, Edition, HostingPlan, Role, TicketCategory } from '../src/policy/enums';
import { priceFor } from '../src/policy/prices';
import {
  CHARGE,
  REFUND,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';

// The charge rollup answers chargeSummary and the charges' totalCount exactly
// as the rows do: random charges and refunds, made concurrently over several
// UTC days (some a millisecond either side of midnight) and then every eight
// days for two more months (whole months: the monthly level), then every
// grouping under every combination of filters, scope and date range, both ways.

const DAY = 86_400_000;
const clock = new ManualClock(new Date(Math.floor(Date.now() / DAY) * DAY - 90 * DAY));
const rnd = mulberry32(17);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

let g: TestGateway;
const accounts: string[] = [];
let partnerKeyId: string;
const licenses: { id: string; edition: Edition; plan: HostingPlan | null }[][] = [];
/** Charged tickets with credits, not refunded yet. */
const refundable: string[] = [];
const start = clock.now().getTime();

const TERMS: [Edition, HostingPlan | null][] = [
  [Edition.FREE, null],
  [Edition.LEASED, null],
  [Edition.OWNED, null],
  [Edition.SAAS, HostingPlan.STANDARD],
  [Edition.SAAS, HostingPlan.PROFESSIONAL],
];

/** Opens `n` random tickets at the clock's instant and charges them all at once; refunds some earlier ones at the same time. */
async function round(n: number, refunds: number): Promise<void> {
  const planned = await Promise.all(
    Array.from({ length: n }, async () => {
      const a = Math.floor(rnd() * accounts.length);
      const lic = pick(licenses[a]!);
      const category = pick(Object.values(TicketCategory));
      const { price } = priceFor(lic.edition, lic.plan, category);
      const credits = price.min + Math.floor(rnd() * (price.max - price.min + 1));
      return { ticketId: await openTicket(g, lic.id, category), credits };
    }),
  );
  const toRefund = refundable.splice(0, refunds);
  await Promise.all([
    ...planned.map(async (p) => {
      await g.ok(CHARGE, { i: p });
      if (p.credits > 0) refundable.push(p.ticketId);
    }),
    ...toRefund.map((ticketId) => g.ok(REFUND, { i: { ticketId, reason: 'vendor bug' } })),
    // Folding the deltas while charges and refunds add more.
    ...(rnd() < 0.5 ? [g.ds.query('SELECT charge_rollup_compact()')] : []),
  ]);
}

beforeAll(async () => {
  g = await startGateway({ clock });
  for (let i = 0; i < 4; i++) {
    const id = await createAccount(g);
    accounts.push(id);
    await purchase(g, id, 100_000);
    const mine: (typeof licenses)[number] = [];
    for (const [edition, plan] of TERMS) {
      const l = await issueLicense(g, id, {
        edition,
        hostingPlan: plan,
        orderDate: new Date(start - DAY),
      });
      mine.push({ id: l.id, edition, plan });
    }
    licenses.push(mine);
  }
  partnerKeyId = (await createKey(g, 'PARTNER', [accounts[0]!, accounts[1]!])).id;
  // Ten days; each a round at a random hour, and one a millisecond either side of midnight.
  for (let d = 0; d < 10; d++) {
    clock.set(new Date(start + d * DAY + Math.floor(rnd() * DAY)));
    await round(8, 3);
    clock.set(new Date(start + (d + 1) * DAY - 2));
    await round(3, 1);
  }
  for (let d = 12; d < 85; d += 8) {
    clock.set(new Date(start + d * DAY + Math.floor(rnd() * DAY)));
    await round(3, 1);
  }
}, 120_000);
afterAll(() => g?.close());

function contextFor(ds: DataSource, scoped: boolean): ServiceContext {
  const viewer = scoped
    ? { role: Role.PARTNER, keyId: partnerKeyId, name: 'partner' }
    : { role: Role.ADMIN, keyId: null, name: 'admin' };
  return {
    viewer,
    access: new Access(viewer, null as never),
    reads: primaryOnly(ds),
    ds,
  } as unknown as ServiceContext;
}

/** The `n`th 1st of a month after the dense first ten days (within the sparse rounds). */
function firstOfMonth(n: number): number {
  const d = new Date(start + 10 * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
}

/** Every combination of the filter's fields, each over a few values. */
function filters(): ChargeFilter[] {
  const ranges: [string, Date | null, Date | null][] = [
    ['all time', null, null],
    ['whole days', new Date(start + 2 * DAY), new Date(start + 7 * DAY)],
    [
      'part-days at both ends',
      new Date(start + 2 * DAY - 1),
      new Date(start + 6 * DAY + 5 * 3_600_000),
    ],
    ['from a part-day on', new Date(start + 3 * DAY + 1), null],
    ['up to a whole day', null, new Date(start + 5 * DAY)],
    ['within one day', new Date(start + 4 * DAY + 1), new Date(start + 5 * DAY - 1)],
    ['across one midnight', new Date(start + 4 * DAY - 3), new Date(start + 4 * DAY + 3)],
    [
      'whole months, part-days at both ends',
      new Date(start + 5 * DAY + 7 * 3_600_000),
      new Date(start + 80 * DAY + 5 * 3_600_000),
    ],
    ['from the 1st of a month on', new Date(firstOfMonth(1)), null],
    ['whole days up to the 1st of a month', new Date(start + 3 * DAY), new Date(firstOfMonth(2))],
  ];
  const out: ChargeFilter[] = [];
  for (const [, from, to] of ranges)
    for (const accountId of [null, accounts[0]!])
      for (const categories of [null, [TicketCategory.SETUP, TicketCategory.DOMAIN_CHANGE]])
        for (const editions of [null, [Edition.OWNED, Edition.SAAS]])
          for (const included of [null, true, false])
            for (const refunded of [null, true, false])
              out.push({ from, to, accountId, categories, editions, included, refunded });
  return out;
}

describe('the charge rollup', () => {
  it('holds every account-day exactly as the rows do, after concurrent charges and refunds', async () => {
    expect(await rollupDiff(g.ds)).toEqual([]);
    const [{ n }] = await g.ds.query<[{ n: number }]>(
      `SELECT count(DISTINCT (created_at AT TIME ZONE 'UTC')::date)::int AS n FROM charges`,
    );
    expect(n).toBeGreaterThanOrEqual(10);
  });

  it('answers every grouping and every filter, scoped or not, as the rows do', async () => {
    let compared = 0;
    let nonEmpty = 0;
    for (const scoped of [false, true]) {
      const ctx = contextFor(g.ds, scoped);
      const both = <T>(read: (source: HistorySource) => Promise<T>) =>
        Promise.all([read('rollup'), read('rows')]);
      const compare = async (filter: ChargeFilter) => {
        const page = { first: 1, after: null };
        const [fromRollup, fromRows] = await both((source) =>
          listCharges(ctx, filter, page, { source }),
        );
        expect(fromRollup.totalCount, JSON.stringify({ scoped, filter })).toBe(fromRows.totalCount);
        for (const groupBy of Object.values(ChargeGrouping)) {
          const [x, y] = await both((source) => summarizeCharges(ctx, filter, groupBy, { source }));
          expect(x, JSON.stringify({ scoped, groupBy, filter })).toEqual(y);
          compared++;
          if (y.length > 0) nonEmpty++;
        }
      };
      const all = filters();
      for (let i = 0; i < all.length; i += 4) await Promise.all(all.slice(i, i + 4).map(compare));
    }
    // Most combinations find something: the comparison is not of empty lists.
    expect(nonEmpty).toBeGreaterThan(compared / 3);
  }, 300_000);

  it('pages the buckets as the rows do, each page after the last key of the one before', async () => {
    const some = filters().filter((_, i) => i % 37 === 0);
    let pages = 0;
    for (const scoped of [false, true]) {
      const ctx = contextFor(g.ds, scoped);
      for (const filter of some) {
        for (const groupBy of Object.values(ChargeGrouping)) {
          const whole = await summarizeCharges(ctx, filter, groupBy, { source: 'rows' });
          for (const first of [1, 2, 5]) {
            const seen: typeof whole = [];
            let after: string | null = null;
            for (;;) {
              const page: BucketPage = { first, after };
              const [x, y] = await Promise.all([
                summarizeCharges(ctx, filter, groupBy, { source: 'rollup', page }),
                summarizeCharges(ctx, filter, groupBy, { source: 'rows', page }),
              ]);
              expect(x, JSON.stringify({ scoped, groupBy, filter, page })).toEqual(y);
              expect(x.length).toBeLessThanOrEqual(first);
              seen.push(...x);
              pages++;
              if (x.length < first) break;
              after = x.at(-1)!.key;
            }
            expect(seen, JSON.stringify({ scoped, groupBy, filter, first })).toEqual(whole);
          }
        }
      }
    }
    expect(pages).toBeGreaterThan(200);
    // No bucket at all, and none past the last key.
    const ctx = contextFor(g.ds, false);
    const all = await summarizeCharges(ctx, null, ChargeGrouping.ACCOUNT);
    expect(all.length).toBe(accounts.length);
    expect(
      await summarizeCharges(ctx, null, ChargeGrouping.ACCOUNT, { page: { first: 0 } }),
    ).toEqual([]);
    const last = all.at(-1)!.key;
    expect(
      await summarizeCharges(ctx, null, ChargeGrouping.ACCOUNT, {
        page: { after: last.toUpperCase() },
      }),
    ).toEqual([]);
  }, 300_000);

  it('counts past the last page from the rollup too', async () => {
    const ctx = contextFor(g.ds, false);
    const page = await listCharges(ctx, null, {
      first: 5,
      // Older than every charge (the key of db/keyset's byCreatedAt).
      after: '1970-01-01T00:00:00.000000Z|00000000-0000-0000-0000-000000000000',
    });
    expect(page.nodes).toEqual([]);
    const [{ n }] = await g.ds.query<[{ n: number }]>('SELECT count(*)::int AS n FROM charges');
    expect(page.totalCount).toBe(n);
  });

  it('the scheduled compaction folds the deltas into the daily rows and changes no answer', async () => {
    const ctx = contextFor(g.ds, false);
    const deltas = async () =>
      (await g.ds.query<[{ n: number }]>('SELECT count(*)::int AS n FROM charge_rollup_delta'))[0]
        .n;
    expect(await deltas()).toBeGreaterThan(0);
    const before = await summarizeCharges(ctx, null, ChargeGrouping.DAY);
    const tasks = scheduledTasks(g.ds, pino({ level: 'silent' }), [30]);
    await tasks[COMPACT_CHARGE_ROLLUP]!(undefined, undefined as never);
    expect(await deltas()).toBe(0);
    expect(await summarizeCharges(ctx, null, ChargeGrouping.DAY)).toEqual(before);
    expect(crontab(DEFAULT_SCHEDULES)).toContain(COMPACT_CHARGE_ROLLUP);
  });

  it('is checked by the nightly reconciliation', async () => {
    const ctx = jobContext(g.ds, pino({ level: 'silent' }), 'test', clock);
    expect((await runReconciliation(ctx, clock.now())).ok).toBe(true);
    const key = 'account_id, day, category, edition, included, refunded';
    const [[row]] = await g.ds.query<[[{ account_id: string; day: string }]]>(
      `UPDATE charge_rollup SET credits = credits + 1
        WHERE (${key}) = (SELECT ${key} FROM charge_rollup WHERE charges > 0 LIMIT 1)
        RETURNING account_id, day::text AS day, category, edition, included, refunded`,
    );
    try {
      const report = await runReconciliation(ctx, clock.now());
      expect(report.ok).toBe(false);
      expect(report.mismatches).toEqual([
        { check: expect.stringContaining('each account-day') as unknown, ids: [row.account_id] },
        { check: expect.stringContaining('all-accounts totals') as unknown, ids: [row.day] },
      ]);
    } finally {
      await g.ds.query(
        `UPDATE charge_rollup SET credits = credits - 1 WHERE (${key}) = ($1, $2, $3, $4, $5, $6)`,
        [...Object.values(row)],
      );
    }
    // A month that no longer adds up to its days.
    const monthKey = 'month, category, edition, included, refunded';
    const [[month]] = await g.ds.query<[[{ month: string }]]>(
      `UPDATE charge_rollup_monthly SET charges = charges + 1
        WHERE (${monthKey}) = (SELECT ${monthKey} FROM charge_rollup_monthly WHERE charges > 0 LIMIT 1)
        RETURNING month::text AS month, category, edition, included, refunded`,
    );
    try {
      const report = await runReconciliation(ctx, clock.now());
      expect(report.mismatches).toEqual([
        {
          check: expect.stringContaining("each month's") as unknown,
          ids: [month.month.slice(0, 7)],
        },
      ]);
    } finally {
      await g.ds.query(
        `UPDATE charge_rollup_monthly SET charges = charges - 1 WHERE (${monthKey}) = ($1, $2, $3, $4, $5)`,
        [...Object.values(month)],
      );
    }
    expect((await runReconciliation(ctx, clock.now())).ok).toBe(true);
  });

  it('is backfilled exactly while charges and refunds go on', async () => {
    // History the trigger never saw: the rollup emptied, as before the migration.
    await g.ds.query(
      'TRUNCATE charge_rollup, charge_rollup_daily, charge_rollup_delta, charge_rollup_monthly',
    );
    expect(await rollupDiff(g.ds)).not.toEqual([]);
    clock.set(new Date(start + 12 * DAY));
    const runner = g.ds.createQueryRunner();
    await runner.connect();
    try {
      const [filled] = await Promise.all([
        backfillChargeRollup(
          (sql, params) => runner.query(sql, params) as Promise<unknown[]>,
          {
            begin: () => runner.startTransaction(),
            commit: () => runner.commitTransaction(),
            rollback: () => runner.rollbackTransaction(),
          },
          1,
        ),
        round(10, 4),
        round(10, 4),
      ]);
      expect(filled).toBeGreaterThanOrEqual(accounts.length);
    } finally {
      await runner.release();
    }
    expect(await rollupDiff(g.ds)).toEqual([]);
  }, 60_000);
});

/** Rows where the rollup and the recount from the charges differ (groups with no charges left count as absent). */
async function rollupDiff(ds: DataSource): Promise<unknown[]> {
  return ds.query(
    `SELECT * FROM
       (SELECT * FROM charge_rollup WHERE charges <> 0 OR credits <> 0 OR refunded_credits <> 0
        EXCEPT ALL SELECT * FROM charge_rollup_expected) missing
     UNION ALL
     SELECT * FROM
       (SELECT * FROM charge_rollup_expected
        EXCEPT ALL SELECT * FROM charge_rollup WHERE charges <> 0 OR credits <> 0 OR refunded_credits <> 0) extra`,
  );
}
