import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstDifference } from '../bench/compare';
import { DASHBOARD_PAGES, type PageArgs } from '../bench/dashboard-pages';
import { createFloor } from '../bench/floor-app';
import type { Req } from '../bench/load';
import { seed } from '../bench/seed';
import { systemContext } from '../src/graphql/system-context';
import { sendExpiryNotices } from '../src/notices/expiry-notices';
import { ADMIN_KEY, type TestGateway, startGateway } from './support/gateway';

// The bench's floor must answer each of the dashboard's real pages with the
// gateway's very JSON (bench/floor-pages-sql.ts): the bench checks a few
// requests before timing, this holds it in CI on every case the seed and a
// few mutations give (refunds, notices, failed and retried statements,
// pages past the end, a search, unknown ids).

let g: TestGateway;
let pool: Pool;
let floor: ReturnType<typeof createFloor>;
let floorUrl: string;
const noisy = { accountId: '', ticketIds: [] as string[] };

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  g = await startGateway();
  pool = new Pool({ connectionString: g.databaseUrl, max: 4, options: '-c TimeZone=UTC' });
  await seed(pool, { accounts: 30, tickets: 900 }, { seed: 14, workers: 1 });

  // Refunds: one in five charged tickets with credits.
  const charged = (
    await pool.query<{ ticketId: string }>(
      `SELECT ticket_id AS "ticketId" FROM charges WHERE credits > 0 ORDER BY id DESC LIMIT 30`,
    )
  ).rows.filter((_, i) => i % 5 === 0);
  for (const { ticketId } of charged)
    await g.ok(`mutation($i: RefundTicketInput!) { refundTicket(input: $i) { id } }`, {
      i: { ticketId, reason: 'Vendor bug: the export dropped rows.' },
    });

  // An account that crosses its low-balance threshold, with a failed and a retried statement.
  const acc = await g.ok<{ createAccount: { id: string } }>(
    `mutation { createAccount(input: { name: "Floor Check", email: "floor@check.example" }) { id } }`,
  );
  noisy.accountId = acc.createAccount.id;
  const lic = await g.ok<{ issueLicense: { id: string } }>(
    `mutation($i: IssueLicenseInput!) { issueLicense(input: $i) { id } }`,
    {
      i: {
        accountId: noisy.accountId,
        edition: 'OWNED',
        domain: 'floor-check.example.com',
        orderDate: new Date(Date.now() - 300 * 86_400_000).toISOString(),
        listPriceCents: 49_900,
        paidPriceCents: 49_900,
      },
    },
  );
  await g.ok(`mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }`, {
    i: { accountId: noisy.accountId, credits: 100, paymentReference: 'floor-check-1' },
  });
  await g.ok(`mutation($a: ID!) { setLowBalanceThreshold(accountId: $a, threshold: 290) { id } }`, {
    a: noisy.accountId,
  });
  for (const category of ['GENERAL_ISSUE', 'ROOT_CAUSE_ANALYSIS', 'SETUP']) {
    const t = await g.ok<{ openTicket: { id: string; price: { min: number } } }>(
      `mutation($i: OpenTicketInput!) { openTicket(input: $i) { id price { min } } }`,
      { i: { licenseId: lic.issueLicense.id, category, subject: `Check ${category}` } },
    );
    noisy.ticketIds.push(t.openTicket.id);
    if (category !== 'SETUP')
      await g.ok(`mutation($i: ChargeTicketInput!) { chargeTicket(input: $i) { id } }`, {
        i: { ticketId: t.openTicket.id, credits: t.openTicket.price.min },
      });
  }
  await pool.query(
    `UPDATE outbox SET status = 'FAILED', attempts = 5, last_error = '550 mailbox full'
      WHERE id = (SELECT id FROM outbox WHERE account_id = $1 AND topic = 'statement' ORDER BY id LIMIT 1)`,
    [noisy.accountId],
  );
  await pool.query(
    `UPDATE outbox SET status = 'RETRYING', attempts = 2, last_error = '421 try later',
                       next_attempt_at = now() + interval '5 minutes'
      WHERE id = (SELECT id FROM outbox WHERE account_id = $1 AND topic = 'statement' ORDER BY id DESC LIMIT 1)`,
    [noisy.accountId],
  );
  // Expiring-soon notices for every lot that dies within a year.
  await sendExpiryNotices(
    systemContext(g.ds, pino({ level: 'silent' }), 'test'),
    new Date(),
    [30, 90, 365],
  );

  floor = createFloor(pool);
  await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', () => resolve()));
  floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  if (floor?.listening) await new Promise((resolve) => floor.close(resolve));
  await pool?.end();
  await g?.close();
});

