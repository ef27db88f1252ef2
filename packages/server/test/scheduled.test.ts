import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import type { ServiceContext } from '../src/common/context';
import type { JobRunner } from '../src/jobs/runner';
import { DEFAULT_SCHEDULES, EXPIRE_CREDITS, crontab, nextTick } from '../src/jobs/schedule';
import { jobContext, scheduledTasks } from '../src/jobs/tasks/scheduled';
import { runExpiry } from '../src/ledger/expiry-runs';
import { previousMidnight, runReconciliation } from '../src/ledger/reconcile';
import {
  CHARGE,
  createAccount,
  createKey,
  issueLicense,
  monthsAgo,
  openTicket,
  purchase,
} from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { SmtpSink, WebhookReceiver, startTestWorker, waitFor } from './support/outbound';
import { sendExpiryNotices } from '../src/notices/expiry-notices';

// Scheduled work (issue 9): the jobs take the instant they run at, so the
// tests move a ManualClock instead of waiting; one test goes through a real
// worker's crontab (its backfill of a run missed while nothing ran).

const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const DAY = 86_400_000;
const clock = new ManualClock('2026-03-01T09:00:00.000Z');
let g: TestGateway;
let ctx: ServiceContext;

beforeAll(async () => {
  g = await startGateway({ clock });
  ctx = jobContext(g.ds, log, 'test', clock);
});
afterAll(() => g.close());

/** An account with an OWNED license whose 200-credit grant expires a month from the clock. */
async function accountWithGrant(): Promise<{
  acc: string;
  licenseId: string;
  lot: string;
  expiresAt: Date;
}> {
  const acc = await createAccount(g);
  const lic = await issueLicense(g, acc, {
    edition: 'OWNED',
    orderDate: monthsAgo(11, clock.now()),
  });
  return {
    acc,
    licenseId: lic.id,
    lot: lic.creditLot!.id,
    expiresAt: new Date(lic.creditLot!.expiresAt!),
  };
}

async function expiryEntries(lot: string): Promise<number[]> {
  const rows = await g.ds.query<{ credits: number }[]>(
    `SELECT credits FROM ledger_entries WHERE lot_id = $1 AND kind = 'EXPIRY'`,
    [lot],
  );
  return rows.map((r) => r.credits);
}

describe('scheduled expiry (P19)', () => {
  it('catches up a lot that expired while nothing ran: once, with the credits left', async () => {
    const a = await accountWithGrant();
    const ticketId = await openTicket(g, a.licenseId);
    await g.ok(CHARGE, { i: { ticketId, credits: 30 } });
    // Nothing runs for three weeks after the expiry.
    clock.set(new Date(a.expiresAt.getTime() + 21 * DAY));
    const run = await runExpiry(ctx, clock.now());
    expect(run).toMatchObject({ lots: 1, credits: 170 });
    expect(await expiryEntries(a.lot)).toEqual([-170]);

    const again = await runExpiry(ctx, clock.now());
    expect(again).toMatchObject({ lots: 0, credits: 0 });
    expect(await expiryEntries(a.lot)).toEqual([-170]);

    const d = await g.ok<{ expirySchedule: { lastRun: { lots: number }; nextRunAt: string } }>(
      '{ expirySchedule { schedule lastRun { ranAt lots credits } nextRunAt } }',
    );
    expect(d.expirySchedule.lastRun.lots).toBe(0);
    // Hourly by default: the next whole hour after the request's instant.
    expect(d.expirySchedule.nextRunAt).toBe(nextTick('0 * * * *', clock.now())!.toISOString());
  });

  it('two workers running the job at the same moment record each expiry once', async () => {
    const a = await accountWithGrant();
    const b = await accountWithGrant();
    clock.set(new Date(Math.max(a.expiresAt.getTime(), b.expiresAt.getTime()) + DAY));
    const at = clock.now();
    const runs = await Promise.all([runExpiry(ctx, at), runExpiry(ctx, at), runExpiry(ctx, at)]);
    expect(runs.reduce((n, r) => n + r.lots, 0)).toBe(2);
    expect(runs.reduce((n, r) => n + r.credits, 0)).toBe(400);
    expect(await expiryEntries(a.lot)).toEqual([-200]);
    expect(await expiryEntries(b.lot)).toEqual([-200]);
  });

  it("the worker's crontab backfills the hourly run missed while it was down", async () => {
    const a = await accountWithGrant(); // expires a month from the clock, long before the database's now
    // The expiry schedule last ran three hours ago; then every worker was down.
    await g.ds.query(
      `INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
       VALUES ($1, now() - interval '3 hours', now() - interval '3 hours')`,
      [EXPIRE_CREDITS],
    );
    const worker: JobRunner = await startTestWorker(g, {
      extraTasks: scheduledTasks(g.ds, log, DEFAULT_SCHEDULES.noticeDays),
      crontab: crontab(DEFAULT_SCHEDULES),
    });
    try {
      await waitFor(
        async () => (await expiryEntries(a.lot)).length > 0,
        'the backfilled expiry run',
      );
      // Three missed ticks, each a run at the database's instant: the lot's expiry once.
      await waitFor(
        async () =>
          (
            await g.ds.query<{ n: number }[]>(
              `SELECT count(*)::int AS n FROM expiry_runs WHERE ran_at > now() - interval '1 minute'`,
            )
          )[0]!.n >= 3 || undefined,
        'every backfilled run',
      );
    } finally {
      await worker.stop();
    }
    expect(await expiryEntries(a.lot)).toEqual([-200]);
  });
});

