import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { MAX_STATEMENT_NAMES, statementNamesKept } from '../src/db/prepared';
import { MAX_PREPARED_PER_CONNECTION } from '../src/graphql/compiled-reads/executor';
import { buildGatewaySchema } from '../src/graphql/schema';
import { type Gateway, createGateway } from '../src/http/app';
import {
  CHARGE,
  REFUND,
  createAccount,
  createKey,
  issueLicense,
  monthsAgo,
  openTicket,
  purchase,
} from './support/fixtures';
import { getOperationAST, parse, print } from 'graphql';
import { balanceNowSql } from '../src/db/read-rules';
import { compileOperation } from '../src/graphql/compiled-reads/compile';
import { addTypename, dashboardQuery } from './support/dashboard-documents';
import {
  ADMIN_KEY,
  type Gql,
  type GqlResult,
  type TestGateway,
  clientFor,
  startGateway,
} from './support/gateway';

// Compiled reads (graphql/compiled-reads) must answer exactly what the
// resolvers and DataLoaders answer. Each query here runs twice on the same
// data: through the gateway (compiled: one SQL statement per root field) and
// through a second gateway on the same database with compiled reads off.

let g: TestGateway;
/** The same database with compiled reads off: the resolvers' answers. */
let resolvers: { gateway: Gateway; gql: Gql };
let accounts: string[];
/** Per account, a charged ticket (the first one refunded) and an open one. */
let tickets: { charged: string; open: string; first: string }[];
/** Per account, the license of its open tickets. */
let licenses: string[];
let partner: { id: string; secret: string };

beforeAll(async () => {
  g = await startGateway();
  accounts = [];
  tickets = [];
  licenses = [];
  for (let i = 0; i < 4; i++) {
    const acc = await createAccount(g);
    // An old order: its grant lot has expired by now (read-time expiry, P20).
    const old = await issueLicense(g, acc, { edition: 'OWNED', orderDate: monthsAgo(30) });
    const lic = await issueLicense(g, acc, { edition: 'OWNED' });
    await purchase(g, acc, 100 + i);
    const opened: string[] = [];
    for (let t = 0; t < 3; t++) {
      const ticket = await openTicket(g, t === 0 ? old.id : lic.id);
      if (t < 2) await g.ok(CHARGE, { i: { ticketId: ticket, credits: 20 + t } });
      opened.push(ticket);
    }
    if (i === 0) {
      // A refund, and a threshold the next charge falls below: a low-balance notice.
      await g.ok(REFUND, { i: { ticketId: opened[0]!, reason: 'Sorry' } });
      await g.ok(
        'mutation($a: ID!) { setLowBalanceThreshold(accountId: $a, threshold: 100000) { id } }',
        { a: acc },
      );
      await g.ok(CHARGE, { i: { ticketId: await openTicket(g, lic.id), credits: 25 } });
    }
    tickets.push({ charged: opened[1]!, open: opened[2]!, first: opened[0]! });
    accounts.push(acc);
    licenses.push(lic.id);
  }
  partner = await createKey(g, 'PARTNER', [accounts[1]!, accounts[2]!]);
  const gateway = await createGateway({
    ds: g.ds,
    schema: await buildGatewaySchema(),
    config: {
      adminKey: ADMIN_KEY,
      bodyLimit: '100kb',
      webDist: '/nonexistent',
      compiledReads: false,
      dbPreparedStatements: !process.env.TEST_PGBOUNCER_URL,
    },
    log: pino({ level: 'silent' }),
  });
  resolvers = { gateway, gql: clientFor(await gateway.listen(0, '127.0.0.1')).gql };
});
afterAll(async () => {
  await resolvers?.gateway.close();
  await g.close();
});

/**
 * Waits until no statement has been sent for a moment: graphql-js answers a
 * request whose error nulls the data while sibling loads still run, and
 * those must not count against the next request.
 */
