import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql';
import type { DataloaderPageQuery } from './gql/graphql';
import {
  CHARGE,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { present } from './support/results';

// DataLoaders keep the number of SQL statements flat: a page of 20 accounts
// with all their relations costs exactly what a page of 2 does.

const ACCOUNTS = 20;

const PAGE = graphql(`
  query DataloaderPage($n: Int!) {
    accounts(first: $n) {
      nodes {
        id
        name
        balance
        licenses {
          id
          creditLot {
            id
          }
        }
        creditLots {
          id
        }
        tickets(first: 5) {
          nodes {
            id
            charge {
              id
              allocations {
                credits
                lot {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`);

type PageAccount = DataloaderPageQuery['accounts']['nodes'][number];

let g: TestGateway;
let accountIds: string[];

beforeAll(async () => {
  g = await startGateway();
  accountIds = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const acc = await createAccount(g);
    const lic = await issueLicense(g, acc, { edition: 'OWNED' });
    await purchase(g, acc, 50);
    const t = await openTicket(g, lic.id);
    await g.ok(CHARGE, { i: { ticketId: t, credits: 30 } });
    accountIds.push(acc);
  }
});
afterAll(() => g.close());

/** SQL statements the server sends for one request (the auth lookup included). */
async function statementsFor(n: number, key?: string) {
  const before = g.queries.count;
  const data = await g.ok(PAGE, { n }, key);
  const count = g.queries.count - before;
  return { count, nodes: data.accounts.nodes };
}

function expectFullyLoaded(nodes: PageAccount[], n: number) {
  expect(nodes).toHaveLength(n);
  for (const a of nodes) {
    expect(a.balance).toBe(200 + 50 - 30);
    expect(a.licenses).toHaveLength(1);
    expect(a.licenses[0]?.creditLot?.id).toBeTruthy();
    expect(a.creditLots).toHaveLength(2);
    expect(a.tickets.nodes).toHaveLength(1);
    const charge = a.tickets.nodes[0]?.charge;
    expect(charge?.id).toBeTruthy();
    const allocations = present(charge).allocations;
    expect(allocations.length).toBeGreaterThan(0);
    expect(allocations.reduce((s, x) => s + x.credits, 0)).toBe(30);
    for (const al of allocations) expect(al.lot.id).toBeTruthy();
  }
}

describe('SQL statements per request do not grow with the page size', () => {
  it('accounts(first: 2) and accounts(first: 20) cost the same number of statements (admin key)', async () => {
    // Warm up once, so nothing lazy (metadata, pools) lands in one count only.
    await statementsFor(2);
    const two = await statementsFor(2);
    const twenty = await statementsFor(ACCOUNTS);
    expectFullyLoaded(two.nodes, 2);
    expectFullyLoaded(twenty.nodes, ACCOUNTS);
    expect(two.count).toBeGreaterThan(0);
    expect(twenty.count, `N=2: ${two.count} statements, N=${ACCOUNTS}: ${twenty.count}`).toBe(
      two.count,
    );
  });

  it('the same holds for a PARTNER key scoped to every account (the auth lookup costs statements too)', async () => {
    const key = await createKey(g, 'PARTNER', accountIds);
    await statementsFor(2, key.secret);
    const two = await statementsFor(2, key.secret);
    const twenty = await statementsFor(ACCOUNTS, key.secret);
    expectFullyLoaded(two.nodes, 2);
    expectFullyLoaded(twenty.nodes, ACCOUNTS);
    expect(twenty.count, `N=2: ${two.count} statements, N=${ACCOUNTS}: ${twenty.count}`).toBe(
      two.count,
    );
  });

  it('and for an ANALYST key', async () => {
    const key = await createKey(g, 'ANALYST');
    const two = await statementsFor(2, key.secret);
    const twenty = await statementsFor(ACCOUNTS, key.secret);
    expectFullyLoaded(twenty.nodes, ACCOUNTS);
    expect(twenty.count).toBe(two.count);
  });

  it('the count is stable: the same request twice costs the same', async () => {
    const a = await statementsFor(ACCOUNTS);
    const b = await statementsFor(ACCOUNTS);
    expect(b.count).toBe(a.count);
  });
});