describe('nightly reconciliation', () => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(() => receiver.close());

  it('is clean on the test data; a broken ledger row is reported with its ids and raises the alert', async () => {
    const clean = await runReconciliation(ctx, clock.now());
    expect(clean.mismatches).toEqual([]);
    expect(clean.ok).toBe(true);
    expect(clean.lotsChecked).toBeGreaterThan(0);
    expect(clean.midnight.toISOString()).toBe(previousMidnight(clock.now()).toISOString());

    const d = await g.ok<{ createWebhookEndpoint: { secret: string } }>(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
      {
        i: {
          url: receiver.url,
          eventTypes: ['reconciliation.failed'],
          description: 'ops',
          accountIds: null,
        },
      },
    );
    receiver.secret = d.createWebhookEndpoint.secret;

    const a = await accountWithGrant();
    const ticketId = await openTicket(g, a.licenseId);
    await g.ok(CHARGE, { i: { ticketId, credits: 40 } });
    // Break the charge's ledger entry; the ledger is append-only, so the
    // guard triggers are switched off for this one transaction.
    const breakEntry = (delta: number) =>
      g.ds.transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        await tx.query(
          `UPDATE ledger_entries SET credits = credits + $2 WHERE lot_id = $1 AND kind = 'CHARGE'`,
          [a.lot, delta],
        );
      });
    await breakEntry(1);
    const worker = await startTestWorker(g);
    try {
      const broken = await runReconciliation(ctx, clock.now());
      expect(broken.ok).toBe(false);
      const ids = (check: RegExp) => broken.mismatches.find((m) => check.test(m.check))?.ids;
      expect(ids(/^lot: ledger sum/)).toEqual([a.lot]);
      expect(ids(/^lot: spent/)).toEqual([a.lot]);
      expect(ids(/^account: balance/)).toEqual([a.acc]);

      const alert = await waitFor(
        () => receiver.delivered.find((w) => w.type === 'reconciliation.failed'),
        'the reconciliation.failed webhook',
      );
      expect(alert.data).toMatchObject({ reportId: broken.id });
      expect(alert.accountId).toBeNull();

      const q = await g.ok<{
        reconciliationReports: { id: string; ok: boolean; mismatches: { ids: string[] }[] }[];
      }>(
        '{ reconciliationReports(first: 2) { id ranAt ok accountsChecked lotsChecked mismatches { check ids } } }',
      );
      expect(q.reconciliationReports.map((r) => [r.id, r.ok])).toEqual([
        [broken.id, false],
        [clean.id, true],
      ]);
    } finally {
      await worker.stop();
      await breakEntry(-1); // the file's closing check must find the books in order
    }
    expect((await runReconciliation(ctx, clock.now())).ok).toBe(true);
  });
});

