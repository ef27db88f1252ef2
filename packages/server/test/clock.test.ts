import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import { graphql } from './gql';
import { balance, createAccount, issueLicense, monthsAgo } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { present } from './support/results';

// The gateway takes every instant from its Clock, so a test moves time instead
// of waiting for it: a lot dies exactly when the clock reaches its expiry.
describe('time comes from the clock the gateway is given', () => {
  const start = new Date('2026-06-15T12:00:00.000Z');
  const clock = new ManualClock(start);
  let g: TestGateway;
  beforeAll(async () => {
    g = await startGateway({ clock });
  });
  afterAll(() => g.close());

  it('P19 a grant lot is spendable until the instant it expires, then expireCredits records it once', async () => {
    const acc = await createAccount(g);
    // Ordered 12 months ago: the grant expires 12 months after the order date (P3).
    const lic = await issueLicense(g, acc, { edition: 'OWNED', orderDate: monthsAgo(11, start) });
    const expiresAt = new Date(present(present(lic.creditLot).expiresAt));
    expect(await balance(g, acc)).toBe(200);

    clock.set(new Date(expiresAt.getTime() - 1));
    expect(await balance(g, acc)).toBe(200);

    clock.set(expiresAt);
    expect(await balance(g, acc)).toBe(0);

    const expire = graphql(`
      mutation ClockExpire {
        expireCredits
      }
    `);
    expect((await g.ok(expire)).expireCredits).toBe(1);
    expect((await g.ok(expire)).expireCredits).toBe(0);
    const { account } = await g.ok(
      graphql(`
        query ClockLedger($id: ID!) {
          account(id: $id) {
            ledger {
              nodes {
                kind
                credits
                at
              }
            }
          }
        }
      `),
      { id: acc },
    );
    const expiry = present(account).ledger.nodes.find((e) => e.kind === 'EXPIRY');
    expect(expiry).toMatchObject({ credits: -200 });
    // Recorded at the clock's instant, not the machine's.
    expect(new Date(expiry!.at).getTime()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect(new Date(expiry!.at).getTime()).toBeLessThan(expiresAt.getTime() + 1_000);
  });
});
