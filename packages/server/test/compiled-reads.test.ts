import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHARGE,
  createAccount,
  createKey,
  issueLicense,
  monthsAgo,
  openTicket,
  purchase,
} from './support/fixtures';
import { ADMIN_KEY, type GqlResult, type TestGateway, startGateway } from './support/gateway';

// Compiled reads (graphql/compiled-reads) must answer exactly what the
// resolvers and DataLoaders answer. Each query here runs twice on the same
// data: as written (compiled: one SQL statement per root field) and with a
// no-op @include on its root field, which the compiler leaves to graphql-js.

let g: TestGateway;
let accounts: string[];
let partner: { id: string; secret: string };

beforeAll(async () => {
  g = await startGateway();
  accounts = [];
  for (let i = 0; i < 4; i++) {
    const acc = await createAccount(g);
    // An old order: its grant lot has expired by now (read-time expiry, P20).
    const old = await issueLicense(g, acc, { edition: 'OWNED', orderDate: monthsAgo(30) });
    const lic = await issueLicense(g, acc, { edition: 'OWNED' });
    await purchase(g, acc, 100 + i);
    for (let t = 0; t < 3; t++) {
      const ticket = await openTicket(g, t === 0 ? old.id : lic.id);
      if (t < 2) await g.ok(CHARGE, { i: { ticketId: ticket, credits: 20 + t } });
    }
    accounts.push(acc);
  }
  partner = await createKey(g, 'PARTNER', [accounts[1]!, accounts[2]!]);
});
afterAll(() => g.close());

/** The query compiled and through the resolvers, with the statements each cost. */
async function both(query: string, variables: Record<string, unknown> = {}, key?: string) {
  const run = async (q: string) => {
    const before = g.queries.count;
    const r: GqlResult = await g.gql(q, variables, key);
    return { r, statements: g.queries.count - before };
  };
  const compiled = await run(query.replaceAll('@@', ''));
  const regular = await run(query.replaceAll('@@', '@include(if: true)'));
  return { compiled, regular };
}

/** Asserts equal answers, and that the compiled one took a statement per root field. */
async function same(
  query: string,
  variables: Record<string, unknown> = {},
  opts: { key?: string; roots?: number } = {},
) {
  const { compiled, regular } = await both(query, variables, opts.key);
  expect(compiled.r.errors).toBeUndefined();
  expect(compiled.r).toEqual(regular.r);
  // A partner key costs its lookup first.
  expect(compiled.statements).toBe((opts.roots ?? 1) + (opts.key ? 1 : 0));
  return compiled.r.data;
}

const PAGE = `query Page($id: ID!) {
  account(id: $id) @@ {
    __typename id name email createdAt balance
    soon: expiringCredits(withinDays: 2000)
    licenses { ...Lic }
    live: creditLots { id expired }
    creditLots(includeExpired: true) {
      id source originalCredits remainingCredits spentCredits refundedCredits expiredCredits
      createdAt expiresAt paymentReference expired __typename
    }
    tickets(first: 2) {
      totalCount __typename
      pageInfo { hasNextPage endCursor }
      nodes {
        id subject category level status openedAt price { min max included __typename }
        charge { id credits included balanceAfter createdAt }
      }
    }
  }
}
fragment Lic on License {
  id edition hostingPlan domain orderDate listPriceCents paidPriceCents creditsGranted grantNote
  creditLot { id expiresAt expired }
}`;

const TICKETS = `query T($id: ID!, $first: Int, $after: String, $status: TicketStatus) {
  account(id: $id) @@ {
    tickets(first: $first, after: $after, status: $status) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id status }
    }
  }
}`;

const LIST = `query L($first: Int, $after: String, $search: String) {
  accounts(first: $first, after: $after, search: $search) @@ {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name balance licenses { id creditsGranted } creditLots(includeExpired: true) { id expiresAt } }
  }
}`;

