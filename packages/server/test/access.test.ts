import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvers } from '../src/graphql/schema';
import {
  accountFigures,
  expectCode,
  fingerprint,
  randomId,
  rootFieldsOf,
  schemaFromFile,
  servedRootFields,
  uniq,
  withoutIds,
} from './support/access-helpers';
import {
  CHARGE,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { graphql } from './gql';
import type { Role } from './gql/graphql';
import {
  type Document,
  type GqlResult,
  type TestGateway,
  portalAuth,
  portalToken,
  startGateway,
} from './support/gateway';
import { expectData, present } from './support/results';

// Who may call what. Every root field of the served schema must have a row
// here: a new field without a rule fails this file.

type Caller = Role | 'NO_KEY' | 'REVOKED_KEY';
type Kind = 'query' | 'mutation';

// CUSTOMER: a portal link for the PARTNER key's account (a token, no API key).
const ROLES: Role[] = ['ADMIN', 'SPECIALIST', 'PARTNER', 'ANALYST', 'CUSTOMER'];
const CALLERS: Caller[] = [...ROLES, 'NO_KEY', 'REVOKED_KEY'];

const READ: Role[] = ['ADMIN', 'SPECIALIST', 'PARTNER', 'ANALYST', 'CUSTOMER'];
const SELL: Role[] = ['ADMIN', 'SPECIALIST', 'PARTNER'];
const STAFF: Role[] = ['ADMIN', 'SPECIALIST'];
const KEYS: Role[] = ['ADMIN'];
const HOOKS: Role[] = ['ADMIN', 'PARTNER'];
const HOOKS_SEE: Role[] = ['ADMIN', 'SPECIALIST', 'PARTNER'];
const FINANCE: Role[] = ['ADMIN', 'ANALYST'];

// The root field that needs each permission (READ: every plain query).
const PERMISSION_FIELDS: Record<string, string> = {
  CREATE_ACCOUNT: 'createAccount',
  ISSUE_LICENSE: 'issueLicense',
  PURCHASE_CREDITS: 'purchaseCredits',
  OPEN_TICKET: 'openTicket',
  CHARGE_TICKET: 'chargeTicket',
  REFUND_TICKET: 'refundTicket',
  EXPIRE_CREDITS: 'expireCredits',
  MANAGE_API_KEYS: 'createApiKey',
  RESEND_STATEMENT: 'resendStatement',
  READ_MAILBOX: 'mailbox',
  READ_WEBHOOKS: 'replayWebhookDelivery',
  MANAGE_WEBHOOKS: 'createWebhookEndpoint',
  READ_SCHEDULES: 'expirySchedule',
  SET_LOW_BALANCE_THRESHOLD: 'setLowBalanceThreshold',
  READ_FINANCE: 'creditLiability',
  MANAGE_PORTAL_LINKS: 'createPortalLink',
};

const RULES: Record<Kind, Record<string, Role[]>> = {
  query: {
    expirySchedule: STAFF,
    reconciliationReports: STAFF,
    creditLiability: FINANCE,
    creditBreakage: FINANCE,
    mailDelivery: STAFF,
    account: READ,
    accounts: READ,
    license: READ,
    ticket: READ,
    quote: READ,
    charges: READ,
    chargeSummary: READ,
    tickets: READ,
    ticketCounts: READ,
    auditEvents: READ,
    me: READ,
    pricing: READ,
    errorCodes: READ,
    grantPreview: READ,
    apiKeys: KEYS,
    mailbox: STAFF,
    webhookEndpoints: HOOKS_SEE,
    webhookEventTypes: HOOKS_SEE,
  },
  mutation: {
    setLowBalanceThreshold: SELL,
    createAccount: SELL,
    issueLicense: SELL,
    purchaseCredits: SELL,
    openTicket: SELL,
    chargeTicket: STAFF,
    refundTicket: STAFF,
    expireCredits: STAFF,
    createApiKey: KEYS,
    revokeApiKey: KEYS,
    updateApiKeyScope: KEYS,
    resendStatement: STAFF,
    createWebhookEndpoint: HOOKS,
    updateWebhookEndpoint: HOOKS,
    disableWebhookEndpoint: HOOKS,
    deleteWebhookEndpoint: HOOKS,
    rotateWebhookSecret: HOOKS,
    sendTestWebhook: HOOKS,
    replayWebhookDelivery: HOOKS_SEE,
    createPortalLink: SELL,
    revokePortalLinks: SELL,
  },
};

/** An endpoint owned by the PARTNER key (so every role that may manage it can). */
async function partnerEndpoint(w: World, eventTypes = ['charge.created']): Promise<string> {
  const d = await w.g.ok<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } } }',
    { i: { url: 'http://127.0.0.1:9/matrix', eventTypes } },
    w.secrets.PARTNER,
  );
  return d.createWebhookEndpoint.endpoint.id;
}

