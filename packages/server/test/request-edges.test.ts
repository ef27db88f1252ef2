import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARGE, createAccount, issueLicense, openTicket, purchase } from './support/fixtures';
import { graphql } from './gql';
import { ADMIN_KEY, type GqlError, type TestGateway, startGateway } from './support/gateway';
import { present } from './support/results';

let g: TestGateway;
beforeAll(async () => {
  g = await startGateway();
});
afterAll(() => g.close());

describe('requests at the edges', () => {
  it('a document with two mutations reads fresh figures after each', async () => {
    const acc = await createAccount(g);
    const r = await g.ok(
      graphql(`
        mutation EdgesTwoPurchases($a: ID!) {
          p1: purchaseCredits(input: { accountId: $a, credits: 100, paymentReference: "fresh-1" }) {
            account {
              balance
            }
          }
          p2: purchaseCredits(input: { accountId: $a, credits: 50, paymentReference: "fresh-2" }) {
            account {
              balance
            }
          }
        }
      `),
      { a: acc },
    );
    expect([r.p1.account.balance, r.p2.account.balance]).toEqual([100, 150]);
  });

  it('a NUL byte in a search is BAD_USER_INPUT, not a 500', async () => {
    const r = await g.gql(
      graphql(`
        query EdgesSearch($s: String) {
          accounts(search: $s) {
            totalCount
          }
        }
      `),
      { s: 'a\u0000b' },
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });

  it("body-parser's refusals are the client's: an unsupported charset is a 4xx BAD_REQUEST", async () => {
    const res = await fetch(`${g.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=latin1',
        authorization: `Bearer ${ADMIN_KEY}`,
      },
      body: JSON.stringify({
        query: graphql(`
          query EdgesMe {
            me {
              role
            }
          }
        `).toString(),
      }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const body = (await res.json()) as { errors: GqlError[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('POST /graphql answers alike on its node:http path and through Express (a gzip body)', async () => {
    const query = graphql(`
      query EdgesMeBoth {
        me {
          role
        }
      }
    `).toString();
    const body = JSON.stringify({ query });
    const post = (headers: Record<string, string>, payload: BodyInit) =>
      fetch(`${g.url}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'x-request-id': 'edges-both', ...headers },
        body: payload,
      });
    const plain = await post({ 'content-type': 'application/json' }, body);
    const zipped = await post(
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(body),
    );
    for (const res of [plain, zipped]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('edges-both');
      expect(await res.json()).toEqual({ data: { me: { role: 'ADMIN' } } });
    }
    const broken = await post({ 'content-type': 'application/json' }, '{"query": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errors: GqlError[] }).errors[0]).toMatchObject({
      message: 'The request body is not valid JSON.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('the token limit holds for GET requests too', async () => {
    // Over 5000 tokens in a URL short enough for Node's header limit: one-letter
    // names, and '+' for each space.
    const query = `{+${Array.from({ length: 5100 }, () => 'x').join('+')}+}`;
    const res = await fetch(`${g.url}/graphql?query=${query}`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { data?: unknown; errors: GqlError[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('an empty page (first: 0) ends at the cursor it started from', async () => {
    await createAccount(g);
    const page1 = await g.ok(
      graphql(`
        query EdgesFirstPage {
          accounts(first: 1) {
            pageInfo {
              endCursor
            }
          }
        }
      `),
    );
    const cursor = present(page1.accounts.pageInfo.endCursor, "the first page's end cursor");
    const empty = await g.ok(
      graphql(`
        query EdgesEmptyPage($c: String) {
          accounts(first: 0, after: $c) {
            nodes {
              id
            }
            pageInfo {
              endCursor
            }
          }
        }
      `),
      { c: cursor },
    );
    expect(empty.accounts.nodes).toEqual([]);
    expect(empty.accounts.pageInfo.endCursor).toBe(cursor);
  });

  it("opening a ticket does not queue behind a ledger writer's account lock", async () => {
    const acc = await createAccount(g);
    const lic = await issueLicense(g, acc, { edition: 'OWNED' });
    const runner = g.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // The lock every ledger writer takes on the account row.
      await runner.query('SELECT 1 FROM accounts WHERE id = $1 FOR NO KEY UPDATE', [acc]);
      const opened = await Promise.race([
        openTicket(g, lic.id).then(() => 'opened'),
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
      ]);
      expect(opened).toBe('opened');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('a storm of charges queued on one account leaves connections for everything else', async () => {
    const acc = await createAccount(g);
    const lic = await issueLicense(g, acc, {
      edition: 'OWNED',
      listPriceCents: 10_000,
      paidPriceCents: 5_000,
    }); // no grant
    await purchase(g, acc, 40 * 20);
    const tickets = await Promise.all(Array.from({ length: 40 }, () => openTicket(g, lic.id)));

    const runner = g.ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query('SELECT 1 FROM accounts WHERE id = $1 FOR NO KEY UPDATE', [acc]);
    // 40 charges against a 30-connection pool, all queued on the lock held above.
    const charges = tickets.map((ticketId) => g.gql(CHARGE, { i: { ticketId, credits: 20 } }));
    try {
      for (let i = 0; ; i++) {
        const [{ n }] = await g.ds.query<[{ n: number }]>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        if (n >= 10) break;
        if (i > 1_000) throw new Error(`only ${n} charges reached the account lock`);
        await new Promise((r) => setTimeout(r, 5));
      }
      const read = await Promise.race([
        g
          .ok(
            graphql(`
              query EdgesRead {
                accounts(first: 1) {
                  totalCount
                }
              }
            `),
          )
          .then(() => 'read'),
        new Promise((resolve) => setTimeout(() => resolve('starved'), 5_000)),
      ]);
      expect(read).toBe('read');
    } finally {
      await runner.commitTransaction();
      await runner.release();
    }
    const results = await Promise.all(charges);
    expect(results.filter((r) => r.errors)).toEqual([]);
  });
});