describe('expiring-soon notices', () => {
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    smtp = await SmtpSink.start();
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await smtp.down();
    await receiver.close();
  });

  it('30 and 7 days before: one e-mail and one webhook per lot per threshold, none for an empty lot', async () => {
    const a = await accountWithGrant();
    const empty = await accountWithGrant();
    // Spent to 0 (charges are 20 to 60 credits each).
    for (let i = 0; i < 4; i++)
      await g.ok(CHARGE, { i: { ticketId: await openTicket(g, empty.licenseId), credits: 50 } });
    const d = await g.ok<{ createWebhookEndpoint: { secret: string } }>(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
      {
        i: {
          url: receiver.url,
          eventTypes: ['credits.expiring_soon'],
          description: 'notices',
          accountIds: [a.acc, empty.acc],
        },
      },
    );
    receiver.secret = d.createWebhookEndpoint.secret;
    const worker = await startTestWorker(g, { mail: { smtpUrl: smtp.url } });
    try {
      const before = (days: number) => new Date(a.expiresAt.getTime() - days * DAY);
      const days = DEFAULT_SCHEDULES.noticeDays;
      const noticed = async () =>
        (
          await g.ds.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM expiry_notices WHERE lot_id = $1`,
            [a.lot],
          )
        )[0]!.n;
      await sendExpiryNotices(ctx, before(31), days);
      expect(await noticed()).toBe(0);
      // Runs at the thresholds, some twice at the same instant: each threshold once.
      for (const at of [before(29), before(29), before(20), before(6.5), before(6.5), before(1)])
        await sendExpiryNotices(ctx, at, days);
      const rows = await g.ds.query<{ lot_id: string; threshold_days: number; sent: boolean }[]>(
        `SELECT lot_id, threshold_days, sent FROM expiry_notices WHERE lot_id = ANY($1) ORDER BY threshold_days`,
        [[a.lot, empty.lot]],
      );
      expect(rows).toEqual([
        { lot_id: a.lot, threshold_days: 7, sent: true },
        { lot_id: a.lot, threshold_days: 30, sent: true },
      ]);

      const { account } = await g.ok<{ account: { email: string } }>(
        'query($id: ID!) { account(id: $id) { email } }',
        { id: a.acc },
      );
      await waitFor(async () => {
        const [r] = await g.ds.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM expiry_notices WHERE lot_id = $1 AND mailed_at IS NOT NULL`,
          [a.lot],
        );
        return r!.n === 2;
      }, 'both notice e-mails');
      const mails = smtp.to(account.email).filter((m) => /expire on/.test(m.subject ?? ''));
      expect(mails).toHaveLength(2);
      expect(mails[0]!.text).toContain(`200 support credits`);
      // The date as people write it ("1 Jan 2027"), not an ISO string.
      expect(mails[0]!.text).toContain(
        new Intl.DateTimeFormat('en-GB', {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(a.expiresAt),
      );

      const hooks = await waitFor(() => {
        const h = receiver.delivered.filter((w) => w.type === 'credits.expiring_soon');
        return h.length >= 2 && h;
      }, 'both expiring-soon webhooks');
      expect(
        hooks.map((h) => [h.accountId, h.data.lotId, h.data.credits, h.data.daysBefore]),
      ).toEqual([
        [a.acc, a.lot, 200, 30],
        [a.acc, a.lot, 200, 7],
      ]);
      expect(hooks[0]!.data.expiresAt).toBe(a.expiresAt.toISOString());

      const n = await g.ok<{
        account: { expiryNotices: { thresholdDays: number; credits: number }[] };
      }>(
        'query($id: ID!) { account(id: $id) { expiryNotices { lotId thresholdDays credits expiresAt createdAt mailedAt } } }',
        { id: a.acc },
      );
      expect(n.account.expiryNotices.map((x) => x.thresholdDays)).toEqual([7, 30]);
    } finally {
      await worker.stop();
    }
  });

  it('a lot first seen inside the 7-day window is told once, not twice', async () => {
    const a = await accountWithGrant();
    const at = new Date(a.expiresAt.getTime() - 3 * DAY);
    expect(await sendExpiryNotices(ctx, at, [30, 7])).toBeGreaterThanOrEqual(1);
    const rows = await g.ds.query<{ threshold_days: number; sent: boolean }[]>(
      `SELECT threshold_days, sent FROM expiry_notices WHERE lot_id = $1 ORDER BY threshold_days`,
      [a.lot],
    );
    expect(rows).toEqual([
      { threshold_days: 7, sent: true },
      { threshold_days: 30, sent: false },
    ]);
  });
});