interface World {
  g: TestGateway;
  secrets: Record<Role, string>;
  revokedSecret: string;
  /** The PARTNER key's account, with a license and an open ticket; the CUSTOMER's portal link opens it. */
  accP: string;
  /** A second account of the PARTNER key's, whose portal links the matrix revokes. */
  accR: string;
  licP: string;
  ticketP: string;
}

type Data = Record<string, unknown>;

interface Op {
  /** Sends the request with the caller's key (null: none). */
  send: (key: string | null) => Promise<GqlResult<Data>>;
  /** Extra checks once the request ran, allowed or not. */
  after?: (allowed: boolean) => Promise<void>;
}

/** A request of the matrix sent as plain text (fields whose tests are not typed yet). */
function rawOp(g: TestGateway, query: string, variables: Record<string, unknown> = {}): Op {
  return { send: (key) => g.gql(query, variables, key) };
}

/** One request of the matrix: a typed document, its variables, checks on its answer. */
function op<R extends Data, V>(
  g: TestGateway,
  doc: Document<R, V>,
  variables: V,
  after?: (r: GqlResult<R>, allowed: boolean) => void | Promise<void>,
): Op {
  let answer: GqlResult<R> | null = null;
  return {
    async send(key) {
      answer = await g.gql<R, V>(doc, variables, key);
      return answer;
    },
    after: after && (async (allowed) => after(present(answer, 'the answer'), allowed)),
  };
}

const TICKET_STATUS = graphql(`
  query AccessTicketStatus($id: ID!) {
    ticket(id: $id) {
      status
    }
  }
`);

