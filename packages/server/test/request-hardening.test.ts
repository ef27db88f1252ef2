import { createHash } from 'node:crypto';
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { type DocumentNode, Kind, OperationTypeNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { MAX_PAGE_SIZE } from '../src/common/pagination';
import { queryCost } from '../src/graphql/query-cost';
import { buildGatewaySchema } from '../src/graphql/schema';
import { LIMITS } from '../src/http/app';
import { postWebhook } from '../src/webhooks/sender';
import {
  DEFAULT_WEBHOOK_PORTS,
  UnsafeUrlError,
  allowWebhookPorts,
  checkWebhookUrl,
  guardedLookup,
  isGlobalAddress,
} from '../src/webhooks/url-guard';
import {
  answerOf,
  expectBadInput,
  expectNoData,
  fingerprint,
  postRaw,
  uniq,
} from './support/access-helpers';
import {
  CHARGE,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { ADMIN_KEY, type GqlResult, type TestGateway, startGateway } from './support/gateway';

// Issue 19's request-side findings, attacked the way the review did.

let g: TestGateway;
let acc: string;
let partner: string;

beforeAll(async () => {
  g = await startGateway();
  acc = await createAccount(g);
  await issueLicense(g, acc, { edition: 'OWNED' });
  await purchase(g, acc, 100);
  partner = (await createKey(g, 'PARTNER', [acc])).secret;
});
afterAll(() => g.close());

/** The generated documents of a codegen client file (`export const XDocument = {...} as unknown as ...`). */
function documentsOf(file: string): Map<string, DocumentNode> {
  const text = fs.readFileSync(file, 'utf8');
  const docs = new Map<string, DocumentNode>();
  for (const m of text.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as /gm)) {
    docs.set(m[1]!, JSON.parse(m[2]!) as DocumentNode);
  }
  return docs;
}

/** Required variables of the clients' queries that are neither a page size nor an id. */
const OTHER_VARIABLES: Record<string, Record<string, unknown>> = {
  GrantPreview: { input: { edition: 'OWNED', listPriceCents: 100, paidPriceCents: 100 } },
  Quote: { category: 'SETUP' },
  FinancePage: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
};

describe('finding 1: the cost limit counts what will run (variables and defaults too)', () => {
  const nested = (first: string) =>
    `accounts${first} { nodes { ledger${first} { nodes { lot { account { ledger${first} { nodes { id } } } } } } } }`;
  const VARIABLES = `query($n: Int) { ${nested('(first: $n)')} }`;

  async function refused(body: unknown) {
    const r = await postRaw(g, body, { key: partner });
    expect(r.status, r.text).toBe(400);
    const answer = answerOf(r);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code, r.text).toBe('GRAPHQL_VALIDATION_FAILED');
    return answer.errors![0]!;
  }

  it("the review's query with $n = 100 is refused like its literal twin, with the same code", async () => {
    const literal = await refused({ query: `{ ${nested('(first: 100)')} }` });
    const viaVariable = await refused({ query: VARIABLES, variables: { n: 100 } });
    expect(viaVariable.message).toBe(literal.message);
  });

  it('defaults count: the same query with no `first` anywhere is refused', async () => {
    await refused({ query: `{ ${nested('')} }` });
    await refused({ query: VARIABLES, variables: {} });
  });

  it('a variable in a GET query is priced too', async () => {
    const params = new URLSearchParams({ query: VARIABLES, variables: JSON.stringify({ n: 100 }) });
    const r = await fetch(`${g.url}/graphql?${params}`, {
      headers: { authorization: `Bearer ${partner}`, 'apollo-require-preflight': 'true' },
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('the same query with small pages runs', async () => {
    const r = await postRaw(g, { query: VARIABLES, variables: { n: 3 } }, { key: partner });
    expect(r.status, r.text).toBe(200);
    const answer = answerOf(r);
    expect(answer.errors, r.text).toBeUndefined();
    const data = answer.data as { accounts: { nodes: { ledger: { nodes: unknown[] } }[] } };
    expect(data.accounts.nodes[0]!.ledger.nodes.length).toBeGreaterThan(0);
  });

  it(`every dashboard and partner-client document stays within ${LIMITS.cost} at the largest page (${MAX_PAGE_SIZE})`, async () => {
    const schema = await buildGatewaySchema();
    const root = path.resolve(__dirname, '../../..');
    const files = [
      path.join(root, 'packages/web/src/gql/graphql.ts'),
      path.join(root, 'examples/partner-client/src/gql/graphql.ts'),
    ];
    let priced = 0;
    for (const file of files) {
      const docs = documentsOf(file);
      expect(docs.size, file).toBeGreaterThan(5);
      for (const [name, doc] of docs) {
        const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
        if (op?.kind !== Kind.OPERATION_DEFINITION || op.operation !== OperationTypeNode.QUERY)
          continue;
        // Every Int variable at the page-size ceiling: the most the client could ask with it.
        const variables: Record<string, unknown> = {};
        for (const v of op.variableDefinitions ?? []) {
          const type = JSON.stringify(v.type);
          if (type.includes('"Int"')) variables[v.variable.name.value] = MAX_PAGE_SIZE;
          else if (type.includes('"ID"')) variables[v.variable.name.value] = acc;
        }
        Object.assign(variables, OTHER_VARIABLES[name]);
        const cost = queryCost(schema, doc, variables, null);
        expect(cost, `${name} in ${file}`).not.toBeNull();
        expect(cost!, `${name} in ${file}`).toBeLessThanOrEqual(LIMITS.cost);
        priced++;
      }
    }
    expect(priced).toBeGreaterThan(20);
  });
});

describe('finding 11: a request body must arrive within the bound, before the key is checked', () => {
  let slow: TestGateway;
  beforeAll(async () => {
    slow = await startGateway({ config: { requestTimeoutMs: 1_000 } });
  });
  afterAll(() => slow.close());

  /** Sends headers for a `length`-byte body, then one byte every 100 ms until the server hangs up. */
  function trickle(url: string, key: string, length: number) {
    const { hostname, port } = new URL(url);
    return new Promise<{ answer: string; sent: number }>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname);
      let answer = '';
      let sent = 0;
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\n` +
            `Authorization: Bearer ${key}\r\nContent-Length: ${length}\r\n\r\n`,
        );
        timer = setInterval(() => {
          if (sent < length && !socket.destroyed) {
            socket.write(' ');
            sent++;
          }
        }, 100);
      });
      socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
      socket.on('error', reject);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, sent });
      });
    });
  }

  it('a body trickled a byte at a time is cut off with 408, whatever the key', async () => {
    const length = 300; // 30 s at this pace: Node's old default (300 s) would wait it out
    for (const key of [ADMIN_KEY, 'not-a-key-at-all-0123456789']) {
      const { answer, sent } = await trickle(slow.url, key, length);
      expect(answer, 'cut off, not authenticated or parsed').toMatch(/^HTTP\/1\.1 408 /);
      expect(sent).toBeLessThan(length);
    }
  });

  it('a body that arrives in time is answered as usual', async () => {
    const r = await slow.gql('{ me { role } }');
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ me: { role: 'ADMIN' } });
  });

  it('REQUEST_TIMEOUT_MS sets the bound; 30 s by default', () => {
    expect(loadConfig({}).requestTimeoutMs).toBe(30_000);
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '5000' }).requestTimeoutMs).toBe(5_000);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });
});

describe('finding 9: control characters are refused in single-line text, naming the field', () => {
  let lic: string;
  let ticket: string;
  let spare: string;
  beforeAll(async () => {
    lic = (await issueLicense(g, acc, { edition: 'OWNED' })).id;
    spare = await openTicket(g, lic);
    await purchase(g, acc, 100);
    ticket = await openTicket(g, lic);
    await g.ok(CHARGE, { i: { ticketId: ticket, credits: 30 } });
  });

  const INJECTIONS = [
    ['CR LF', 'Acme\r\nTo: victim@example.com'],
    ['LF', 'Acme\n\nYour credits expire today: call +1 555 0100'],
    ['CR', 'Acme\rOverwritten'],
    ['NUL', 'Acme\u0000'],
    ['TAB', 'Acme\tInc'],
    ['ESC', 'Acme\u001b[31m'],
    ['DEL', 'Acme\u007f'],
    ['NEL (C1)', 'Acme\u0085Next line'],
    ['LINE SEPARATOR', 'Acme\u2028Next line'],
  ] as const;

  const fields: {
    name: string;
    field: string;
    send: (value: string) => Promise<GqlResult>;
  }[] = [
    {
      name: 'createAccount name',
      field: 'name',
      send: (v) =>
        g.gql('mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }', {
          i: { name: v, email: `${uniq('cc')}@example.com` },
        }),
    },
    {
      name: 'openTicket subject',
      field: 'subject',
      send: (v) =>
        g.gql('mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }', {
          i: { licenseId: lic, category: 'SETUP', subject: v },
        }),
    },
    {
      name: 'purchaseCredits paymentReference',
      field: 'paymentReference',
      send: (v) =>
        g.gql('mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }', {
          i: { accountId: acc, credits: 5, paymentReference: `${uniq('pay')}${v}` },
        }),
    },
    {
      name: 'createApiKey name',
      field: 'name',
      send: (v) =>
        g.gql(
          'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } secret } }',
          { i: { name: v, role: 'ANALYST' } },
        ),
    },
    {
      name: 'issueLicense domain',
      field: 'domain',
      send: (v) =>
        g.gql('mutation($i: IssueLicenseInput!) { issueLicense(input: $i) { id } }', {
          i: {
            accountId: acc,
            edition: 'FREE',
            domain: `${v}.example.com`,
            orderDate: new Date().toISOString(),
            listPriceCents: 0,
            paidPriceCents: 0,
          },
        }),
    },
    {
      name: 'createWebhookEndpoint description',
      field: 'description',
      send: (v) =>
        g.gql(
          'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }',
          {
            i: {
              url: 'https://hooks.example.com/in',
              eventTypes: ['charge.created'],
              description: v,
            },
          },
        ),
    },
    {
      name: 'chargeTicket idempotencyKey',
      field: 'idempotencyKey',
      send: (v) =>
        g.gql('mutation($i: ChargeTicketInput!) { chargeTicket(input: $i) { id } }', {
          i: { ticketId: spare, credits: 30, idempotencyKey: v },
        }),
    },
  ];

  for (const f of fields) {
    it(`${f.name}: every control character is BAD_USER_INPUT naming ${f.field}, nothing written`, async () => {
      for (const [what, value] of INJECTIONS) {
        const before = await fingerprint(g);
        const r = await f.send(value);
        const e = expectBadInput(r, f.field);
        expect(e.message, what).toMatch(/single line/);
        expectNoData(r);
        expect(await fingerprint(g), `${f.name} with ${what} changed nothing`).toEqual(before);
      }
    });
  }

  it('a refund reason may span lines, but holds no other control character', async () => {
    const refund = (reason: string) =>
      g.gql('mutation($i: RefundTicketInput!) { refundTicket(input: $i) { id } }', {
        i: { ticketId: ticket, reason },
      });
    expectBadInput(await refund('Bug 123\u0000'), 'reason');
    expectBadInput(await refund('Bug 123\u001b[2J'), 'reason');
    const r = await refund('Bug 123 in the tax module.\r\nFixed in 4.2.1.\n\tThanks.');
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  });

  it('plain names with accents, emoji and punctuation still pass', async () => {
    const r = await g.gql(
      'mutation($i: CreateAccountInput!) { createAccount(input: $i) { name } }',
      { i: { name: 'Société Générale — Ünïcödé 🚀 (EU)', email: `${uniq('ok')}@example.com` } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ createAccount: { name: 'Société Générale — Ünïcödé 🚀 (EU)' } });
  });
});

describe('finding 10: inputs that answered INTERNAL_SERVER_ERROR', () => {
  const createEndpoint = (url: string) =>
    g.gql(
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }',
      { i: { url, eventTypes: ['charge.created'] } },
    );

  it('a webhook URL over 2000 characters is BAD_USER_INPUT naming url', async () => {
    const before = await fingerprint(g);
    const r = await createEndpoint(`https://hooks.example.com/${'a'.repeat(2100)}`);
    expectBadInput(r, 'url');
    expect(await fingerprint(g)).toEqual(before);
  });

  it('a webhook URL that passes 2000 characters only once percent-encoded (the fuzz found it) is BAD_USER_INPUT', async () => {
    const before = await fingerprint(g);
    // 300 rockets: 626 characters typed, 3626 as stored (each one %F0%9F%9A%80).
    const r = await createEndpoint(`https://hooks.example.com/${'🚀'.repeat(300)}`);
    expectBadInput(r, 'url');
    expect(await fingerprint(g)).toEqual(before);
  });

  it('a lone surrogate in a name (the fuzz below found it: jsonb refused it) is BAD_USER_INPUT', async () => {
    const r = await g.gql('mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }', {
      i: { name: 'Acme \ud800', email: `${uniq('ls')}@example.com` },
    });
    expectBadInput(r, 'name');
  });

  it('a line break inside a webhook URL is refused, not silently dropped', async () => {
    expectBadInput(await createEndpoint('https://hooks.exa\nmple.com/in'), 'url');
  });
});

describe('finding 10: automatic persisted queries', () => {
  const QUERY = '{ me { role } }';
  const sha = (q: string) => createHash('sha256').update(q).digest('hex');
  const apq = (hash: string, query?: string) =>
    postRaw(g, {
      ...(query !== undefined ? { query } : {}),
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });

  it('a hash that does not match the query is 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const r = await apq(sha('{ __typename }'), QUERY);
    expect(r.status, r.text).toBe(400);
    expect(answerOf(r).errors?.[0]?.extensions?.code, r.text).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('an unknown hash without the query is PERSISTED_QUERY_NOT_FOUND; then registered and found', async () => {
    const q = `{ me { role keyName } }`;
    const first = await apq(sha(q));
    expect(answerOf(first).errors?.[0]?.extensions?.code, first.text).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    const registered = await apq(sha(q), q);
    expect(answerOf(registered).errors, registered.text).toBeUndefined();
    const found = await apq(sha(q));
    expect(answerOf(found).data, found.text).toEqual(answerOf(registered).data);
    expect(answerOf(found).data, found.text).toMatchObject({ me: { role: 'ADMIN' } });
  });

  it('an unsupported version or a malformed extension is a 400 client error', async () => {
    const cases: [unknown, string][] = [
      [{ version: 2, sha256Hash: sha(QUERY) }, 'PERSISTED_QUERY_NOT_SUPPORTED'],
      ['x', 'PERSISTED_QUERY_NOT_SUPPORTED'],
      [{ version: 1 }, 'PERSISTED_QUERY_HASH_MISMATCH'],
    ];
    for (const [persistedQuery, code] of cases) {
      const r = await postRaw(g, { query: QUERY, extensions: { persistedQuery } });
      expect(r.status, r.text).toBe(400);
      expect(answerOf(r).errors?.[0]?.extensions?.code, r.text).toBe(code);
    }
  });
});

describe('finding 10: no input reaches INTERNAL_SERVER_ERROR (a small fuzz over the mutations)', () => {
  // Strings a hostile client sends: any code point (lone surrogates too),
  // control characters, very long text, SQL and format characters.
  const nasty = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({
      unit: fc.constantFrom('\u0000', '\ud800', '\udfff', '\r', '%', "'", '\\', '\u202e', 'é'),
      maxLength: 20,
    }),
    fc.constantFrom(
      '',
      ' ',
      'x'.repeat(5_000),
      "'; DROP TABLE accounts; --",
      '%s%n',
      '${7*7}',
      '🚀'.repeat(300),
    ),
  );
  const int = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648));
  let lic: string;
  let ticket: string;
  beforeAll(async () => {
    lic = (await issueLicense(g, acc, { edition: 'OWNED' })).id;
    ticket = await openTicket(g, lic);
  });

  const mutations: [string, string, fc.Arbitrary<Record<string, unknown>>][] = [
    [
      'createAccount',
      'mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }',
      fc.record({ name: nasty, email: fc.oneof(nasty, fc.emailAddress()) }),
    ],
    [
      'issueLicense',
      'mutation($i: IssueLicenseInput!) { issueLicense(input: $i) { id } }',
      fc.record({
        accountId: fc.constant('ACC'),
        edition: fc.constantFrom('FREE', 'OWNED', 'LEASED', 'SAAS'),
        hostingPlan: fc.constantFrom(null, 'BASIC', 'PROFESSIONAL'),
        domain: nasty,
        orderDate: fc.oneof(
          nasty,
          fc.constantFrom('0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-02-30T00:00:00Z'),
        ),
        listPriceCents: int,
        paidPriceCents: int,
      }),
    ],
    [
      'purchaseCredits',
      'mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }',
      fc.record({ accountId: fc.constant('ACC'), credits: int, paymentReference: nasty }),
    ],
    [
      'openTicket',
      'mutation($i: OpenTicketInput!) { openTicket(input: $i) { id } }',
      fc.record({ licenseId: fc.constant('LIC'), category: fc.constant('SETUP'), subject: nasty }),
    ],
    [
      'chargeTicket',
      'mutation($i: ChargeTicketInput!) { chargeTicket(input: $i) { id } }',
      fc.record({
        ticketId: fc.constant('TICKET'),
        credits: int,
        idempotencyKey: fc.option(nasty),
      }),
    ],
    [
      'refundTicket',
      'mutation($i: RefundTicketInput!) { refundTicket(input: $i) { id } }',
      fc.record({ ticketId: fc.oneof(fc.constant('TICKET'), nasty), reason: nasty }),
    ],
    [
      'createApiKey',
      'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
      fc.record({
        name: nasty,
        role: fc.constantFrom('ANALYST', 'PARTNER'),
        accountIds: fc.option(fc.array(nasty, { maxLength: 2 })),
      }),
    ],
    [
      'createWebhookEndpoint',
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }',
      fc.record({
        url: fc.oneof(
          nasty,
          fc.webUrl(),
          nasty.map((s) => `https://hooks.example.com/${s}`),
        ),
        eventTypes: fc.array(fc.oneof(nasty, fc.constant('charge.created')), { maxLength: 3 }),
        description: fc.option(nasty),
      }),
    ],
  ];

  const resolve = (value: unknown): unknown =>
    value === 'ACC' ? acc : value === 'LIC' ? lic : value === 'TICKET' ? ticket : value;

  for (const [name, query, input] of mutations) {
    it(`${name}: whatever the input, a client error or success, never a 500`, async () => {
      await fc.assert(
        fc.asyncProperty(input, async (raw) => {
          const i = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, resolve(v)]));
          const r = await g.gql(query, { i });
          expect(r.status, JSON.stringify({ i, r })).toBeLessThan(500);
          for (const e of r.errors ?? [])
            expect(e.extensions.code, JSON.stringify({ i, e })).not.toBe('INTERNAL_SERVER_ERROR');
        }),
        { numRuns: 40 },
      );
    });
  }

  it('accounts(search:) and cursors: never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (search, after) => {
        for (const [q, v] of [
          ['query($s: String) { accounts(search: $s, first: 1) { totalCount } }', { s: search }],
          ['query($a: String) { accounts(after: $a, first: 1) { totalCount } }', { a: after }],
          ['query($a: String) { charges(after: $a, first: 1) { totalCount } }', { a: after }],
        ] as const) {
          const r = await g.gql(q, v);
          expect(r.status, JSON.stringify({ v, r })).toBeLessThan(500);
          for (const e of r.errors ?? [])
            expect(e.extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('finding 8: the SSRF guard refuses every non-global address, at registration and at connect', () => {
  let strict: TestGateway;
  beforeAll(async () => {
    strict = await startGateway({ webhookAllowLocal: false });
  });
  afterAll(() => strict.close());

  const register = (url: string) =>
    strict.gql(
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { url } } }',
      { i: { url, eventTypes: ['charge.created'] } },
    );

  const FORBIDDEN_HOSTS = [
    ['IPv4-compatible IPv6, loopback', '[::7f00:1]'],
    ['IPv4-compatible IPv6, metadata', '[::a9fe:a9fe]'],
    ['IPv4-mapped IPv6, loopback', '[::ffff:127.0.0.1]'],
    ['IPv4-mapped IPv6, private', '[::ffff:a00:1]'],
    ['NAT64 64:ff9b::/96', '[64:ff9b::a9fe:a9fe]'],
    ['NAT64 local-use 64:ff9b:1::/48', '[64:ff9b:1::a00:1]'],
    ['6to4 2002::/16', '[2002:7f00:1::1]'],
    ['Teredo 2001::/32', '[2001:0:4136:e378:8000:63bf:3fff:fdd2]'],
    ['ULA fc00::/7', '[fd00::1]'],
    ['link-local fe80::/10', '[fe80::1]'],
    ['site-local fec0::/10', '[fec0::1]'],
    ['multicast ff00::/8', '[ff02::1]'],
    ['IPv6 loopback', '[::1]'],
    ['IPv6 unspecified', '[::]'],
    ['IPv6 documentation', '[2001:db8::1]'],
    ['0.0.0.0/8', '0.0.0.0'],
    ['0.0.0.0/8, not zero', '0.1.2.3'],
    ['loopback', '127.0.0.1'],
    ['loopback, decimal', '2130706433'],
    ['loopback, hex', '0x7f.1'],
    ['private 10/8', '10.0.0.1'],
    ['private 172.16/12', '172.16.0.1'],
    ['private 192.168/16', '192.168.1.5'],
    ['CGNAT 100.64/10', '100.64.0.1'],
    ['link-local, cloud metadata', '169.254.169.254'],
    ['documentation 192.0.2/24', '192.0.2.1'],
    ['documentation 198.51.100/24', '198.51.100.1'],
    ['documentation 203.0.113/24', '203.0.113.1'],
    ['benchmarking 198.18/15', '198.18.0.1'],
    ['multicast', '224.0.0.1'],
    ['reserved 240/4', '240.0.0.1'],
    ['broadcast', '255.255.255.255'],
    ['localhost', 'localhost'],
  ] as const;

  for (const [what, host] of FORBIDDEN_HOSTS) {
    it(`${what} (${host}): refused at registration and before a call`, async () => {
      const url = `https://${host}/hook`;
      expectBadInput(await register(url), 'url');
      expect(() => checkWebhookUrl(url, false), 'the sender checks before each call').toThrow(
        UnsafeUrlError,
      );
    });
  }

  it('a name that resolves to loopback is refused at registration', async () => {
    const names: string[] = [];
    for (const name of ['localhost.', os.hostname()]) {
      const found = await dns.promises.lookup(name, { all: true }).catch(() => []);
      if (found.length > 0 && found.some((a) => !isGlobalAddress(a.address))) names.push(name);
    }
    expect(names.length, 'this host resolves localhost. or its own name').toBeGreaterThan(0);
    for (const name of names) expectBadInput(await register(`https://${name}/hook`), 'url');
    const rows = await strict.ds.query<[{ n: number }]>(
      'SELECT count(*)::int AS n FROM webhook_endpoints',
    );
    expect(rows[0].n).toBe(0);
  });

  it('public addresses pass: IPv4 and global IPv6', async () => {
    for (const host of ['93.184.215.14', '[2606:2800:21f:cb07:6820:80da:af6b:8b2c]']) {
      const r = await register(`https://${host}/hook`);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    }
    await strict.ds.query('DELETE FROM webhook_endpoints');
  });

  it('ports: 443 and 80 only, unless WEBHOOK_PORTS says otherwise', async () => {
    expectBadInput(await register('https://hooks.partner.example:8443/in'), 'url');
    expectBadInput(await register('https://hooks.partner.example:22/in'), 'url');
    expect((await register('https://hooks.partner.example:443/in')).errors).toBeUndefined();
    expect(loadConfig({}).webhookPorts).toEqual([443, 80]);
    const ports = loadConfig({ WEBHOOK_PORTS: '443,8443' }).webhookPorts;
    expect(() => loadConfig({ WEBHOOK_PORTS: '443,70000' })).toThrow(/WEBHOOK_PORTS/);
    allowWebhookPorts(ports);
    try {
      expect((await register('https://hooks.partner.example:8443/in')).errors).toBeUndefined();
      expect(() => checkWebhookUrl('https://hooks.partner.example:8443/in', false)).not.toThrow();
    } finally {
      allowWebhookPorts(DEFAULT_WEBHOOK_PORTS);
    }
    await strict.ds.query('DELETE FROM webhook_endpoints');
  });

  it('the connect-time refusal names no resolved address', async () => {
    const err = await new Promise<Error | null>((resolve) =>
      guardedLookup(false)('localhost', {}, (e) => resolve(e)),
    );
    expect(err?.message).toMatch(/forbidden address/);
    expect(err?.message).not.toMatch(/127\.0\.0\.1|::1/);
  });

  it("a failed delivery's recorded error names no address either", async () => {
    // A port nothing listens on: Node's error is `connect ECONNREFUSED 127.0.0.1:<port>`.
    const closed = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    const result = await postWebhook({
      url: `http://127.0.0.1:${closed}/hook`,
      secret: 'whsec_' + Buffer.from('k'.repeat(32)).toString('base64'),
      msgId: 'msg_1',
      body: '{}',
      allowLocal: true,
    });
    expect(result.error).toMatch(/ECONNREFUSED/);
    expect(result.error).not.toMatch(/127\.0\.0\.1|:\d+/);
  });
});

describe('finding 7: security headers on the API, the dashboard and the explorer; no source maps', () => {
  let site: TestGateway;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>x</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dist, 'assets', 'app.js.map'), '{"version":3}');
    site = await startGateway({ config: { webDist: dist } });
  });
  afterAll(async () => {
    await site.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  function expectHardened(headers: Headers, what: string) {
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp, what).toMatch(/default-src 'self'/);
    expect(csp, what).toMatch(/script-src 'self'(;|$)/);
    expect(csp, what).toMatch(/frame-ancestors 'none'/);
    expect(csp, what).not.toMatch(/unsafe-eval/);
    expect(headers.get('x-frame-options'), what).toBe('DENY');
    expect(headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(headers.get('referrer-policy'), what).toBe('same-origin');
  }

  it('every kind of answer carries them', async () => {
    for (const p of ['/', '/explorer', '/accounts/x', '/assets/app.js', '/healthz']) {
      const r = await fetch(`${site.url}${p}`);
      expect(r.status, p).toBe(200);
      expectHardened(r.headers, p);
    }
    const api = await postRaw(site, { query: '{ me { role } }' });
    expect(api.status).toBe(200);
    expectHardened(api.headers, 'POST /graphql');
    const get = await fetch(`${site.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'apollo-require-preflight': 'true' },
    });
    expectHardened(get.headers, 'GET /graphql');
  });

  it('source maps are not served, even when the build has them', async () => {
    const r = await fetch(`${site.url}/assets/app.js.map`);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('"version"');
  });
});

describe('finding 5: exports are shared fairly and a stalled reader is cut off', () => {
  let ex: TestGateway;
  let shop: string;
  let small: string;
  let partnerKey: string;
  let analystKey: string;
  const ROWS = 60_000; // ~13 MB of CSV: far more than the socket buffers a stalled reader leaves

  beforeAll(async () => {
    ex = await startGateway({
      // A window long enough for the admissions below, short enough to watch the cut.
      config: { exports: { slots: 4, perKey: 2, minBytesPerSecond: 1_000_000, windowMs: 2_000 } },
    });
    shop = await createAccount(ex);
    small = await createAccount(ex);
    await issueLicense(ex, shop, { edition: 'OWNED' });
    partnerKey = (await createKey(ex, 'PARTNER', [shop])).secret;
    analystKey = (await createKey(ex, 'ANALYST')).secret;
    // Included (0-credit) charges seeded in bulk, as export-charges.test.ts does.
    await ex.ds.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query('SET LOCAL statement_timeout = 0');
      await tx.query(
        `WITH t AS (
           INSERT INTO tickets (id, account_id, license_id, category, level, subject, status, price_min, price_max, opened_at)
           SELECT gen_random_uuid(), $1, (SELECT id FROM licenses WHERE account_id = $1 LIMIT 1),
                  'GENERAL_ISSUE', 'LEVEL_1', 'Bulk ticket ' || i, 'CHARGED', 0, 0, now() - interval '1 day'
             FROM generate_series(1, ${ROWS}) i
           RETURNING id, account_id),
         c AS (
           INSERT INTO charges (id, account_id, ticket_id, credits, included, balance_after, category, edition, hosting_plan, created_at)
           SELECT gen_random_uuid(), account_id, id, 0, true, 0, 'GENERAL_ISSUE', 'OWNED', NULL, now() - interval '1 day' FROM t
           RETURNING id, account_id)
         INSERT INTO outbox (id, account_id, topic, payload, created_at)
         SELECT gen_random_uuid(), account_id, 'statement', '{}'::jsonb, now() FROM c`,
        [shop],
      );
    });
    // The bulk load went past the rollup's triggers: recount the account, as a bulk load must.
    await ex.ds.query('SELECT charge_rollup_refill($1::uuid[])', [[shop]]);
  }, 120_000);
  afterAll(() => ex.close());

  /** An export whose reader takes the status line, then stops reading. */
  function stalledExport(key: string) {
    const { hostname, port } = new URL(ex.url);
    const socket = net.connect(Number(port), hostname);
    socket.write(
      `GET /export/charges.csv HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${key}\r\n\r\n`,
    );
    const status = new Promise<number>((resolve, reject) => {
      socket.once('data', (chunk) => {
        socket.pause(); // never reads on
        resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1'))?.[1]));
      });
      socket.once('error', reject);
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    return { socket, status, closed };
  }

  it("four stalled exports from one partner: two run, two are refused (429), an analyst's export still runs, and the stalled two are cut off", async () => {
    const stalled = [];
    for (let i = 0; i < 4; i++) {
      const s = stalledExport(partnerKey);
      stalled.push(s);
      await s.status; // one after another, so the order of admission is known
    }
    const statuses = await Promise.all(stalled.map((s) => s.status));
    expect(statuses).toEqual([200, 200, 429, 429]);

    const analyst = await fetch(`${ex.url}/export/charges.csv?accountId=${small}`, {
      headers: { authorization: `Bearer ${analystKey}` },
    });
    expect(analyst.status).toBe(200);
    expect(await analyst.text()).toMatch(/^\uFEFF?charge_id,/);

    // The two running stall on their readers (still connected, reading
    // nothing) and are cut off below the floor rate, which frees their
    // slots: the partner is admitted again while those readers still hang on.
    let again: Response | null = null;
    for (let i = 0; i < 60 && !again; i++) {
      const r = await fetch(
        `${ex.url}/export/charges.csv?accountId=${shop}&from=2999-01-01T00:00:00Z`,
        {
          headers: { authorization: `Bearer ${partnerKey}` },
        },
      );
      if (r.status === 200) again = r;
      else {
        expect(r.status).toBe(429);
        await r.text();
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    expect(again?.status, 'admitted once the stalled exports were cut off').toBe(200);
    expect(stalled[0]!.socket.destroyed || stalled[1]!.socket.destroyed).toBe(false);
    for (const s of stalled) s.socket.destroy();
    await again!.text();
  });

  it("the audit trail's export takes the same slots: a partner holding its share is refused it too", async () => {
    // The test before read its last export to the end, but the gateway frees
    // that slot only once it has closed the export's cursor, a round trip
    // later (longer through PgBouncer): until then the share is not whole.
    let stalled = [stalledExport(partnerKey), stalledExport(partnerKey)];
    for (let i = 0; i < 50; i++) {
      const statuses = await Promise.all(stalled.map((s) => s.status));
      if (statuses.every((x) => x === 200)) break;
      for (const s of stalled) s.socket.destroy();
      await Promise.all(stalled.map((s) => s.closed));
      await new Promise((resolve) => setTimeout(resolve, 100));
      stalled = [stalledExport(partnerKey), stalledExport(partnerKey)];
    }
    expect(await Promise.all(stalled.map((s) => s.status))).toEqual([200, 200]);
    const audit = await fetch(`${ex.url}/export/audit.csv`, {
      headers: { authorization: `Bearer ${partnerKey}` },
    });
    expect(audit.status).toBe(429);
    expect((await audit.json()) as unknown).toMatchObject({
      errors: [{ extensions: { code: 'RATE_LIMITED' } }],
    });
    for (const s of stalled) s.socket.destroy();
    await Promise.all(stalled.map((s) => s.closed));
  });

  it('EXPORTS_PER_KEY must stay below EXPORT_SLOTS', () => {
    expect(loadConfig({}).exports).toEqual({
      slots: 4,
      perKey: 2,
      minBytesPerSecond: 16_384,
      windowMs: 30_000,
    });
    expect(() => loadConfig({ EXPORT_SLOTS: '2', EXPORTS_PER_KEY: '2' })).toThrow(
      /EXPORTS_PER_KEY/,
    );
  });
});
