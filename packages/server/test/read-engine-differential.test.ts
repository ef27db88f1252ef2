import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import {
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  type SelectionSetNode,
  parse,
  print,
  visit,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import type { Viewer } from '../src/common/viewer';
import { buildGatewaySchema } from '../src/graphql/schema';
import { viewerForSecret } from '../src/keys/key.service';
import { compactChargeRollup } from '../src/ledger/charge-history';
import {
  CHARGE,
  REFUND,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { ADMIN_KEY, type TestGateway, portalToken, startGateway } from './support/gateway';
import { viewerForPortalToken } from '../src/portal/portal-links';
import { type DocumentCase, type Pools, readDocuments } from './support/read-documents';
import { type Outcome, readPaths } from './support/read-paths';

// The resolvers are the specification; the compiled reads
// (graphql/compiled-reads) are an optimisation that must answer byte for byte
// the same. fast-check draws documents over the whole read schema
// (support/read-documents.ts) and runs each through both paths
// (support/read-paths.ts) for a role and an instant it also draws, on data
// seeded below: expired lots (expiry recorded and not), lots that expire at,
// just before and just after the instants drawn, a refund into a dead lot, a
// zero grant, an empty account, partners with no, and with overlapping,
// scopes, customers through portal links (one account each). A document the executor declines ("not compiled") passes and is
// counted; one it answers must answer the resolvers' JSON exactly (data,
// error codes and paths, key order).
//
// Reproducible: the seed is fixed (READ_DIFF_SEED varies it, READ_DIFF_RUNS
// the number of documents) and printed; a failure prints the shrunk document,
// its variables, role and instant.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SEED = Number(process.env.READ_DIFF_SEED ?? 1_796_500);
const RUNS = Number(process.env.READ_DIFF_RUNS ?? 3000);
/** READ_DIFF_COLLECT=1: note every mismatch (the shortest document of each answer pair) instead of failing on the first. */
const COLLECT = process.env.READ_DIFF_COLLECT === '1';

// Writes land a month in the past (close() reconciles at the database's now).
const T0 = Math.floor((Date.now() - 30 * DAY) / HOUR) * HOUR;
const clock = new ManualClock(new Date(T0));
const monthsBefore = (at: number, n: number) => {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
};

let g: TestGateway;
let schema: GraphQLSchema;
let pools: Pools;
const viewers: { role: string; viewer: Viewer }[] = [];
/** Instants a request is made at. */
const instants: number[] = [];
let paths: ReturnType<typeof readPaths>;

beforeAll(async () => {
  g = await startGateway({ clock });
  schema = await buildGatewaySchema();
  const ok = <T>(q: string, v: Record<string, unknown> = {}) => g.ok<T>(q, v);
  const grantExpiringAt = (acc: string, at: number) =>
    issueLicense(g, acc, { edition: 'OWNED', orderDate: monthsBefore(at, 12) });

  const accounts: string[] = [];
  const tickets: string[] = [];
  const licenses: string[] = [];
  for (let i = 0; i < 6; i++) accounts.push(await createAccount(g));
  const [expired, expiring, deadRefund, zero, , busy] = accounts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const ticket = async (license: string, charge?: number) => {
    const t = await openTicket(g, license);
    tickets.push(t);
    if (charge !== undefined) await g.ok(CHARGE, { i: { ticketId: t, credits: charge } });
    return t;
  };

  // An old grant long dead (its expiry recorded below), a live one, a purchase.
  const old = await issueLicense(g, expired, {
    edition: 'OWNED',
    orderDate: monthsBefore(T0, 30),
  });
  const live = await issueLicense(g, expired, { edition: 'OWNED', orderDate: new Date(T0 - DAY) });
  licenses.push(old.id, live.id);
  await purchase(g, expired, 100);
  await ticket(live.id, 20);
  const refunded = await ticket(live.id, 21);
  await g.ok(REFUND, { i: { ticketId: refunded, reason: 'duplicate' } });
  await ticket(old.id);
  await ok('mutation { expireCredits }');

  // Grants that die at E1 and E2 (after the writes); a charge drawn from the sooner.
  const E1 = T0 + 2 * HOUR;
  const E2 = T0 + 4 * HOUR;
  const l1 = await grantExpiringAt(expiring, E1);
  const l2 = await grantExpiringAt(expiring, E2);
  licenses.push(l1.id, l2.id);
  await ticket(l1.id, 30);
  await ticket(l2.id);

  // A charge from a grant that dies at E0, refunded after E0: a new refund lot (P16).
  const E0 = T0 + HOUR;
  const l0 = await grantExpiringAt(deadRefund, E0);
  licenses.push(l0.id);
  const t0 = await ticket(l0.id, 25);
  await ticket(l0.id);

  // A zero grant (FREE), no purchase: balance 0, an open ticket it cannot pay for.
  const free = await issueLicense(g, zero, { edition: 'FREE', orderDate: new Date(T0 - DAY) });
  licenses.push(free.id);
  await ticket(free.id);

  // Enough tickets, charges, refunds and statements for several pages.
  const many = await issueLicense(g, busy, { edition: 'OWNED', orderDate: new Date(T0 - DAY) });
  licenses.push(many.id);
  await purchase(g, busy, 500);
  for (let k = 0; k < 5; k++) {
    const t = await ticket(many.id, k < 3 ? 20 + k : undefined);
    if (k === 1) await g.ok(REFUND, { i: { ticketId: t, reason: 'goodwill' } });
  }

  // The charge rollup's deltas folded into daily rows (its minutely job):
  // the charges' counts and summaries then read both, and the late refund's delta.
  await compactChargeRollup(g.ds);
  clock.set(new Date(E0 + 30 * 60_000));
  await g.ok(REFUND, { i: { ticketId: t0, reason: 'late' } });
  const W = clock.now().getTime() + 1000;

  // Every role that may read; partners with no accounts and with overlapping scopes; customers.
  const keys: [string, string | null][] = [['ADMIN', ADMIN_KEY]];
  for (const role of ['SPECIALIST', 'ANALYST'] as const)
    keys.push([role, (await createKey(g, role)).secret]);
  keys.push(['PARTNER(empty)', (await createKey(g, 'PARTNER', [])).secret]);
  // A's scope held `busy` while A's endpoint heard of it: those deliveries are hidden from A now.
  const partnerA = await createKey(g, 'PARTNER', [expired, expiring, deadRefund, busy]);
  keys.push(['PARTNER(A)', partnerA.secret]);
  keys.push(['PARTNER(B)', (await createKey(g, 'PARTNER', [deadRefund, zero, busy])).secret]);
  const endpoint = (key: string, eventTypes: string[], accountIds?: string[]) =>
    g.ok<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }',
      { i: { url: 'http://127.0.0.1:9/hook', eventTypes, accountIds } },
      key,
    );
  await endpoint(ADMIN_KEY, ['charge.created', 'credits.purchased']);
  await endpoint(ADMIN_KEY, ['refund.created'], [busy]);
  const hookA = (await endpoint(partnerA.secret, ['credits.purchased', 'charge.created']))
    .createWebhookEndpoint.endpoint.id;
  await endpoint(keys[5]![1]!, ['license.issued']);
  await purchase(g, busy, 5);
  await purchase(g, expiring, 7);
  await g.ok(
    'mutation($id: ID!) { sendTestWebhook(endpointId: $id) { id } }',
    { id: hookA },
    partnerA.secret,
  );
  await g.ok('mutation($i: UpdateApiKeyScopeInput!) { updateApiKeyScope(input: $i) { id } }', {
    i: { id: partnerA.id, accountIds: [expired, expiring, deadRefund] },
  });
  // Tries: headers, none recorded (older tries), an empty list.
  await g.ds.query(
    `INSERT INTO webhook_attempts (delivery_id, at, status_code, latency_ms, response_excerpt, error,
                                   request_url, request_headers, response_headers)
     SELECT d.id, $1::timestamptz, 500, 120, 'oops', NULL, 'http://127.0.0.1:9/hook',
            '[{"name": "webhook-id", "value": "x"}, {"name": "content-type", "value": "application/json"}]'::jsonb, '[]'::jsonb
       FROM webhook_deliveries d
     UNION ALL
     SELECT d.id, $2::timestamptz, NULL, 3000, NULL, 'timeout', NULL, NULL, NULL FROM webhook_deliveries d`,
    [new Date(T0 + HOUR), new Date(T0 + 2 * HOUR)],
  );
  for (const [role, secret] of keys)
    viewers.push({ role, viewer: (await viewerForSecret(g.ds, secret!, ADMIN_KEY))! });
  // Customers through portal links, one account each: the scope rule's CUSTOMER case.
  for (const [role, acc] of [
    ['CUSTOMER(busy)', busy],
    ['CUSTOMER(expiring)', expiring],
  ] as const) {
    const d = await ok<{ createPortalLink: { url: string } }>(
      'mutation($a: ID!) { createPortalLink(accountId: $a) { url } }',
      { a: acc },
    );
    const token = portalToken(d.createPortalLink.url);
    viewers.push({ role, viewer: (await viewerForPortalToken(g.ds, token, clock.now()))! });
  }
  // The Operations page's rows: expiry runs, reports (one with mismatches), statements held up.
  await g.ds.query(
    `INSERT INTO expiry_runs (ran_at, lots, credits) VALUES ($1, 0, 0), ($2, 2, 35)`,
    [new Date(T0 - DAY), new Date(T0 + HOUR)],
  );
  await g.ds.query(
    `INSERT INTO reconciliation_reports (ran_at, midnight, accounts_checked, lots_checked, ok, mismatches)
     VALUES ($1, $2, 6, 9, true, '[]'),
            ($3, $2, 6, 9, false, '[{"check": "lot_counters", "ids": ["x1", 7]}, {"check": "rollup", "ids": []}]')`,
    [new Date(T0 - HOUR), new Date(Math.floor(T0 / DAY) * DAY), new Date(T0 + 2 * HOUR)],
  );
  await g.ds.query(
    `UPDATE outbox SET status = 'RETRYING', attempts = 2, last_error = $1
      WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT 2 OFFSET $2)`,
    ['535 5.7.8 Authentication failed', 0],
  );
  await g.ds.query(
    `UPDATE outbox SET status = 'RETRYING', attempts = 1, last_error = 'connect ETIMEDOUT'
      WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT 1 OFFSET 3)`,
  );
  // Tickets a partner and a specialist opened (the queue's openedBy, the audit trail's keyId).
  tickets.push(await openTicket(g, l2.id, 'SETUP', keys[4]![1]!));
  tickets.push(await openTicket(g, many.id, 'GENERAL_ISSUE', keys[1]![1]!));

  // Requests at, just before and just after each expiry, between them, after all writes, far on.
  for (const e of [E0, E1, E2]) instants.push(e - 1, e, e + 1);
  instants.push(T0 + 3 * HOUR, W, W + 400 * DAY);

  paths = readPaths(g, schema, clock);
  // Real cursors, through the resolvers: first pages' and past-the-end ones.
  const cursors = new Set<string>();
  const admin = viewers[0]!.viewer;
  for (const first of [1, 2, 100]) {
    const r = JSON.parse(
      await paths.resolvers(
        (await import('graphql')).parse(`{
          accounts(first: ${first}) { pageInfo { endCursor } nodes {
            tickets(first: ${first}) { pageInfo { endCursor } }
            ledger(first: ${first}) { pageInfo { endCursor } }
            statements(first: ${first}) { pageInfo { endCursor } }
            charges(first: ${first}) { pageInfo { endCursor } } } }
          charges(first: ${first}) { pageInfo { endCursor } }
          tickets(first: ${first}) { pageInfo { endCursor } }
          auditEvents(first: ${first}) { pageInfo { endCursor } } }`),
        {},
        admin,
        new Date(W),
      ),
    ) as { data: unknown };
    JSON.stringify(r.data, (k, v: unknown) => {
      if (k === 'endCursor' && typeof v === 'string') cursors.add(v);
      return v;
    });
  }
  const iso = (t: number) => new Date(t).toISOString();
  pools = {
    accountIds: accounts,
    ticketIds: tickets,
    licenseIds: licenses,
    keyIds: viewers.flatMap(({ viewer }) => (viewer.keyId ? [viewer.keyId] : [])),
    cursors: [...cursors],
    instants: [
      iso(T0 - DAY),
      iso(T0),
      iso(E0),
      iso(E1 - 1),
      iso(E1),
      iso(W),
      // UTC midnights around the writes: ranges of whole days (the rollup) and part days (rows).
      iso(Math.floor(T0 / DAY) * DAY),
      iso(Math.floor(T0 / DAY) * DAY + DAY),
      '2100-01-01T00:00:00.000Z',
    ],
  };
}, 180_000);
afterAll(() => g?.close());