const REVOKE = graphql(`
  mutation AccessRevoke($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

const ME_ROLE = graphql(`
  query AccessMeRole {
    me {
      role
    }
  }
`);

const ACCOUNT_ID = graphql(`
  query AccessAccountId($id: ID!) {
    account(id: $id) {
      id
    }
  }
`);

const ACCOUNTS = graphql(`
  query AccessAccounts {
    accounts(first: 100) {
      totalCount
      nodes {
        id
      }
    }
  }
`);

const EXPIRE = graphql(`
  mutation AccessExpire {
    expireCredits
  }
`);

const CREATE_ACCOUNT = graphql(`
  mutation AccessCreateAccount($i: CreateAccountInput!) {
    createAccount(input: $i) {
      id
    }
  }
`);

// One valid request per root field, on resources in the PARTNER key's scope so
// that a refusal can only come from the role rule. Built fresh per call.
const CASES: Record<Kind, Record<string, (w: World, caller: Caller) => Op | Promise<Op>>> = {
  query: {
    account: (w) =>
      op(
        w.g,
        graphql(`
          query AccessAccount($id: ID!) {
            account(id: $id) {
              id
              name
            }
          }
        `),
        { id: w.accP },
      ),
    accounts: (w) =>
      op(
        w.g,
        graphql(`
          query AccessAccountsPage {
            accounts(first: 5) {
              totalCount
              nodes {
                id
              }
            }
          }
        `),
        {},
      ),
    license: (w) =>
      op(
        w.g,
        graphql(`
          query AccessLicense($id: ID!) {
            license(id: $id) {
              id
              edition
            }
          }
        `),
        { id: w.licP },
      ),
    ticket: (w) =>
      op(
        w.g,
        graphql(`
          query AccessTicket($id: ID!) {
            ticket(id: $id) {
              id
              subject
              status
            }
          }
        `),
        { id: w.ticketP },
      ),
    quote: (w) =>
      op(
        w.g,
        graphql(`
          query AccessQuote($l: ID!) {
            quote(licenseId: $l, category: ROOT_CAUSE_ANALYSIS) {
              balance
              price {
                min
                max
              }
            }
          }
        `),
        { l: w.licP },
      ),
    charges: (w) =>
      op(
        w.g,
        graphql(`
          query AccessCharges {
            charges(first: 5) {
              totalCount
              nodes {
                id
              }
            }
          }
        `),
        {},
      ),
    tickets: (w) =>
      op(
        w.g,
        graphql(`
          query AccessTickets {
            tickets(first: 5) {
              totalCount
              nodes {
                id
              }
            }
          }
        `),
        {},
      ),
    ticketCounts: (w) =>
      op(
        w.g,
        graphql(`
          query AccessTicketCounts {
            ticketCounts {
              open
              total
            }
          }
        `),
        {},
      ),
    auditEvents: (w) =>
      op(
        w.g,
        graphql(`
          query AccessAuditEvents {
            auditEvents(first: 5) {
              totalCount
              nodes {
                id
                action
              }
            }
          }
        `),
        {},
      ),
    chargeSummary: (w) =>
      op(
        w.g,
        graphql(`
          query AccessChargeSummary {
            chargeSummary(groupBy: CATEGORY) {
              key
              charges
              credits
            }
          }
        `),
        {},
      ),
    me: (w, caller) =>
      op(
        w.g,
        graphql(`
          query AccessMe {
            me {
              role
              keyName
              accountIds
              permissions
            }
          }
        `),
        {},
        (r, allowed) => {
          if (!allowed) return;
          const me = present(r.data).me;
          expect(me.role).toBe(caller);
          // What `me` tells the dashboard is what the gateway enforces.
          const held = [...me.permissions].sort();
          expect(held).toEqual(
            Object.entries(PERMISSION_FIELDS)
              .filter(([, field]) =>
                (RULES.mutation[field] ?? RULES.query[field])?.includes(caller as Role),
              )
              .map(([p]) => p)
              .concat('READ')
              .sort(),
          );
        },
      ),
    pricing: (w) =>
      op(
        w.g,
        graphql(`
          query AccessPricing {
            pricing {
              grantValidityMonths
              grants {
                edition
                credits
              }
            }
          }
        `),
        {},
      ),
    errorCodes: (w) =>
      op(
        w.g,
        graphql(`
          query AccessErrorCodes {
            errorCodes
          }
        `),
        {},
      ),
    grantPreview: (w) =>
      op(
        w.g,
        graphql(`
          query AccessGrantPreview {
            grantPreview(input: { edition: OWNED, listPriceCents: 10000, paidPriceCents: 10000 }) {
              credits
              note
            }
          }
        `),
        {},
      ),
    apiKeys: (w) =>
      op(
        w.g,
        graphql(`
          query AccessApiKeys {
            apiKeys {
              id
              role
            }
          }
        `),
        {},
      ),
    mailbox: (w) => rawOp(w.g, '{ mailbox { id subject } }'),
    webhookEndpoints: (w) => rawOp(w.g, '{ webhookEndpoints { id url } }'),
    webhookEventTypes: (w) => rawOp(w.g, '{ webhookEventTypes }'),
    expirySchedule: (w) => rawOp(w.g, '{ expirySchedule { nextRunAt } }'),
    reconciliationReports: (w) => rawOp(w.g, '{ reconciliationReports { id ok } }'),
    creditLiability: (w) => rawOp(w.g, '{ creditLiability { credits } }'),
    creditBreakage: (w) =>
      rawOp(
        w.g,
        '{ creditBreakage(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { credits } }',
      ),
    mailDelivery: (w) => rawOp(w.g, '{ mailDelivery { retryingStatements } }'),
  },
  mutation: {
    createAccount: (w) =>
      op(w.g, CREATE_ACCOUNT, {
        i: { name: uniq('Matrix shop'), email: `${uniq('m')}@example.com` },
      }),
    issueLicense: (w) =>
      op(
        w.g,
        graphql(`
          mutation AccessIssueLicense($i: IssueLicenseInput!) {
            issueLicense(input: $i) {
              id
              creditsGranted
            }
          }
        `),
        {
          i: {
            accountId: w.accP,
            edition: 'OWNED',
            hostingPlan: null,
            domain: 'matrix.example.com',
            orderDate: new Date(Date.now() - 86_400_000).toISOString(),
            listPriceCents: 10_000,
            paidPriceCents: 10_000,
          },
        },
      ),
    purchaseCredits: (w) =>
      op(
        w.g,
        graphql(`
          mutation AccessPurchase($i: PurchaseCreditsInput!) {
            purchaseCredits(input: $i) {
              id
              originalCredits
            }
          }
        `),
        { i: { accountId: w.accP, credits: 5, paymentReference: uniq('matrix-pay') } },
      ),
    openTicket: (w) =>
      op(
        w.g,
        graphql(`
          mutation AccessOpenTicket($i: OpenTicketInput!) {
            openTicket(input: $i) {
              id
              status
            }
          }
        `),
        {
          i: { licenseId: w.licP, category: 'ROOT_CAUSE_ANALYSIS', subject: uniq('Matrix ticket') },
        },
      ),
    chargeTicket: async (w) => {
      const ticketId = await openTicket(w.g, w.licP);
      return op(w.g, CHARGE, { i: { ticketId, credits: 30 } }, async (_r, allowed) => {
        const d = await w.g.ok(TICKET_STATUS, { id: ticketId });
        expect(d.ticket?.status).toBe(allowed ? 'CHARGED' : 'OPEN');
      });
    },
    refundTicket: async (w) => {
      const ticketId = await openTicket(w.g, w.licP);
      await w.g.ok(CHARGE, { i: { ticketId, credits: 30 } });
      return op(
        w.g,
        graphql(`
          mutation AccessRefund($i: RefundTicketInput!) {
            refundTicket(input: $i) {
              id
              credits
            }
          }
        `),
        { i: { ticketId, reason: 'Vendor bug confirmed' } },
        async (_r, allowed) => {
          const d = await w.g.ok(TICKET_STATUS, { id: ticketId });
          expect(d.ticket?.status).toBe(allowed ? 'REFUNDED' : 'CHARGED');
        },
      );
    },
    expireCredits: (w) => op(w.g, EXPIRE, {}),
    createApiKey: (w) =>
      op(
        w.g,
        graphql(`
          mutation AccessCreateKey($i: CreateApiKeyInput!) {
            createApiKey(input: $i) {
              apiKey {
                id
                role
              }
              secret
            }
          }
        `),
        { i: { name: uniq('matrix-key'), role: 'ANALYST' } },
      ),
    resendStatement: async (w) => {
      const ticketId = await openTicket(w.g, w.licP);
      await w.g.ok(CHARGE, { i: { ticketId, credits: 20 } });
      const d = await w.g.ok<{ account: { statements: { nodes: { id: string }[] } } }>(
        'query($id: ID!) { account(id: $id) { statements(first: 1) { nodes { id } } } }',
        { id: w.accP },
      );
      return rawOp(
        w.g,
        'mutation($id: ID!) { resendStatement(id: $id) { id delivery { status } } }',
        { id: d.account.statements.nodes[0]!.id },
      );
    },
    setLowBalanceThreshold: (w) =>
      rawOp(
        w.g,
        'mutation($a: ID!) { setLowBalanceThreshold(accountId: $a, threshold: 10) { id } }',
        { a: w.accP },
      ),
    createWebhookEndpoint: (w) =>
      rawOp(
        w.g,
        'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } secret } }',
        { i: { url: 'http://127.0.0.1:9/matrix', eventTypes: ['refund.created'] } },
      ),
    updateWebhookEndpoint: async (w) =>
      rawOp(
        w.g,
        'mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { id description } }',
        { i: { id: await partnerEndpoint(w), description: 'updated' } },
      ),
    disableWebhookEndpoint: async (w) =>
      rawOp(w.g, 'mutation($id: ID!) { disableWebhookEndpoint(id: $id) { id enabled } }', {
        id: await partnerEndpoint(w),
      }),
    deleteWebhookEndpoint: async (w) =>
      rawOp(w.g, 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', {
        id: await partnerEndpoint(w),
      }),
    rotateWebhookSecret: async (w) =>
      rawOp(w.g, 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', {
        id: await partnerEndpoint(w),
      }),
    sendTestWebhook: async (w) =>
      rawOp(w.g, 'mutation($id: ID!) { sendTestWebhook(endpointId: $id) { id eventType } }', {
        id: await partnerEndpoint(w),
      }),
    replayWebhookDelivery: async (w) => {
      const endpointId = await partnerEndpoint(w, ['credits.purchased']);
      await purchase(w.g, w.accP, 1);
      const [row] = await w.g.ds.query<{ id: string }[]>(
        'SELECT id FROM webhook_deliveries WHERE endpoint_id = $1',
        [endpointId],
      );
      return rawOp(w.g, 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status } }', {
        id: row!.id,
      });
    },
    createPortalLink: (w) =>
      rawOp(w.g, 'mutation($a: ID!) { createPortalLink(accountId: $a) { url expiresAt } }', {
        a: w.accR,
      }),
    revokePortalLinks: async (w) => {
      const made = await w.g.ok<{ createPortalLink: { url: string } }>(
        'mutation($a: ID!) { createPortalLink(accountId: $a) { url } }',
        { a: w.accR },
      );
      const op = rawOp(w.g, 'mutation($a: ID!) { revokePortalLinks(accountId: $a) }', {
        a: w.accR,
      });
      return {
        ...op,
        async after(allowed) {
          const r = await w.g.gql(ME_ROLE, {}, portalAuth(portalToken(made.createPortalLink.url)));
          if (allowed) expectCode(r, 'UNAUTHENTICATED');
          else
            expect(r.data?.me.role, 'a refused revoke must leave the link working').toBe(
              'CUSTOMER',
            );
        },
      };
    },
    revokeApiKey: async (w) => {
      const victim = await createKey(w.g, 'ANALYST');
      return op(w.g, REVOKE, { id: victim.id }, async (_r, allowed) => {
        const r = await w.g.gql(ME_ROLE, {}, victim.secret);
        if (allowed) {
          expect(r.data, 'a revoked key must not answer').toBeNull();
          expect(r.status).toBe(401);
          expectCode(r, 'UNAUTHENTICATED');
        } else expect(r.errors, 'a refused revoke must leave the key working').toBeUndefined();
      });
    },
    updateApiKeyScope: async (w) => {
      const key = await createKey(w.g, 'PARTNER', []);
      return op(
        w.g,
        graphql(`
          mutation AccessUpdateScope($i: UpdateApiKeyScopeInput!) {
            updateApiKeyScope(input: $i) {
              id
              accountIds
            }
          }
        `),
        { i: { id: key.id, accountIds: [w.accP] } },
        async (_r, allowed) => {
          const r = await w.g.gql(
            graphql(`
              query AccessScopeAfter {
                me {
                  accountIds
                }
              }
            `),
            {},
            key.secret,
          );
          expect(r.data?.me.accountIds).toEqual(allowed ? [w.accP] : []);
        },
      );
    },
  },
};

const FILE_FIELDS = rootFieldsOf(schemaFromFile());

let w: World;

beforeAll(async () => {
  // The matrix registers an endpoint per probe: the per-key cap is not what it tests.
  const g = await startGateway({ config: { webhookEndpointsPerKey: 1000 } });
  const accP = await createAccount(g);
  const lic = await issueLicense(g, accP, { edition: 'OWNED' });
  await purchase(g, accP, 1000);
  const ticketP = await openTicket(g, lic.id);
  const accR = await createAccount(g);
  const secrets = {} as Record<Role, string>;
  for (const role of ROLES) {
    if (role === 'CUSTOMER') continue;
    secrets[role] = (await createKey(g, role, role === 'PARTNER' ? [accP, accR] : [])).secret;
  }
  const link = await g.ok<{ createPortalLink: { url: string } }>(
    'mutation($a: ID!) { createPortalLink(accountId: $a) { url } }',
    { a: accP },
  );
  secrets.CUSTOMER = portalAuth(portalToken(link.createPortalLink.url));
  const revoked = await createKey(g, 'SPECIALIST');
  await g.ok(REVOKE, { id: revoked.id });
  w = { g, secrets, revokedSecret: revoked.secret, accP, accR, licP: lic.id, ticketP };
});
afterAll(() => w?.g.close());

const keyOf = (caller: Caller): string | null =>
  caller === 'NO_KEY' ? null : caller === 'REVOKED_KEY' ? w.revokedSecret : w.secrets[caller];

describe('every root field has a rule', () => {
  it('the served schema (introspection) has no root field missing from the table, and no stale rows', async () => {
    const served = await servedRootFields(w.g);
    for (const kind of ['query', 'mutation'] as const) {
      const missing = served[kind].filter((f) => !(f in RULES[kind]) || !(f in CASES[kind]));
      expect(missing, `${kind} fields without an access rule in access.test.ts`).toEqual([]);
      const stale = Object.keys(RULES[kind]).filter((f) => !served[kind].includes(f));
      expect(stale, `${kind} rules for fields the server does not serve`).toEqual([]);
    }
  });

  it('packages/schema/schema.graphql has no root field missing from the table', () => {
    for (const kind of ['query', 'mutation'] as const) {
      const missing = FILE_FIELDS[kind].filter((f) => !(f in RULES[kind]) || !(f in CASES[kind]));
      expect(missing, `${kind} fields without an access rule in access.test.ts`).toEqual([]);
    }
  });

  it('deny by default: every root query and mutation of the resolvers carries @Authorized with the roles in the table', () => {
    const storage = getMetadataStorage();
    const targets = new Set<unknown>(resolvers);
    const handlers = [
      ...storage.queries
        .filter((q) => targets.has(q.target))
        .map((q) => ({ kind: 'query' as const, m: q })),
      ...storage.mutations
        .filter((q) => targets.has(q.target))
        .map((q) => ({ kind: 'mutation' as const, m: q })),
    ];
    expect(handlers.length).toBeGreaterThan(0);
    const unguarded: string[] = [];
    const mismatched: string[] = [];
    for (const { kind, m } of handlers) {
      const onField = storage.authorizedFields.filter(
        (a) => a.target === m.target && a.fieldName === m.methodName,
      );
      const onClass = storage.authorizedResolver.filter((a) => a.target === m.target);
      const rule = onField[0] ?? onClass[0];
      if (!rule || rule.roles.length === 0) {
        unguarded.push(`${kind} ${m.schemaName} (${m.target.name}.${m.methodName})`);
        continue;
      }
      const expected = RULES[kind][m.schemaName];
      if (!expected) {
        unguarded.push(`${kind} ${m.schemaName}: no row in the expectation table`);
        continue;
      }
      // type-graphql keeps the roles untyped; ours are Role strings.
      const roles = [...(rule.roles as string[])].sort().join(',');
      const table = [...expected].sort().join(',');
      if (roles !== table) {
        mismatched.push(`${kind} ${m.schemaName}: code says [${roles}], table says [${table}]`);
      }
    }
    expect(unguarded, 'root fields without an @Authorized rule').toEqual([]);
    expect(mismatched, 'root fields whose @Authorized roles differ from the access table').toEqual(
      [],
    );
  });
});

// The matrix: every root field x every caller.
const allFields = (kind: Kind) =>
  [...new Set([...FILE_FIELDS[kind], ...Object.keys(RULES[kind])])].sort();

for (const kind of ['query', 'mutation'] as const) {
  describe(`access matrix: ${kind}`, () => {
    for (const field of allFields(kind)) {
      describe(field, () => {
        for (const caller of CALLERS) {
          const rule = RULES[kind][field];
          const allowed =
            rule !== undefined &&
            (ROLES as string[]).includes(caller) &&
            rule.includes(caller as Role);
          const title =
            caller === 'NO_KEY' || caller === 'REVOKED_KEY'
              ? `${caller} -> UNAUTHENTICATED`
              : `${caller} -> ${allowed ? 'allowed' : 'FORBIDDEN'}`;
          it(title, async () => {
            const make = CASES[kind][field];
            expect(rule, `no access rule for ${kind} ${field}`).toBeDefined();
            expect(make, `no request for ${kind} ${field}`).toBeDefined();
            const op = await make!(w, caller);
            const before = await fingerprint(w.g);
            const r = await op.send(keyOf(caller));
            if (allowed) {
              expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
              expect(r.status).toBe(200);
              expect(r.data?.[field]).not.toBeNull();
              expect(r.data?.[field]).toBeDefined();
            } else {
              // What matters most first: nothing ran, nothing changed; then the code.
              expect(r.data?.[field] ?? null).toBeNull();
              expect(await fingerprint(w.g), 'a refused request changes nothing').toEqual(before);
              await op.after?.(allowed);
              if (caller === 'NO_KEY' || caller === 'REVOKED_KEY') {
                expect(r.status).toBe(401);
                expectCode(r, 'UNAUTHENTICATED');
              } else {
                const e = expectCode(r, 'FORBIDDEN');
                expect(e.message.length).toBeGreaterThan(0);
              }
              expect(
                r.errors!.every((e) => e.extensions.code === r.errors![0]!.extensions.code),
              ).toBe(true);
              return;
            }
            await op.after?.(allowed);
          });
        }
      });
    }
  });
}

describe('partner isolation', () => {
  let keyA: string;
  let keyB: string;
  let accA: string;
  let accB: string;
  let licB: string;
  let ticketB: string;

  beforeAll(async () => {
    const { g } = w;
    accA = await createAccount(g);
    await issueLicense(g, accA, { edition: 'OWNED' });
    accB = await createAccount(g);
    const lic = await issueLicense(g, accB, { edition: 'OWNED' });
    licB = lic.id;
    await purchase(g, accB, 40);
    ticketB = await openTicket(g, licB);
    await g.ok(CHARGE, { i: { ticketId: ticketB, credits: 25 } });
    keyA = (await createKey(g, 'PARTNER', [accA])).secret;
    keyB = (await createKey(g, 'PARTNER', [accB])).secret;
  });

  /** Partner A asks about B's id, then about a random id: the answers must be indistinguishable. */
  async function sameAsMissing<R>(ask: (id: string) => Promise<GqlResult<R>>, realId: string) {
    const real = await ask(realId);
    const missingId = randomId();
    const missing = await ask(missingId);
    expect(withoutIds(real, [realId]), `B's ${realId} must look like a non-existent id`).toEqual(
      withoutIds(missing, [missingId]),
    );
    return real;
  }

  it("B's resources look exactly like ids that do not exist, and B's data is unchanged", async () => {
    const { g } = w;
    // The admin sees B's data, so the partner's empty answers are not trivially empty.
    expect((await g.ok(ACCOUNT_ID, { id: accB })).account?.id).toBe(accB);
    const chargesOfB = graphql(`
      query AccessChargesOf($a: ID!) {
        charges(filter: { accountId: $a }) {
          totalCount
        }
      }
    `);
    expect((await g.ok(chargesOfB, { a: accB })).charges.totalCount).toBe(1);

    const before = await fingerprint(g);
    const figuresB = await accountFigures(g, accB);

    // Lookups: null, no error.
    const lookups = [
      [
        graphql(`
          query AccessAccountOfB($id: ID!) {
            account(id: $id) {
              id
              name
              balance
            }
          }
        `),
        accB,
      ],
      [
        graphql(`
          query AccessLicenseOfB($id: ID!) {
            license(id: $id) {
              id
              domain
            }
          }
        `),
        licB,
      ],
      [
        graphql(`
          query AccessTicketOfB($id: ID!) {
            ticket(id: $id) {
              id
              subject
            }
          }
        `),
        ticketB,
      ],
    ] as const;
    for (const [doc, id] of lookups) {
      const r = await sameAsMissing((x) => w.g.gql<Data, { id: string }>(doc, { id: x }, keyA), id);
      expect(r.errors).toBeUndefined();
      expect(Object.values(expectData(r))[0]).toBeNull();
    }

    // Reads over B's account id: empty, like for an unknown account.
    const chargesDoc = graphql(`
      query AccessChargeNodesOf($a: ID!) {
        charges(filter: { accountId: $a }) {
          totalCount
          nodes {
            id
          }
        }
      }
    `);
    const charges = await sameAsMissing((x) => w.g.gql(chargesDoc, { a: x }, keyA), accB);
    expect(charges.errors).toBeUndefined();
    expect(charges.data?.charges).toEqual({ totalCount: 0, nodes: [] });
    const summaryDoc = graphql(`
      query AccessSummaryOf($a: ID!) {
        chargeSummary(filter: { accountId: $a }, groupBy: ACCOUNT) {
          key
          charges
          credits
        }
      }
    `);
    const summary = await sameAsMissing((x) => w.g.gql(summaryDoc, { a: x }, keyA), accB);
    expect(summary.errors).toBeUndefined();
    expect(summary.data?.chargeSummary).toEqual([]);

    // Operations naming B's ids: NOT_FOUND about the id asked, same shape as for an unknown id.
    const ref = uniq('isolation-pay');
    const refused: [(id: string) => Promise<GqlResult>, string][] = [
      [
        (x) =>
          w.g.gql(
            graphql(`
              query AccessQuoteOf($l: ID!) {
                quote(licenseId: $l, category: SETUP) {
                  balance
                }
              }
            `),
            { l: x },
            keyA,
          ),
        licB,
      ],
      [
        (x) =>
          w.g.gql(
            graphql(`
              mutation AccessIssueInto($i: IssueLicenseInput!) {
                issueLicense(input: $i) {
                  id
                }
              }
            `),
            {
              i: {
                accountId: x,
                edition: 'OWNED',
                hostingPlan: null,
                domain: 'intruder.example.com',
                orderDate: '2024-01-01T00:00:00.000Z',
                listPriceCents: 10_000,
                paidPriceCents: 10_000,
              },
            },
            keyA,
          ),
        accB,
      ],
      [
        (x) =>
          w.g.gql(
            graphql(`
              mutation AccessPurchaseInto($i: PurchaseCreditsInput!) {
                purchaseCredits(input: $i) {
                  id
                }
              }
            `),
            { i: { accountId: x, credits: 10, paymentReference: ref } },
            keyA,
          ),
        accB,
      ],
      [
        (x) =>
          w.g.gql(
            graphql(`
              mutation AccessOpenInto($i: OpenTicketInput!) {
                openTicket(input: $i) {
                  id
                }
              }
            `),
            { i: { licenseId: x, category: 'SETUP', subject: 'Let me in' } },
            keyA,
          ),
        licB,
      ],
    ];
    for (const [ask, id] of refused) {
      const r = await sameAsMissing(ask, id);
      const e = expectCode(r, 'NOT_FOUND');
      expect(e.extensions.id).toBe(id);
      expect(r.data).toBeNull();
    }

    expect(await fingerprint(g), 'nothing changed anywhere').toEqual(before);
    expect(await accountFigures(g, accB)).toEqual(figuresB);
    // B itself still sees all of it.
    const own = await g.ok(
      graphql(`
        query AccessOwnLicenses($id: ID!) {
          account(id: $id) {
            id
            licenses {
              id
            }
          }
        }
      `),
      { id: accB },
      keyB,
    );
    expect(present(own.account).licenses.map((l) => l.id)).toEqual([licB]);
  });

  it('a partner cannot charge or refund even its own tickets, nor expire credits (FORBIDDEN, not NOT_FOUND)', async () => {
    const before = await fingerprint(w.g);
    const r1 = await w.g.gql(CHARGE, { i: { ticketId: ticketB, credits: 20 } }, keyB);
    expectCode(r1, 'FORBIDDEN');
    const r2 = await w.g.gql(
      graphql(`
        mutation AccessRefundOwn($i: RefundTicketInput!) {
          refundTicket(input: $i) {
            id
          }
        }
      `),
      { i: { ticketId: ticketB, reason: 'x' } },
      keyB,
    );
    expectCode(r2, 'FORBIDDEN');
    const r3 = await w.g.gql(EXPIRE, {}, keyB);
    expectCode(r3, 'FORBIDDEN');
    expect(await fingerprint(w.g)).toEqual(before);
  });

  it('`accounts` for a partner lists only its own accounts', async () => {
    const a = await w.g.ok(ACCOUNTS, {}, keyA);
    expect(a.accounts.nodes.map((n) => n.id)).toEqual([accA]);
    expect(a.accounts.totalCount).toBe(1);
    const all = await w.g.ok(ACCOUNTS);
    expect(all.accounts.totalCount).toBeGreaterThan(2);
    // Searching for B's name finds nothing either.
    const nameOf = graphql(`
      query AccessAccountName($id: ID!) {
        account(id: $id) {
          name
        }
      }
    `);
    const nameB = present((await w.g.ok(nameOf, { id: accB })).account).name;
    const s = await w.g.ok(
      graphql(`
        query AccessSearch($s: String) {
          accounts(first: 100, search: $s) {
            totalCount
            nodes {
              id
            }
          }
        }
      `),
      { s: nameB },
      keyA,
    );
    expect(s.accounts).toEqual({ totalCount: 0, nodes: [] });
    // charges and chargeSummary without a filter are scoped too.
    const c = await w.g.ok(
      graphql(`
        query AccessScopedCharges {
          charges(first: 100) {
            nodes {
              account {
                id
              }
            }
          }
          chargeSummary(groupBy: ACCOUNT) {
            key
          }
        }
      `),
      {},
      keyA,
    );
    expect(c.charges.nodes.every((n) => n.account.id === accA)).toBe(true);
    expect(c.chargeSummary.every((b) => b.key === accA)).toBe(true);
  });

  it("an account a partner creates joins its scope (me, accounts, account) and stays out of other partners' sight", async () => {
    const created = await createAccount(w.g, keyA);
    const ME_SCOPE = graphql(`
      query AccessMeScope {
        me {
          role
          accountIds
        }
      }
    `);
    const me = await w.g.ok(ME_SCOPE, {}, keyA);
    expect(me.me.role).toBe('PARTNER');
    expect([...me.me.accountIds].sort()).toEqual([accA, created].sort());
    const list = await w.g.ok(ACCOUNTS, {}, keyA);
    expect(list.accounts.nodes.map((n) => n.id).sort()).toEqual([accA, created].sort());
    expect(list.accounts.totalCount).toBe(2);
    expect((await w.g.ok(ACCOUNT_ID, { id: created }, keyA)).account?.id).toBe(created);
    // ...and the partner can sell into it.
    const lic = await issueLicense(w.g, created, { edition: 'OWNED' }, keyA);
    expect(lic.creditsGranted).toBeGreaterThan(0);

    expect((await w.g.ok(ACCOUNT_ID, { id: created }, keyB)).account).toBeNull();
    const meB = await w.g.ok(ME_SCOPE, {}, keyB);
    expect(meB.me.accountIds).toEqual([accB]);
  });
});