async function settled() {
  for (;;) {
    const n = g.queries.count;
    await new Promise((r) => setTimeout(r, 20));
    if (g.queries.count === n) return;
  }
}

/** The query compiled and through the resolvers, with the statements each cost. */
async function both(query: string, variables: Record<string, unknown> = {}, key?: string) {
  const run = async (gql: Gql) => {
    await settled();
    const before = g.queries.count;
    const r: GqlResult = await gql(query, variables, key);
    return { r, statements: g.queries.count - before };
  };
  const compiled = await run(g.gql);
  const regular = await run(resolvers.gql);
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
  account(id: $id) {
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
  account(id: $id) {
    tickets(first: $first, after: $after, status: $status) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id status }
    }
  }
}`;

const LIST = `query L($first: Int, $after: String, $search: String) {
  accounts(first: $first, after: $after, search: $search) {
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
    await same('query($id: ID!) { account(id: $id) { id name email balance } }', {
      id: accounts[3],
    });
    await same('{ account(id: "019b0000-0000-7000-8000-000000000000") { id } }');
    await same(
      `query($a: ID!, $b: ID!) { a: account(id: $a) { id balance } b: account(id: $b) { name } __typename }`,
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
    const regular = await resolvers.gql(query, { id: accounts[2] });
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

  it("balance(asOf:) in the past, the future, null; a bad instant is the resolvers' error", async () => {
    const q = `query($id: ID!, $at: DateTimeISO) { account(id: $id) {
      id now: balance then: balance(asOf: $at) ledger { totalCount } } }`;
    for (const id of accounts)
      for (const at of [
        '2020-01-01T00:00:00.000Z',
        monthsAgo(20).toISOString(),
        '2100-01-01T00:00:00Z',
        null,
      ])
        await same(q, { id, at });
    const { compiled, regular } = await both(q, { id: accounts[0], at: '1960-01-01T00:00:00Z' });
    expect(compiled.r.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(compiled.r).toEqual(regular.r);
  });
});

/** A POST with headers of the test's choosing: status, content type and body. */
async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${g.url}/graphql`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${ADMIN_KEY}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

describe('compiled reads: the edges the resolvers define', () => {
  it('a connection without nodes is one object whatever the row count (none, one, many)', async () => {
    await same('{ accounts(search: "no-match-anywhere") { totalCount } }');
    await same('{ accounts { __typename } }');
    await same('{ accounts(first: 1) { totalCount pageInfo { hasNextPage } } }');
    for (const id of accounts)
      await same(
        `query($id: ID!) { account(id: $id) {
          openTickets: tickets(status: OPEN, first: 0) { totalCount }
          all: tickets { __typename totalCount } } }`,
        { id },
      );
    const empty = await createKey(g, 'PARTNER', []);
    const d = (await same('{ accounts { totalCount } }', {}, { key: empty.secret })) as {
      accounts: { totalCount: number };
    };
    expect(d.accounts.totalCount).toBe(0);
  });

  it('License.creditLot without a field that reads the instant', async () => {
    await same(
      'query($id: ID!) { account(id: $id) { licenses { id creditLot { id remainingCredits } } } }',
      { id: accounts[0] },
    );
  });

  it('a compiled statement that fails is tried once, then the resolvers answer', async () => {
    const q = `query($id: ID!) { account(id: $id) { tickets(status: OPEN) { totalCount } } }`;
    const regular = await resolvers.gql(q, { id: accounts[0] });
    // Only the compiled SQL names the enum's type: renamed, only it fails.
    await g.ds.query('ALTER TYPE ticket_status RENAME TO ticket_status_renamed');
    try {
      const before = g.queries.count;
      const r = await g.gql(q, { id: accounts[0] });
      expect(r).toEqual(regular);
      // One compiled attempt, then the resolvers' statements (which do not fail).
      const statements = g.queries.count - before;
      const resolverOnly = await (async () => {
        const b = g.queries.count;
        await resolvers.gql(q, { id: accounts[0] });
        return g.queries.count - b;
      })();
      expect(statements).toBe(resolverOnly + 1);
    } finally {
      await g.ds.query('ALTER TYPE ticket_status_renamed RENAME TO ticket_status');
    }
  });

  it("a summary group past GraphQL's Int is the resolvers' BAD_USER_INPUT", async () => {
    const q = '{ chargeSummary(groupBy: MONTH) { key credits } }';
    // A rollup delta no charge could reach at 60 credits each (reads add daily rows and deltas).
    await g.ds.query(
      `INSERT INTO charge_rollup_delta (day, category, edition, included, refunded, charges, credits, refunded_credits)
       VALUES ('2001-01-15', 'SETUP', 'OWNED', false, false, 1, 3000000000, 0)`,
    );
    try {
      const { compiled, regular } = await both(q);
      expect(compiled.r.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(compiled.r).toEqual(regular.r);
      // The compiled statement answered null; the resolvers' one statement then.
      expect(compiled.statements).toBe(regular.statements + 1);
    } finally {
      await g.ds.query(`DELETE FROM charge_rollup_delta WHERE day = '2001-01-15'`);
    }
    await same(q);
  });

  it('the short path answers in the media type the client accepts, as Apollo does', async () => {
    const body = {
      query: 'query($id: ID!) { account(id: $id) { id } }',
      variables: { id: accounts[0] },
    };
    const before = g.queries.count;
    const r = await post(body, { accept: 'application/graphql-response+json' });
    expect(g.queries.count - before).toBe(1);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/graphql-response+json; charset=utf-8');
    const plain = await post(body, { accept: 'application/json' });
    expect(plain.type).toBe('application/json; charset=utf-8');
    const none = await post(body);
    expect(none.type).toBe('application/json; charset=utf-8');
    // Neither JSON type acceptable: Apollo's 406.
    const refused = await post(body, { accept: 'text/html' });
    expect(refused.status).toBe(406);
  });

  it('several operations and no operationName, or an unknown one, is a 400', async () => {
    const query = '{ a: accounts { totalCount } } query B { accounts { totalCount } }';
    for (const body of [
      { query: 'query A { accounts { totalCount } } query B { accounts { totalCount } }' },
      { query: 'query A { accounts { totalCount } }', operationName: 'C' },
      { query, operationName: 'Nope' },
    ]) {
      const r = await post(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect((JSON.parse(r.body) as { errors: unknown[] }).errors).toHaveLength(1);
    }
    // And the named one still answers.
    const ok = await post({
      query: 'query A { accounts { totalCount } } query B { x: accounts { totalCount } }',
      operationName: 'B',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ data: { x: { totalCount: accounts.length } } });
  });
});

describe('compiled reads: per root field, documents as clients send them', () => {
  it('a root field it does not compile goes to the resolvers alone, spliced in order', async () => {
    const other = `{ ticket(id: "not-an-id") { id } mailbox { id } creditLiability { credits } }`;
    const alone = await both(other);
    const q = `query($id: ID!) {
      first: account(id: $id) { id name }
      ticket(id: "not-an-id") { id }
      mailbox { id }
      last: accounts(first: 1) { totalCount }
      creditLiability { credits }
    }`;
    const { compiled, regular } = await both(q, { id: accounts[0] });
    expect(compiled.r).toEqual(regular.r);
    expect(Object.keys(compiled.r.data as object)).toEqual([
      'first',
      'ticket',
      'mailbox',
      'last',
      'creditLiability',
    ]);
    expect(compiled.r.errors?.[0]?.path).toEqual(['ticket']);
    // Two compiled statements, and the other roots what they cost alone.
    expect(compiled.statements).toBe(2 + alone.regular.statements);
  });

  it('repeated fields merge, as GraphQL merges them (Apollo Client adds __typename twice)', async () => {
    await same(
      `query($id: ID!) { account(id: $id) { __typename id id name ...A __typename
         tickets(first: 1) { nodes { id } } tickets(first: 1) { __typename totalCount nodes { status } }
         creditLots { id } creditLots { expired __typename } } }
       fragment A on Account { id email __typename licenses { id } licenses { edition } }`,
      { id: accounts[0] },
    );
    await same(
      `{ accounts { __typename nodes { id __typename } nodes { id name } totalCount } accounts { totalCount } }`,
    );
  });

  it('@include and @skip, literal or from variables (with defaults), decide the SQL', async () => {
    const q = `query($id: ID!, $lots: Boolean!, $skipName: Boolean = true) {
      account(id: $id) {
        id
        name @skip(if: $skipName)
        creditLots @include(if: $lots) { id }
        ... on Account @include(if: $lots) { email }
        ...F @skip(if: false)
        balance @include(if: false)
      }
    }
    fragment F on Account { createdAt @include(if: true) }`;
    for (const vars of [
      { lots: true },
      { lots: false },
      { lots: true, skipName: false },
      { lots: false, skipName: false },
    ]) {
      const d = (await same(q, { id: accounts[1], ...vars })) as {
        account: Record<string, unknown>;
      };
      expect('creditLots' in d.account).toBe(vars.lots);
      expect('name' in d.account).toBe(vars.skipName === false);
      expect('balance' in d.account).toBe(false);
    }
    // A page size from a variable's default.
    await same(
      'query($n: Int = 1) { accounts(first: $n) { nodes { id } pageInfo { hasNextPage } } }',
    );
  });
});

describe("compiled reads: the dashboard's pages as Apollo Client sends them", () => {
  it('AccountPage: one statement, the same answer', async () => {
    const q = dashboardQuery('AccountPage');
    for (const id of accounts) {
      const d = (await same(q, { id })) as { account: Record<string, { totalCount?: number }> };
      expect(d.account.ledger!.totalCount).toBeGreaterThan(0);
      expect(d.account.statements!.totalCount).toBeGreaterThan(0);
    }
    const d = (await same(q, { id: accounts[0] })) as {
      account: { lowBalanceNotices: unknown[]; lowBalance: { isBelow: boolean } };
    };
    expect(d.account.lowBalanceNotices.length).toBe(1);
    expect(d.account.lowBalance.isBelow).toBe(true);
    await same(q, { id: accounts[1] }, { key: partner.secret });
    await same(q, { id: accounts[0] }, { key: partner.secret });
  });

  it('AccountPage reads the balance now once (balance, lowBalance.balance and isBelow share it)', async () => {
    const doc = parse(dashboardQuery('AccountPage'));
    const plan = compileOperation(await buildGatewaySchema(), doc, getOperationAST(doc)!, false, {
      id: accounts[0],
    });
    const root = plan!.compiled[0] as { sql: string };
    const rule = balanceNowSql('x', 'y');
    const head = rule.slice(0, rule.indexOf('x'));
    expect(root.sql.split(head)).toHaveLength(2);
  });

  it('AccountsPage: one statement, the same answer', async () => {
    const q = dashboardQuery('AccountsPage');
    await same(q, { first: 20 });
    await same(q, { first: 2, search: 'shop' });
    await same(q, { first: 20 }, { key: partner.secret });
  });

  it('TicketPage: one statement, the same answer (open, charged, refunded, hidden, missing)', async () => {
    const q = dashboardQuery('TicketPage');
    for (const t of tickets) for (const id of [t.first, t.charged, t.open]) await same(q, { id });
    const refunded = (await same(q, { id: tickets[0]!.first })) as {
      ticket: { refund: unknown; history: unknown[] };
    };
    expect(refunded.ticket.refund).not.toBeNull();
    expect(refunded.ticket.history).toHaveLength(3);
    await same(q, { id: '019b0000-0000-7000-8000-000000000000' });
    await same(q, { id: tickets[1]!.charged }, { key: partner.secret });
    const hidden = (await same(q, { id: tickets[0]!.charged }, { key: partner.secret })) as {
      ticket: unknown;
    };
    expect(hidden.ticket).toBeNull();
  });

  it("Quote: one statement; a license not found or hidden is the resolvers' NOT_FOUND", async () => {
    const q = dashboardQuery('Quote');
    for (const licenseId of licenses)
      for (const category of ['GENERAL_ISSUE', 'ROOT_CAUSE_DEBUGGING', 'DOMAIN_CHANGE'])
        await same(q, { licenseId, category });
    const free = await issueLicense(g, accounts[2]!, {
      edition: 'SAAS',
      hostingPlan: 'PROFESSIONAL',
    });
    const d = (await same(q, { licenseId: free.id, category: 'SETUP' })) as {
      quote: { price: { included: boolean } };
    };
    expect(d.quote.price.included).toBe(true);
    await same(q, { licenseId: licenses[1], category: 'SETUP' }, { key: partner.secret });
    for (const [licenseId, key] of [
      ['019b0000-0000-7000-8000-000000000000', undefined],
      [licenses[0]!, partner.secret],
    ] as const) {
      const { compiled, regular } = await both(q, { licenseId, category: 'SETUP' }, key);
      expect(compiled.r.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      expect(compiled.r).toEqual(regular.r);
    }
  });
});

describe("compiled reads: the dashboard's smaller reads", () => {
  it('AccountLedgerMore, AccountTicketsMore, AccountName, AccountSearch, AccountPicker, ExplorerSeed: one statement each', async () => {
    const id = accounts[0]!;
    const ledger = (await same(dashboardQuery('AccountLedgerMore'), { id, first: 2 })) as {
      account: { ledger: { pageInfo: { endCursor: string } } };
    };
    await same(dashboardQuery('AccountLedgerMore'), {
      id,
      first: 2,
      after: ledger.account.ledger.pageInfo.endCursor,
    });
    await same(dashboardQuery('AccountTicketsMore'), { id, first: 2 });
    await same(dashboardQuery('AccountName'), { id });
    await same(dashboardQuery('AccountSearch'), { search: 'shop' });
    await same(dashboardQuery('AccountPicker'), { search: 'shop' });
    await same(dashboardQuery('AccountPicker'), {});
    await same(dashboardQuery('ExplorerSeed'));
  });
});

describe("compiled reads: the example partner client's reads", () => {
  it('LedgerPage and AccountName as Apollo Client sends them: one statement each (Quote: above)', async () => {
    const sent = (q: string) => print(addTypename(parse(q)));
    const key = partner.secret;
    const ledger = sent(`query LedgerPage($accountId: ID!, $first: Int!, $after: String) {
      account(id: $accountId) { balance ledger(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id at kind credits } } } }`);
    const d = (await same(ledger, { accountId: accounts[1], first: 3 }, { key })) as {
      account: { ledger: { pageInfo: { endCursor: string } } };
    };
    await same(
      ledger,
      { accountId: accounts[1], first: 3, after: d.account.ledger.pageInfo.endCursor },
      { key },
    );
    await same(ledger, { accountId: accounts[0], first: 3 }, { key });
    await same(
      sent('query AccountName($id: ID!) { account(id: $id) { id name } }'),
      { id: accounts[2] },
      { key },
    );
  });
});

describe('compiled reads: statements per request, each dashboard document', () => {
  it('one statement per root field that reads the database; the resolvers for comparison', async () => {
    const id = accounts[0]!;
    const since = {
      from: monthsAgo(1).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
    };
    // Expected statements on the compiled path (an admin key: no key lookup); null: left to the resolvers.
    const documents: [string, Record<string, unknown>, number | null][] = [
      ['Viewer', {}, 0],
      ['SignInCheck', {}, 0],
      ['AccountPage', { id }, 1],
      ['AccountLedgerMore', { id, first: 25 }, 1],
      ['AccountTicketsMore', { id, first: 20 }, 1],
      [
        'GrantPreview',
        { input: { edition: 'OWNED', listPriceCents: 1000, paidPriceCents: 900 } },
        0,
      ],
      ['TicketCategories', {}, 0],
      ['Quote', { licenseId: licenses[0], category: 'SETUP' }, 1],
      ['AccountsPage', { first: 20 }, 1],
      ['AccountActivity', { filter: { accountId: id }, first: 20 }, 1],
      ['AuditPage', { first: 50 }, 1],
      ['ChargesPage', { filter: since, first: 50 }, 3],
      ['ChargesMore', { first: 50 }, 1],
      ['ExplorerSeed', {}, 1],
      ['FinancePage', { ...since, asOf: since.to }, null],
      ['AccountPicker', { search: 'shop' }, 1],
      ['KeysPage', {}, 1],
      ['Mailbox', {}, null],
      ['OperationsPage', {}, 3],
      ['Pricing', {}, 0],
      ['TicketPage', { id: tickets[0]!.first }, 1],
      ['ChargeDialog', { id: tickets[0]!.open }, 1],
      ['TicketQueue', { filter: { status: 'OPEN' }, counts: {}, first: 20 }, 2],
      ['WebhookEndpointsPage', {}, 1],
      ['CategoryTitles', {}, 0],
      ['AccountSearch', { search: 'shop' }, 1],
      ['AccountName', { id }, 1],
    ];
    const table: string[] = [];
    for (const [name, variables, expected] of documents) {
      const { compiled, regular } = await both(dashboardQuery(name), variables);
      // The next expiry run is a minute from now: the two requests may straddle a minute.
      const untimed = (r: unknown) =>
        JSON.parse(JSON.stringify(r).replace(/"nextRunAt":"[^"]*"/, '"nextRunAt":"-"')) as unknown;
      expect(untimed(compiled.r), name).toEqual(untimed(regular.r));
      expect(compiled.r.errors, name).toBeUndefined();
      if (expected !== null) expect(compiled.statements, name).toBe(expected);
      table.push(
        `${name.padEnd(22)} compiled ${String(compiled.statements).padStart(2)}  resolvers ${String(regular.statements).padStart(2)}`,
      );
    }
    console.log(`statements per request (admin key):\n${table.join('\n')}`);
  });
});

describe('compiled reads: statements stay bounded', () => {
  it.skipIf(process.env.TEST_PGBOUNCER_URL)(
    'thousands of distinct documents keep each backend and the maps under their bounds',
    async () => {
      const distinct = 2200;
      // Eight clients at once; each document twice (one seen once is not even prepared).
      const send = async (i: number) => {
        const q = `{ accounts(first: 1) { t${i}: totalCount } }`;
        for (let k = 0; k < 2; k++) expect((await g.gql(q)).errors).toBeUndefined();
      };
      for (let i = 0; i < distinct; i += 8)
        await Promise.all(Array.from({ length: 8 }, (_, j) => send(i + j)));
      const pool = (g.ds.driver as unknown as { master: Pool }).master;
      const clients = await Promise.all(
        Array.from({ length: pool.totalCount }, () => pool.connect()),
      );
      try {
        const counts = await Promise.all(
          clients.map(async (c) => {
            const r = await c.query<{ n: number }>(
              'SELECT count(*)::int AS n FROM pg_prepared_statements',
            );
            return r.rows[0]!.n;
          }),
        );
        // Besides the compiled reads. bound, the fixed statements of db/prepared's callers.
        expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION + 20);
        // And the documents did reach the bound somewhere.
        expect(Math.max(...counts)).toBeGreaterThanOrEqual(MAX_PREPARED_PER_CONNECTION);
      } finally {
        for (const c of clients) c.release();
      }
      expect(statementNamesKept()).toBeLessThanOrEqual(MAX_STATEMENT_NAMES);
      // Evicted statements are prepared again when their document returns.
      for (let k = 0; k < 3; k++)
        expect((await g.gql('{ accounts(first: 1) { t0: totalCount } }')).errors).toBeUndefined();
    },
    120_000,
  );
});
