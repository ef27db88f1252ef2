import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { expectBadInput, expectCode, randomId } from './support/access-helpers';
import { createAccount, createKey } from './support/fixtures';
import { ADMIN_KEY, type TestGateway, startGateway } from './support/gateway';
import { present } from './support/results';

// What the dashboard's keys page relies on: when a key was last used (written
// at most once a minute), its scope by name, and editing a partner's scope.

let g: TestGateway;
beforeAll(async () => {
  g = await startGateway();
});
afterAll(() => g.close());

const KEYS = graphql(`
  query KeysRows {
    apiKeys {
      id
      role
      lastUsedAt
      accountIds
      accounts {
        id
        name
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation KeysUpdateScope($i: UpdateApiKeyScopeInput!) {
    updateApiKeyScope(input: $i) {
      id
      accountIds
      accounts {
        id
      }
    }
  }
`);
const ME_ROLE = graphql(`
  query KeysMeRole {
    me {
      role
    }
  }
`);
const ME_SCOPE = graphql(`
  query KeysMeScope {
    me {
      accountIds
    }
  }
`);
const REVOKE = graphql(`
  mutation KeysRevoke($id: ID!) {
    revokeApiKey(id: $id) {
      id
    }
  }
`);

async function keyRow(id: string) {
  const d = await g.ok(KEYS);
  return present(
    d.apiKeys.find((k) => k.id === id),
    `key ${id}`,
  );
}

const storedLastUsed = async (id: string): Promise<Date | null> =>
  (
    await g.ds.query<{ last_used_at: Date | null }[]>(
      'SELECT last_used_at FROM api_keys WHERE id = $1',
      [id],
    )
  )[0]!.last_used_at;

describe('lastUsedAt', () => {
  it('is empty until the key is used, then set by its first request', async () => {
    const key = await createKey(g, 'ANALYST');
    expect((await keyRow(key.id)).lastUsedAt).toBeNull();
    await g.ok(ME_ROLE, {}, key.secret);
    const used = (await keyRow(key.id)).lastUsedAt;
    expect(used).not.toBeNull();
    const [{ now }] = await g.ds.query<[{ now: Date }]>('SELECT now() AS now');
    expect(Math.abs(now.getTime() - new Date(present(used)).getTime())).toBeLessThan(60_000);
  });

  it('is not rewritten by further requests within the minute, and is once it is a minute old', async () => {
    const key = await createKey(g, 'ANALYST');
    await g.ok(ME_ROLE, {}, key.secret);
    const first = await storedLastUsed(key.id);
    for (let i = 0; i < 5; i++) await g.ok(ME_ROLE, {}, key.secret);
    expect(await storedLastUsed(key.id)).toEqual(first);

    // As if the last request had been two minutes ago.
    await g.ds.query(
      `UPDATE api_keys SET last_used_at = last_used_at - interval '2 minutes' WHERE id = $1`,
      [key.id],
    );
    const aged = await storedLastUsed(key.id);
    await g.ok(ME_ROLE, {}, key.secret);
    const renewed = await storedLastUsed(key.id);
    expect(renewed!.getTime()).toBeGreaterThan(aged!.getTime() + 60_000);
  });

  it('many concurrent first requests write it once and all succeed', async () => {
    const key = await createKey(g, 'ANALYST');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => g.gql(ME_ROLE, {}, key.secret)),
    );
    expect(results.every((r) => r.data?.me.role === 'ANALYST')).toBe(true);
    expect(await storedLastUsed(key.id)).not.toBeNull();
  });

  it('a revoked key is neither answered nor touched', async () => {
    const key = await createKey(g, 'ANALYST');
    await g.ok(REVOKE, { id: key.id });
    const r = await g.gql(ME_ROLE, {}, key.secret);
    expect(r.status).toBe(401);
    expect(await storedLastUsed(key.id)).toBeNull();
  });
});

describe('updateApiKeyScope', () => {
  it("replaces a partner key's accounts, which the key sees on its next request", async () => {
    const [a, b, c] = [await createAccount(g), await createAccount(g), await createAccount(g)];
    const key = await createKey(g, 'PARTNER', [a, b]);
    const d = await g.ok(UPDATE, { i: { id: key.id, accountIds: [c, b, c] } });
    expect(d.updateApiKeyScope.accountIds).toEqual([b, c].sort());
    expect(d.updateApiKeyScope.accounts.map((x) => x.id).sort()).toEqual([b, c].sort());
    const me = await g.ok(ME_SCOPE, {}, key.secret);
    expect([...me.me.accountIds].sort()).toEqual([b, c].sort());
    const gone = await g.gql(
      graphql(`
        query KeysGone($id: ID!) {
          account(id: $id) {
            id
          }
        }
      `),
      { id: a },
      key.secret,
    );
    expect(gone.data?.account).toBeNull();
    const audit = await g.ds.query<{ details: { added: number; removed: number } }[]>(
      `SELECT details FROM audit_events WHERE action = 'updateApiKeyScope' AND target_id = $1`,
      [key.id],
    );
    expect(audit.map((r) => r.details)).toEqual([{ added: 1, removed: 1 }]);
  });

  it('lists the scope by name for the keys page', async () => {
    const a = await createAccount(g);
    const key = await createKey(g, 'PARTNER', [a]);
    const [{ name }] = await g.ds.query<[{ name: string }]>(
      'SELECT name FROM accounts WHERE id = $1',
      [a],
    );
    expect((await keyRow(key.id)).accounts).toEqual([{ id: a, name }]);
  });

  it('an empty scope leaves the key with no accounts', async () => {
    const a = await createAccount(g);
    const key = await createKey(g, 'PARTNER', [a]);
    await g.ok(UPDATE, { i: { id: key.id, accountIds: [] } });
    expect((await g.ok(ME_SCOPE, {}, key.secret)).me.accountIds).toEqual([]);
  });

  it('refuses other roles, revoked keys, unknown keys and unknown accounts, changing nothing', async () => {
    const a = await createAccount(g);
    const analyst = await createKey(g, 'ANALYST');
    expectBadInput(await g.gql(UPDATE, { i: { id: analyst.id, accountIds: [a] } }), 'accountIds');

    const partner = await createKey(g, 'PARTNER', [a]);
    expectBadInput(
      await g.gql(UPDATE, { i: { id: partner.id, accountIds: [a, randomId()] } }),
      'accountIds',
    );
    expect((await keyRow(partner.id)).accountIds).toEqual([a]);

    expectCode(await g.gql(UPDATE, { i: { id: randomId(), accountIds: [a] } }), 'NOT_FOUND');

    await g.ok(REVOKE, { id: partner.id });
    expectBadInput(await g.gql(UPDATE, { i: { id: partner.id, accountIds: [] } }), 'id');
    expect((await keyRow(partner.id)).accountIds).toEqual([a]);
  });
});

describe('GET /graphql', () => {
  it('sends a browser to the dashboard explorer, keeping the query string', async () => {
    const res = await fetch(`${g.url}/graphql?query=%7B%20me%20%7B%20role%20%7D%20%7D`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/explorer?query=%7B%20me%20%7B%20role%20%7D%20%7D');
  });

  it('still answers API clients asking for JSON', async () => {
    const res = await fetch(`${g.url}/graphql?query=${encodeURIComponent('{ me { role } }')}`, {
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${ADMIN_KEY}`,
        'apollo-require-preflight': 'true',
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { me: { role: 'ADMIN' } } });
  });
});