interface Tally {
  compared: number;
  notCompiled: number;
  compiledFailed: number;
  invalid: number;
  failures: Map<string, string>;
  mismatches: Map<string, string>;
  invalidExamples: string[];
  /** Per root field drawn: documents compared / drawn. */
  roots: Map<string, { compared: number; drawn: number }>;
}

/** The root field names a document selects (fragments on Query included). */
function rootNames(query: string): string[] {
  const doc = parse(query);
  const names = new Set<string>();
  const fragments = new Map(
    doc.definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d] as const),
  );
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else {
        const f = fragments.get(s.name.value);
        if (f) walk(f.selectionSet);
      }
    }
  };
  for (const d of doc.definitions) if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet);
  return [...names];
}

const describeCase = (c: DocumentCase, role: string, at: number) =>
  `role ${role}, at ${new Date(at).toISOString()}\nvariables ${JSON.stringify(c.variables)}\n${c.query}`;

async function check(
  c: DocumentCase,
  role: string,
  viewer: Viewer,
  at: number,
  tally: Tally,
): Promise<Outcome> {
  const o: Outcome = await paths.compare(c.query, c.variables, viewer, new Date(at));
  if (o.kind !== 'invalid')
    for (const name of rootNames(c.query)) {
      const r = tally.roots.get(name) ?? { compared: 0, drawn: 0 };
      r.drawn++;
      if (o.kind === 'compared') r.compared++;
      tally.roots.set(name, r);
    }
  switch (o.kind) {
    case 'invalid':
      tally.invalid++;
      if (tally.invalidExamples.length < 3)
        tally.invalidExamples.push(`${o.errors.join('; ')}\n${c.query}`);
      return o;
    case 'notCompiled':
      tally.notCompiled++;
      return o;
    case 'compiledFailed':
      tally.compiledFailed++;
      if (tally.failures.size < 5 && !tally.failures.has(o.error))
        tally.failures.set(o.error, describeCase(c, role, at));
      return o;
    case 'compared': {
      tally.compared++;
      if (COLLECT && o.actual !== o.expected) {
        const kind = `${o.expected.replace(/[0-9a-f-]{36}|"[^"]*"/g, '_')} / ${o.actual.replace(/[0-9a-f-]{36}|"[^"]*"/g, '_')}`;
        const doc = `${describeCase(c, role, at)}\nresolvers: ${o.expected}\ncompiled:  ${o.actual}`;
        const known = tally.mismatches.get(kind);
        if (!known || known.length > doc.length) tally.mismatches.set(kind, doc);
        return o;
      }
      expect(
        o.actual,
        `the compiled read answers differently from the resolvers\n${describeCase(c, role, at)}\nresolvers: ${o.expected}\ncompiled:  ${o.actual}\n`,
      ).toBe(o.expected);
      return o;
    }
  }
}