describe('compiled reads answer what the resolvers answer', () => {
  it('the account page, with fragments, aliases, __typename, expiry and charges', async () => {
    for (const id of accounts) {
      const d = (await same(PAGE, { id })) as {
        account: { creditLots: { expired: boolean }[]; live: unknown[] };
      };
      // The data is worth comparing: some lots expired, so the live list is shorter.
      expect(d.account.creditLots.some((l) => l.expired)).toBe(true);
      expect(d.account.live.length).toBeLessThan(d.account.creditLots.length);
    }
  });

  it("a ticket page's cursor, status filter, empty and short pages", async () => {
    const id = accounts[0]!;
    const first = (await same(TICKETS, { id, first: 2 })) as {
      account: { tickets: { pageInfo: { hasNextPage: boolean; endCursor: string } } };
    };
    expect(first.account.tickets.pageInfo.hasNextPage).toBe(true);
    const after = first.account.tickets.pageInfo.endCursor;
    await same(TICKETS, { id, first: 2, after });
    await same(TICKETS, { id, first: 0, after });
    await same(TICKETS, { id, first: 0 });
    await same(TICKETS, { id, status: 'CHARGED' });
    await same(TICKETS, { id, status: 'OPEN', first: 100 });
  });

  it('a point lookup, a missing account, two root fields', async () => {
    await same('query($id: ID!) { account(id: $id) @@ { id name email balance } }', {
      id: accounts[3],
    });
    await same('{ account(id: "019b0000-0000-7000-8000-000000000000") @@ { id } }');
    await same(
      `query($a: ID!, $b: ID!) { a: account(id: $a) @@ { id balance } b: account(id: $b) @@ { name } __typename }`,
      { a: accounts[0], b: accounts[1] },
      { roots: 2 },
    );
  });

  it('pages of accounts: cursors, search (wildcards literal), and flat in page size', async () => {
    const d = (await same(LIST, { first: 2 })) as {
      accounts: { pageInfo: { endCursor: string } };
    };
    await same(LIST, { first: 2, after: d.accounts.pageInfo.endCursor });
    await same(LIST, { first: 20 });
    await same(LIST, { first: 3, search: 'shop' });
    await same(LIST, { search: '%' });
    await same(LIST, { first: 0 });
  });

  it("a partner key sees its own accounts only, an other's as missing", async () => {
    const key = partner.secret;
    await same(PAGE, { id: accounts[1] }, { key });
    const hidden = (await same(PAGE, { id: accounts[0] }, { key })) as { account: unknown };
    expect(hidden.account).toBeNull();
    const list = (await same(LIST, { first: 20 }, { key })) as {
      accounts: { totalCount: number; nodes: { id: string }[] };
    };
    expect(list.accounts.totalCount).toBe(2);
    expect(list.accounts.nodes.map((n) => n.id).sort()).toEqual([accounts[1], accounts[2]].sort());
  });

  it('a GET request is compiled too (through the Apollo plugin)', async () => {
    const query = 'query($id: ID!) { account(id: $id) { id name balance } }';
    const variables = JSON.stringify({ id: accounts[2] });
    const before = g.queries.count;
    const res = await fetch(
      `${g.url}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}`,
      { headers: { authorization: `Bearer ${ADMIN_KEY}`, 'apollo-require-preflight': 'true' } },
    );
    expect(g.queries.count - before).toBe(1);
    const regular = await g.gql(
      query.replace('account(id: $id)', 'account(id: $id) @include(if: true)'),
      {
        id: accounts[2],
      },
    );
    expect(((await res.json()) as { data: unknown }).data).toEqual(regular.data);
  });

  it('bad arguments get the resolvers’ errors', async () => {
    for (const [query, variables] of [
      [TICKETS, { id: accounts[0], first: 500 }],
      [TICKETS, { id: accounts[0], after: 'not-a-cursor' }],
      [TICKETS, { id: 'not-an-id' }],
      [LIST, { search: 'x'.repeat(201) }],
      [PAGE.replace('withinDays: 2000', 'withinDays: 5000'), { id: accounts[0] }],
    ] as const) {
      const { compiled, regular } = await both(query, variables);
      expect(compiled.r.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(compiled.r).toEqual(regular.r);
    }
  });

  it('fields it does not compile go through the resolvers unchanged', async () => {
    const q = `query($id: ID!) { account(id: $id) { id balance(asOf: "2020-01-01T00:00:00Z") ledger { totalCount } } }`;
    const before = g.queries.count;
    const r = await g.gql(q, { id: accounts[0] });
    expect(r.errors).toBeUndefined();
    expect(g.queries.count - before).toBeGreaterThan(1);
  });
});