async function post(url: string, req: Req, auth: boolean): Promise<unknown> {
  const res = await fetch(url + req.path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bearer ${ADMIN_KEY}` } : {}),
    },
    body: req.body,
  });
  expect(res.status).toBe(200);
  return res.json();
}

/** Both answers, the gateway's free of errors, and where they differ (null: nowhere). */
async function compare(name: string, args: PageArgs) {
  const page = DASHBOARD_PAGES.find((d) => d.name === name)!;
  const [gw, fl] = await Promise.all([
    post(g.url, page.gateway(args), true),
    post(floorUrl, page.floor(args), false),
  ]);
  expect((gw as { errors?: unknown }).errors).toBeUndefined();
  return { gw, difference: firstDifference(gw, fl) };
}

const args = (over: Partial<PageArgs>): PageArgs => ({
  accountId: UNKNOWN,
  ticketId: UNKNOWN,
  afterAccountId: null,
  ...over,
});

describe("the bench's floor answers the real pages with the gateway's JSON", () => {
  it('has the cases worth checking', async () => {
    const [n] = (
      await pool.query<{ refunds: number; low: number; expiry: number; failed: number }>(
        `SELECT (SELECT count(*) FROM refunds)::int AS refunds,
                (SELECT count(*) FROM low_balance_notices)::int AS low,
                (SELECT count(*) FROM expiry_notices WHERE sent)::int AS expiry,
                (SELECT count(*) FROM outbox WHERE status IN ('FAILED', 'RETRYING'))::int AS failed`,
      )
    ).rows;
    expect(n!.refunds).toBeGreaterThanOrEqual(5);
    expect(n!.low).toBeGreaterThanOrEqual(1);
    expect(n!.expiry).toBeGreaterThanOrEqual(1);
    expect(n!.failed).toBe(2);
  });

  it('AccountPage, for every account and an unknown one', async () => {
    const ids = (await pool.query<{ id: string }>('SELECT id FROM accounts ORDER BY id')).rows;
    for (const { id } of [...ids, { id: UNKNOWN }]) {
      const { gw, difference } = await compare('AccountPage', args({ accountId: id }));
      expect(difference, `AccountPage ${id}`).toBeNull();
      if (id === noisy.accountId) {
        const text = JSON.stringify(gw);
        expect(text).toMatch(/"lowBalanceNotices":\[\{/);
        expect(text).toMatch(/"expiryNotices":\[\{/);
        expect(text).toMatch(/"status":"RETRYING"/);
        expect(text).toMatch(/"status":"FAILED"/);
      }
    }
  });

  it('AccountsPage: the top, every cursor, past the end, a search', async () => {
    const ids = (await pool.query<{ id: string }>('SELECT id FROM accounts ORDER BY id')).rows;
    for (const after of [null, ...ids.map((r) => r.id)]) {
      const { difference } = await compare('AccountsPage', args({ afterAccountId: after }));
      expect(difference, `AccountsPage after ${after}`).toBeNull();
    }
    const page = DASHBOARD_PAGES.find((d) => d.name === 'AccountsPage')!;
    for (const search of ['floor', ' CHECK ', 'no such shop', '100%_', 'a']) {
      const variables = { search, first: 5, after: null };
      const [gw, fl] = await Promise.all([
        post(
          g.url,
          { ...page.gateway(args({})), body: withVariables(page.gateway(args({})), variables) },
          true,
        ),
        post(floorUrl, { path: '/pages/AccountsPage', body: JSON.stringify(variables) }, false),
      ]);
      expect(firstDifference(gw, fl), `search ${search}`).toBeNull();
    }
  });

  it('TicketPage: refunded, charged, included, open and unknown tickets', async () => {
    const ids = (
      await pool.query<{ id: string }>(
        `(SELECT ticket_id AS id FROM refunds)
         UNION ALL (SELECT ticket_id FROM charges WHERE credits = 0 LIMIT 5)
         UNION ALL (SELECT ticket_id FROM charges WHERE credits > 0 ORDER BY id LIMIT 20)
         UNION ALL (SELECT id FROM tickets WHERE status = 'OPEN' LIMIT 10)`,
      )
    ).rows.map((r) => r.id);
    for (const id of [...ids, ...noisy.ticketIds, UNKNOWN]) {
      const { difference } = await compare('TicketPage', args({ ticketId: id }));
      expect(difference, `TicketPage ${id}`).toBeNull();
    }
  });

  it('ChargesPage: the first page and the next', async () => {
    const { gw, difference } = await compare('ChargesPage', args({}));
    expect(difference).toBeNull();
    const after = (gw as { data: { charges: { pageInfo: { endCursor: string } } } }).data.charges
      .pageInfo.endCursor;
    const page = DASHBOARD_PAGES.find((d) => d.name === 'ChargesPage')!;
    const variables = { filter: null, first: 50, after };
    const [next, fl] = await Promise.all([
      post(
        g.url,
        { ...page.gateway(args({})), body: withVariables(page.gateway(args({})), variables) },
        true,
      ),
      post(floorUrl, { path: '/pages/ChargesPage', body: JSON.stringify(variables) }, false),
    ]);
    expect(firstDifference(next, fl)).toBeNull();
  });
});

/** The same document with other variables. */
function withVariables(req: Req, variables: Record<string, unknown>): string {
  const { query } = JSON.parse(req.body) as { query: string };
  return JSON.stringify({ query, variables });
}