describe('low-balance notices', () => {
  let smtp: SmtpSink;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    smtp = await SmtpSink.start();
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await smtp.down();
    await receiver.close();
  });

  const SET = `mutation($a: ID!, $t: Int) { setLowBalanceThreshold(accountId: $a, threshold: $t) {
    id lowBalance { threshold isDefault below } } }`;

  it('isBelow is read from the balance now: a threshold raised above it shows at once, the notice state does not move', async () => {
    const a = await accountWithGrant(); // 200 credits
    const q = `query($id: ID!) { account(id: $id) { balance lowBalance { threshold below balance isBelow } } }`;
    const read = async () =>
      (await g.ok<{ account: { lowBalance: unknown } }>(q, { id: a.acc })).account.lowBalance;
    await g.ok(SET, { a: a.acc, t: 300 });
    expect(await read()).toEqual({ threshold: 300, below: false, balance: 200, isBelow: true });
    await g.ok(SET, { a: a.acc, t: 200 });
    expect(await read()).toEqual({ threshold: 200, below: false, balance: 200, isBelow: false });
    // Balance 0 and threshold 0: not below (the notice fires under the threshold, not at it).
    const empty = await createAccount(g);
    await g.ok(SET, { a: empty, t: 0 });
    const e = await g.ok<{ account: { lowBalance: unknown } }>(q, { id: empty });
    expect(e.account.lowBalance).toEqual({
      threshold: 0,
      below: false,
      balance: 0,
      isBelow: false,
    });
  });

  it('one notice per crossing, again only after the balance went back above the threshold', async () => {
    const a = await accountWithGrant(); // 200 credits
    const partner = await createKey(g, 'PARTNER', [a.acc]);
    const stranger = await createKey(g, 'PARTNER', []);
    expect(
      (await g.gql(SET, { a: a.acc, t: 100 }, stranger.secret)).errors?.[0]?.extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      (await g.gql(SET, { a: a.acc, t: -1 }, partner.secret)).errors?.[0]?.extensions.code,
    ).toBe('BAD_USER_INPUT');
    const set = await g.ok<{ setLowBalanceThreshold: { lowBalance: unknown } }>(
      SET,
      { a: a.acc, t: 100 },
      partner.secret,
    );
    expect(set.setLowBalanceThreshold.lowBalance).toEqual({
      threshold: 100,
      isDefault: false,
      below: false,
    });

    const d = await g.ok<{ createWebhookEndpoint: { secret: string } }>(
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
      {
        i: {
          url: receiver.url,
          eventTypes: ['balance.low'],
          description: 'low',
          accountIds: [a.acc],
        },
      },
    );
    receiver.secret = d.createWebhookEndpoint.secret;
    const worker = await startTestWorker(g, { mail: { smtpUrl: smtp.url } });
    try {
      const charge = async (credits: number) => {
        const r = await g.ok(CHARGE, {
          i: { ticketId: await openTicket(g, a.licenseId), credits },
        });
        return r.chargeTicket.balanceAfter;
      };
      expect(await charge(50)).toBe(150); // above: nothing
      expect(await charge(60)).toBe(90); // crosses: notice 1
      expect(await charge(20)).toBe(70); // still below: nothing
      await purchase(g, a.acc, 100); // 170: back above
      expect(await charge(60)).toBe(110); // above: nothing
      expect(await charge(30)).toBe(80); // crosses again: notice 2

      const notices = await g.ds.query<{ balance: number; threshold: number }[]>(
        `SELECT balance, threshold FROM low_balance_notices WHERE account_id = $1 ORDER BY created_at`,
        [a.acc],
      );
      expect(notices).toEqual([
        { balance: 90, threshold: 100 },
        { balance: 80, threshold: 100 },
      ]);
      await waitFor(async () => {
        const [r] = await g.ds.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM low_balance_notices WHERE account_id = $1 AND mailed_at IS NOT NULL`,
          [a.acc],
        );
        return r!.n === 2;
      }, 'both low-balance e-mails');
      const { account } = await g.ok<{
        account: { email: string; lowBalance: unknown; lowBalanceNotices: { balance: number }[] };
      }>(
        'query($id: ID!) { account(id: $id) { email lowBalance { threshold isDefault below } lowBalanceNotices { balance mailedAt } } }',
        {
          id: a.acc,
        },
      );
      expect(account.lowBalance).toEqual({ threshold: 100, isDefault: false, below: true });
      expect(account.lowBalanceNotices.map((n) => n.balance)).toEqual([80, 90]);
      const mails = smtp.to(account.email).filter((m) => /balance is low/.test(m.subject ?? ''));
      expect(mails.map((m) => m.subject)).toEqual([
        'Your support credit balance is low: 90 credits',
        'Your support credit balance is low: 80 credits',
      ]);
      const hooks = await waitFor(() => {
        const h = receiver.delivered.filter((w) => w.type === 'balance.low');
        return h.length >= 2 && h;
      }, 'both balance.low webhooks');
      expect(hooks.map((h) => [h.accountId, h.data.balance, h.data.threshold])).toEqual([
        [a.acc, 90, 100],
        [a.acc, 80, 100],
      ]);
    } finally {
      await worker.stop();
    }
  });
});