const newTally = (): Tally => ({
  compared: 0,
  notCompiled: 0,
  compiledFailed: 0,
  invalid: 0,
  failures: new Map(),
  mismatches: new Map(),
  invalidExamples: [],
  roots: new Map(),
});

function report(name: string, t: Tally, ms: number) {
  const lines = [
    `${name}: seed ${SEED}, ${t.compared} compared, ${t.notCompiled} not compiled, ` +
      `${t.compiledFailed} compiled SQL failed (fell back), ${t.invalid} invalid, ${Math.round(ms)} ms`,
    `per root field, compared/drawn: ${[...t.roots]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, r]) => `${name} ${r.compared}/${r.drawn}`)
      .join(', ')}`,
    ...[...t.failures].map(([err, doc]) => `compiled SQL failed: ${err}\n${doc}`),
    ...[...t.mismatches.values()].map((doc) => `MISMATCH:\n${doc}`),
    ...t.invalidExamples.map((e) => `invalid (a generator bug): ${e}`),
  ];
  console.log(lines.join('\n\n'));
}

describe('the compiled reads answer what the resolvers answer', () => {
  it("the issue's documents", async () => {
    const tally = newTally();
    const docs: DocumentCase[] = [
      { query: '{ accounts(search: "no-match") { totalCount } }', variables: {} },
      { query: '{ accounts(search: "no-match") { __typename } }', variables: {} },
      {
        query: `query($id: ID!) { account(id: $id) { openTickets: tickets(status: OPEN, first: 0) { totalCount } } }`,
        variables: { id: pools.accountIds[4] },
      },
      { query: '{ accounts { totalCount } }', variables: {} },
      { query: '{ license(id: "x") { creditLot { id } } }', variables: {} },
    ];
    for (const { role, viewer } of viewers)
      for (const c of docs) await check(c, role, viewer, instants.at(-2)!, tally);
    expect(tally.invalid).toBe(0);
  });

  it(`random documents, roles and instants (${RUNS} runs)`, async () => {
    const tally = newTally();
    // Half plain (the shapes compiled today), half with every GraphQL feature.
    const documentArb = fc.oneof(
      readDocuments(schema, pools, { depth: 3, plain: true }).documentArb,
      readDocuments(schema, pools, { depth: 3 }).documentArb,
    );
    const started = performance.now();
    try {
      await fc.assert(
        fc.asyncProperty(
          documentArb,
          fc.nat(viewers.length - 1),
          fc.constantFrom(...instants),
          async (c, v, at) => {
            const { role, viewer } = viewers[v]!;
            await check(c, role, viewer, at, tally);
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    } finally {
      report('read-engine differential', tally, performance.now() - started);
    }
    // The generator's documents are valid.
    expect(tally.invalid).toBe(0);
  }, 600_000);

  it("the dashboard's and the partner client's reads, as Apollo Client sends them, all compiled", async () => {
    const tally = newTally();
    const ops = clientReadOperations();
    const byOperation: string[] = [];
    /** Answered without an error by the resolvers, yet not by the compiled reads. */
    const fellBack: string[] = [];
    expect(ops.length).toBeGreaterThanOrEqual(15);
    for (const { name, document } of ops) {
      const op = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      )!;
      const before = tally.compared;
      let runs = 0;
      let errors = 0;
      for (const variables of variablesFor(name, op))
        for (const { role, viewer } of viewers)
          for (const at of [instants.at(-2)!, instants[1]!]) {
            runs++;
            const o = await check({ query: print(document), variables }, role, viewer, at, tally);
            if (o.kind === 'compared' || o.kind === 'invalid') continue;
            // An error (a role without the permission, a hidden row) is the resolvers' to give.
            if ((JSON.parse(o.expected) as { errors?: unknown }).errors) errors++;
            else if (!UNCOMPILED.has(name))
              fellBack.push(`${name} as ${role} with ${JSON.stringify(variables)}`);
          }
      byOperation.push(
        `${name} ${tally.compared - before}/${runs} compiled, ${errors} the resolvers' errors`,
      );
    }
    report('client documents', tally, 0);
    console.log(byOperation.join('\n'));
    expect(tally.invalid).toBe(0);
    expect(fellBack, 'product documents the compiled reads did not answer').toEqual([]);
    // The documents left to the resolvers on purpose do fall back (the list stays true).
    for (const name of UNCOMPILED)
      expect(byOperation.find((line) => line.startsWith(`${name} `))).toMatch(/^\S+ 0\//);
  }, 600_000);
});

/**
 * Product reads left to the resolvers, and why (docs/read-engine.md):
 * Mailbox reads files in MAIL_DIR, not the database; FinancePage's values
 * are split per lot by policy/lot-value.ts, a money rule with no SQL twin.
 */
const UNCOMPILED = new Set(['web:Mailbox', 'web:FinancePage']);

/** Apollo Client's addTypenameToDocument: __typename in every selection set but the operation's own. */
function withTypename(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    SelectionSet(node: SelectionSetNode, _key, parent) {
      if (parent && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return;
      const has = node.selections.some(
        (s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias,
      );
      if (has) return;
      return {
        ...node,
        selections: [
          ...node.selections,
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
        ],
      };
    },
  });
}

/** Every query the dashboard (packages/web/src/gql) and the example partner client send. */
function clientReadOperations(): { name: string; document: DocumentNode }[] {
  const root = path.resolve(__dirname, '../../..');
  const out: { name: string; document: DocumentNode }[] = [];
  const web = fs.readFileSync(path.join(root, 'packages/web/src/gql/graphql.ts'), 'utf8');
  for (const m of web.matchAll(/export const (\w+)Document = (\{.*\}) as unknown as/g))
    out.push({ name: `web:${m[1]}`, document: JSON.parse(m[2]!) as DocumentNode });
  const partner = fs.readFileSync(
    path.join(root, 'examples/partner-client/src/operations.ts'),
    'utf8',
  );
  for (const m of partner.matchAll(/export const (\w+) = graphql\(`([^`]*)`\)/g))
    out.push({ name: `partner:${m[1]}`, document: parse(m[2]!) });
  return out
    .filter(({ document }) =>
      document.definitions.some(
        (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.QUERY,
      ),
    )
    .map(({ name, document }) => ({ name, document: withTypename(document) }));
}

/** Variables for an operation: each seeded id its variable can name, filters, pages of 20. */
function variablesFor(name: string, op: OperationDefinitionNode): Record<string, unknown>[] {
  const [first, , , , , busy] = pools.accountIds;
  const range = { from: pools.instants[0], to: pools.instants.at(-1) };
  const FILTERS: Record<string, unknown[]> = {
    ChargeFilter: [
      null,
      { accountId: busy },
      range,
      { categories: ['ROOT_CAUSE_ANALYSIS'], refunded: false, included: false },
    ],
    TicketFilter: [null, { status: 'OPEN' }, { accountId: first, editions: ['OWNED'] }],
    AuditEventFilter: [null, { accountId: busy }, { actions: ['chargeTicket'], ...range }],
  };
  let sets: Record<string, unknown>[] = [{}];
  for (const v of op.variableDefinitions ?? []) {
    const n = v.variable.name.value;
    const type = print(v.type);
    let values: unknown[];
    if (type.startsWith('ID')) {
      values = /licen/i.test(n)
        ? pools.licenseIds
        : /ticket/i.test(n) ||
            (n === 'id' && /Ticket|ChargeDialog/.test(name) && !/Tickets/.test(name))
          ? pools.ticketIds
          : pools.accountIds;
    } else if (n === 'first') values = [20];
    else if (type in FILTERS) values = FILTERS[type]!;
    else if (type === 'TicketCategory!') values = ['ROOT_CAUSE_ANALYSIS'];
    else if (type === 'ChargeGrouping!') values = ['DAY', 'ACCOUNT'];
    else if (type === 'GrantPreviewInput!')
      values = [
        { edition: 'OWNED', listPriceCents: 120_000, paidPriceCents: 100_000 },
        { edition: 'SAAS', hostingPlan: 'STANDARD', listPriceCents: 0, paidPriceCents: 0 },
      ];
    else if (type === 'DateTimeISO!') values = [n === 'to' ? range.to : range.from];
    else if (type.endsWith('!')) values = [type.startsWith('Int') ? 20 : ''];
    else continue;
    sets = sets.flatMap((s) => values.map((x) => ({ ...s, [n]: x })));
  }
  return sets;
}
