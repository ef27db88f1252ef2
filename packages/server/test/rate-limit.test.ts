import 'reflect-metadata';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGatewaySchema } from '../src/graphql/schema';
import { createGateway, type Gateway } from '../src/http/app';
import { ADMIN_KEY, type TestGateway, startGateway } from './support/gateway';
import { createAccount, createKey } from './support/fixtures';

// Rate limits per API key, by role (RATE_LIMIT_<ROLE>), counted in Postgres
// so every gateway on the database spends from the same budget.

const LIMIT = 5;
const QUERY = '{ accounts(first: 1) { totalCount } }';

let g: TestGateway;
let second: Gateway;
let secondUrl: string;
let partnerA: string;
let partnerB: string;

async function post(url: string, key: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await res.json()) as {
    errors?: { message: string; extensions: Record<string, unknown> }[];
  };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

beforeAll(async () => {
  const config = {
    rateLimits: {
      ADMIN: null,
      SPECIALIST: null,
      PARTNER: { points: LIMIT, seconds: 60 },
      ANALYST: null,
      CUSTOMER: null,
    },
    rateLimitStore: 'postgres' as const,
  };
  g = await startGateway({ config });
  // A second gateway process on the same database, as a replica would be.
  second = await createGateway({
    ds: g.ds,
    schema: await buildGatewaySchema(),
    config: { adminKey: ADMIN_KEY, bodyLimit: '100kb', webDist: '/nonexistent', ...config },
    log: pino({ level: 'silent' }),
  });
  secondUrl = await second.listen(0, '127.0.0.1');
  const account = await createAccount(g);
  partnerA = (await createKey(g, 'PARTNER', [account])).secret;
  partnerB = (await createKey(g, 'PARTNER', [account])).secret;
});
afterAll(async () => {
  await second?.close();
  await g?.close();
});

describe('rate limits per API key', () => {
  it('answers 429 RATE_LIMITED with Retry-After past the limit, across gateways, and leaves other keys alone', async () => {
    // The budget is shared: requests to either gateway spend from it.
    for (let i = 0; i < LIMIT; i++) {
      const r = await post(i % 2 ? secondUrl : g.url, partnerA);
      expect(r.status, `request ${i + 1}`).toBe(200);
    }
    for (const url of [g.url, secondUrl]) {
      const refused = await post(url, partnerA);
      expect(refused.status).toBe(429);
      expect(refused.retryAfter).toMatch(/^[1-9]\d*$/);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        limit: LIMIT,
      });
    }
    // The export spends from the same budget.
    const exp = await fetch(`${g.url}/export/charges.csv`, {
      headers: { authorization: `Bearer ${partnerA}` },
    });
    expect(exp.status).toBe(429);
    expect(exp.headers.get('retry-after')).toMatch(/^\d+$/);

    // Another key of the same role, and a role without a limit, are unaffected.
    expect((await post(g.url, partnerB)).status).toBe(200);
    for (let i = 0; i < LIMIT * 2; i++) expect((await post(g.url, ADMIN_KEY)).status).toBe(200);

    const [{ n }] = await g.ds.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM rate_limits WHERE key LIKE 'rl_partner:%'`,
    );
    expect(n).toBe(2);
  });

  it('does not count requests without a valid key against anyone', async () => {
    const res = await post(g.url, 'cgk_unknown');
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