describe('revocation', () => {
  it('a revoked key stops working on the very next request', async () => {
    const { g } = w;
    const key = await createKey(g, 'SPECIALIST');
    const first = await g.gql(ME_ROLE, {}, key.secret);
    expect(first.errors).toBeUndefined();
    expect(first.data?.me.role).toBe('SPECIALIST');

    await g.ok(REVOKE, { id: key.id });

    const next = await g.gql(ME_ROLE, {}, key.secret);
    expect(next.status).toBe(401);
    expect(next.data).toBeNull();
    const before = await fingerprint(g);
    const write = await g.gql(
      CREATE_ACCOUNT,
      { i: { name: 'After revoke', email: 'after@example.com' } },
      key.secret,
    );
    expect(write.status).toBe(401);
    expect(write.data).toBeNull();
    expect(await fingerprint(g)).toEqual(before);
    expectCode(next, 'UNAUTHENTICATED');
    expectCode(write, 'UNAUTHENTICATED');
  });

  it('no key, a malformed header and an unknown key are all UNAUTHENTICATED with HTTP 401', async () => {
    for (const key of [null, 'definitely-not-a-key', `${'x'.repeat(300)}`]) {
      const r = await w.g.gql(
        graphql(`
          query AccessPricingMonths {
            pricing {
              grantValidityMonths
            }
          }
        `),
        {},
        key,
      );
      expect(r.status).toBe(401);
      expect(r.data).toBeNull();
      expectCode(r, 'UNAUTHENTICATED');
    }
  });
});
