import { type IntrospectionQuery, buildClientSchema, getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/http/app';
import { graphql } from './gql';
import {
  accountFigures,
  answerOf,
  expectBadInput,
  expectCode,
  expectNoData,
  fingerprint,
  idArgumentPaths,
  postRaw,
  schemaFromFile,
  uniq,
} from './support/access-helpers';
import {
  CHARGE,
  balance,
  createAccount,
  createKey,
  daysFromNow,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { type Document, type GqlResult, type TestGateway, startGateway } from './support/gateway';

// Every malformed request gets a clear error with the contract's code and
// changes nothing: the account's balance, its ledger and every table's row
// count are the same before and after.

let g: TestGateway;
let acc: string;
let lic: string;
let ticket: string;
let charged: string;
let partnerKeyId: string;

beforeAll(async () => {
  g = await startGateway();
  acc = await createAccount(g);
  lic = (await issueLicense(g, acc, { edition: 'OWNED' })).id;
  await purchase(g, acc, 100);
  ticket = await openTicket(g, lic);
  charged = await openTicket(g, lic);
  await g.ok(CHARGE, { i: { ticketId: charged, credits: 30 } });
  partnerKeyId = (await createKey(g, 'PARTNER', [acc])).id;
});
afterAll(() => g.close());

/**
 * A document checked against the schema by codegen, sent with variables that
 * are malformed on purpose (so they are not typed), or a document built here.
 */
type Malformed = Document<unknown, never> | string;

/** Sends a document with variables the types would not allow. */
const send = (query: Malformed, variables: Record<string, unknown> = {}) =>
  g.gql(query.toString(), variables);

/** Runs a request that must be refused and proves it changed nothing. */
async function refused(
  query: Malformed,
  variables: Record<string, unknown> = {},
): Promise<GqlResult> {
  const before = await fingerprint(g);
  const figures = await accountFigures(g, acc);
  const r = await send(query, variables);
  expect(r.status, `never a server error: ${JSON.stringify(r)}`).toBeLessThan(500);
  expect(r.errors?.length ?? 0, `expected an error, got ${JSON.stringify(r)}`).toBeGreaterThan(0);
  expectNoData(r);
  expect(await fingerprint(g), 'a refused request changes nothing').toEqual(before);
  expect(await accountFigures(g, acc), "the account's balance and ledger are unchanged").toEqual(
    figures,
  );
  return r;
}

const CREATE_ENDPOINT =
  'mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }';

const PURCHASE = graphql(`
  mutation BadPurchase($i: PurchaseCreditsInput!) {
    purchaseCredits(input: $i) {
      id
    }
  }
`);
const ISSUE = graphql(`
  mutation BadIssue($i: IssueLicenseInput!) {
    issueLicense(input: $i) {
      id
    }
  }
`);
const OPEN = graphql(`
  mutation BadOpen($i: OpenTicketInput!) {
    openTicket(input: $i) {
      id
    }
  }
`);
const CREATE_ACCOUNT = graphql(`
  mutation BadCreateAccount($i: CreateAccountInput!) {
    createAccount(input: $i) {
      id
    }
  }
`);
const REFUND = graphql(`
  mutation BadRefund($i: RefundTicketInput!) {
    refundTicket(input: $i) {
      id
    }
  }
`);
const CREATE_KEY = graphql(`
  mutation BadCreateKey($i: CreateApiKeyInput!) {
    createApiKey(input: $i) {
      secret
    }
  }
`);
const UPDATE_SCOPE = graphql(`
  mutation BadUpdateScope($i: UpdateApiKeyScopeInput!) {
    updateApiKeyScope(input: $i) {
      id
    }
  }
`);

const licenseInput = (over: Record<string, unknown> = {}) => ({
  accountId: acc,
  edition: 'OWNED',
  hostingPlan: null,
  domain: 'shop.example.com',
  orderDate: new Date(Date.now() - 86_400_000).toISOString(),
  listPriceCents: 10_000,
  paidPriceCents: 10_000,
  ...over,
});

describe('credits', () => {
  const purchaseWith = (credits: unknown) => ({
    i: { accountId: acc, credits, paymentReference: uniq('bad-pay') },
  });

  it('0 credits for a purchase (the minimum is 1)', async () => {
    expectBadInput(await refused(PURCHASE, purchaseWith(0)), /credits$/);
  });

  it('negative credits', async () => {
    expectBadInput(await refused(PURCHASE, purchaseWith(-5)), /credits$/);
    expectBadInput(await refused(CHARGE, { i: { ticketId: ticket, credits: -1 } }), /credits$/);
  });

  it('2^31 credits: beyond GraphQL Int, refused by variable coercion', async () => {
    const r = await refused(PURCHASE, purchaseWith(2 ** 31));
    expect(r.data).toBeNull();
    expectBadInput(r, /credits$/);
  });

  it('a purchase that would push the balance past GraphQL Int (2^31 - 1) is refused', async () => {
    const rich = await createAccount(g);
    await purchase(g, rich, 2_000_000_000);
    const r = await send(PURCHASE, {
      i: { accountId: rich, credits: 200_000_000, paymentReference: 'too-much' },
    });
    expectBadInput(r, /credits$/);
    expect(await balance(g, rich)).toBe(2_000_000_000);
  });

  it('10^9 credits for a charge is outside any price range', async () => {
    expectCode(
      await refused(CHARGE, { i: { ticketId: ticket, credits: 1_000_000_000 } }),
      'COST_OUT_OF_RANGE',
    );
  });

  it('fractional credits (2.5), in variables and inline', async () => {
    expectBadInput(await refused(PURCHASE, purchaseWith(2.5)), /credits$/);
    expectBadInput(await refused(CHARGE, { i: { ticketId: ticket, credits: 2.5 } }), /credits$/);
    const inline = await refused(
      `mutation { purchaseCredits(input: { accountId: "${acc}", credits: 2.5, paymentReference: "inline" }) { id } }`,
    );
    expectCode(inline, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('credits as a string', async () => {
    expectBadInput(await refused(PURCHASE, purchaseWith('10')), /credits$/);
  });
});

describe('license terms', () => {
  it('paidPriceCents above listPriceCents', async () => {
    expectBadInput(
      await refused(ISSUE, { i: licenseInput({ listPriceCents: 10_000, paidPriceCents: 10_001 }) }),
      /paidPriceCents$/,
    );
  });

  it('negative prices', async () => {
    expectBadInput(
      await refused(ISSUE, { i: licenseInput({ listPriceCents: -1, paidPriceCents: -1 }) }),
      /listPriceCents$/,
    );
  });

  it('SAAS without a hosting plan', async () => {
    expectBadInput(
      await refused(ISSUE, { i: licenseInput({ edition: 'SAAS', hostingPlan: null }) }),
      /hostingPlan$/,
    );
  });

  it('OWNED with a hosting plan', async () => {
    expectBadInput(
      await refused(ISSUE, { i: licenseInput({ edition: 'OWNED', hostingPlan: 'BASIC' }) }),
      /hostingPlan$/,
    );
  });

  it('the same rules in grantPreview', async () => {
    const q = graphql(`
      query BadGrantPreview($i: GrantPreviewInput!) {
        grantPreview(input: $i) {
          credits
        }
      }
    `);
    expectBadInput(
      await refused(q, { i: { edition: 'SAAS', listPriceCents: 100, paidPriceCents: 100 } }),
      /hostingPlan$/,
    );
    expectBadInput(
      await refused(q, { i: { edition: 'LEASED', listPriceCents: 100, paidPriceCents: 200 } }),
      /paidPriceCents$/,
    );
  });

  it('an orderDate in the future', async () => {
    expectBadInput(
      await refused(ISSUE, { i: licenseInput({ orderDate: daysFromNow(2).toISOString() }) }),
      /orderDate$/,
    );
  });

  it('an orderDate that is not a date-time', async () => {
    expectBadInput(
      await refused(ISSUE, { i: licenseInput({ orderDate: 'yesterday' }) }),
      /orderDate$/,
    );
  });

  it('a malformed domain', async () => {
    expectBadInput(
      await refused(ISSUE, { i: licenseInput({ domain: 'not a domain' }) }),
      /domain$/,
    );
  });
});

// ---------------------------------------------------------------------------
// Malformed ids on every ID argument of every root field.

type IdCase = (bad: string) => { query: Malformed; variables: Record<string, unknown> };

const ID_CASES: Record<string, IdCase> = {
  'account.id': (bad) => ({
    query: graphql(`
      query BadAccountId($id: ID!) {
        account(id: $id) {
          id
        }
      }
    `),
    variables: { id: bad },
  }),
  'license.id': (bad) => ({
    query: graphql(`
      query BadLicenseId($id: ID!) {
        license(id: $id) {
          id
        }
      }
    `),
    variables: { id: bad },
  }),
  'ticket.id': (bad) => ({
    query: graphql(`
      query BadTicketId($id: ID!) {
        ticket(id: $id) {
          id
        }
      }
    `),
    variables: { id: bad },
  }),
  'quote.licenseId': (bad) => ({
    query: graphql(`
      query BadQuoteLicenseId($l: ID!) {
        quote(licenseId: $l, category: SETUP) {
          balance
        }
      }
    `),
    variables: { l: bad },
  }),
  'tickets.filter.accountId': (bad) => ({
    query: graphql(`
      query BadTicketsAccountId($a: ID) {
        tickets(filter: { accountId: $a }) {
          totalCount
        }
      }
    `),
    variables: { a: bad },
  }),
  'tickets.filter.openedBy': (bad) => ({
    query: graphql(`
      query BadTicketsOpenedBy($a: ID) {
        tickets(filter: { openedBy: $a }) {
          totalCount
        }
      }
    `),
    variables: { a: bad },
  }),
  'ticketCounts.filter.accountId': (bad) => ({
    query: graphql(`
      query BadTicketCountsAccountId($a: ID) {
        ticketCounts(filter: { accountId: $a }) {
          open
        }
      }
    `),
    variables: { a: bad },
  }),
  'ticketCounts.filter.openedBy': (bad) => ({
    query: graphql(`
      query BadTicketCountsOpenedBy($a: ID) {
        ticketCounts(filter: { openedBy: $a }) {
          open
        }
      }
    `),
    variables: { a: bad },
  }),
  'auditEvents.filter.accountId': (bad) => ({
    query: graphql(`
      query BadAuditAccountId($a: ID) {
        auditEvents(filter: { accountId: $a }) {
          totalCount
        }
      }
    `),
    variables: { a: bad },
  }),
  'auditEvents.filter.keyId': (bad) => ({
    query: graphql(`
      query BadAuditKeyId($a: ID) {
        auditEvents(filter: { keyId: $a }) {
          totalCount
        }
      }
    `),
    variables: { a: bad },
  }),
  'charges.filter.accountId': (bad) => ({
    query: graphql(`
      query BadChargesAccountId($a: ID) {
        charges(filter: { accountId: $a }) {
          totalCount
        }
      }
    `),
    variables: { a: bad },
  }),
  'chargeSummary.filter.accountId': (bad) => ({
    query: graphql(`
      query BadSummaryAccountId($a: ID) {
        chargeSummary(filter: { accountId: $a }, groupBy: DAY) {
          key
        }
      }
    `),
    variables: { a: bad },
  }),
  'issueLicense.input.accountId': (bad) => ({
    query: ISSUE,
    variables: { i: licenseInput({ accountId: bad }) },
  }),
  'purchaseCredits.input.accountId': (bad) => ({
    query: PURCHASE,
    variables: { i: { accountId: bad, credits: 5, paymentReference: uniq('bad-id') } },
  }),
  'openTicket.input.licenseId': (bad) => ({
    query: OPEN,
    variables: { i: { licenseId: bad, category: 'SETUP', subject: 'Malformed id' } },
  }),
  'chargeTicket.input.ticketId': (bad) => ({
    query: CHARGE,
    variables: { i: { ticketId: bad, credits: 30 } },
  }),
  'refundTicket.input.ticketId': (bad) => ({
    query: REFUND,
    variables: { i: { ticketId: bad, reason: 'Vendor bug' } },
  }),
  'createApiKey.input.accountIds': (bad) => ({
    query: CREATE_KEY,
    variables: { i: { name: uniq('bad-ids'), role: 'PARTNER', accountIds: [acc, bad] } },
  }),
  'revokeApiKey.id': (bad) => ({
    query: graphql(`
      mutation BadRevokeId($id: ID!) {
        revokeApiKey(id: $id) {
          id
        }
      }
    `),
    variables: { id: bad },
  }),
  'updateApiKeyScope.input.id': (bad) => ({
    query: UPDATE_SCOPE,
    variables: { i: { id: bad, accountIds: [acc] } },
  }),
  'updateApiKeyScope.input.accountIds': (bad) => ({
    query: UPDATE_SCOPE,
    variables: { i: { id: partnerKeyId, accountIds: [acc, bad] } },
  }),
  'setLowBalanceThreshold.accountId': (bad) => ({
    query: 'mutation($a: ID!) { setLowBalanceThreshold(accountId: $a, threshold: 5) { id } }',
    variables: { a: bad },
  }),
  'resendStatement.id': (bad) => ({
    query: 'mutation($id: ID!) { resendStatement(id: $id) { id } }',
    variables: { id: bad },
  }),
  'createWebhookEndpoint.input.accountIds': (bad) => ({
    query: CREATE_ENDPOINT,
    variables: {
      i: {
        url: 'http://127.0.0.1:9/bad-id',
        eventTypes: ['charge.created'],
        accountIds: [acc, bad],
      },
    },
  }),
  'updateWebhookEndpoint.input.id': (bad) => ({
    query: 'mutation($i: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $i) { id } }',
    variables: { i: { id: bad, description: 'x' } },
  }),
  'sendTestWebhook.endpointId': (bad) => ({
    query: 'mutation($id: ID!) { sendTestWebhook(endpointId: $id) { __typename } }',
    variables: { id: bad },
  }),
  'createPortalLink.accountId': (bad) => ({
    query: 'mutation($a: ID!) { createPortalLink(accountId: $a) { url } }',
    variables: { a: bad },
  }),
  'revokePortalLinks.accountId': (bad) => ({
    query: 'mutation($a: ID!) { revokePortalLinks(accountId: $a) }',
    variables: { a: bad },
  }),
  'deleteWebhookEndpoint.id': (bad) => ({
    query: 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }',
    variables: { id: bad },
  }),
  ...Object.fromEntries(
    ['disableWebhookEndpoint', 'rotateWebhookSecret', 'replayWebhookDelivery'].map(
      (field): [string, IdCase] => [
        `${field}.id`,
        (bad) => ({
          query: `mutation($id: ID!) { ${field}(id: $id) { __typename } }`,
          variables: { id: bad },
        }),
      ],
    ),
  ),
};

const FILE_ID_PATHS = idArgumentPaths(schemaFromFile());

describe('malformed ids', () => {
  it('every ID argument of the served schema has a case here', async () => {
    // graphql-js types its own introspection query's answer.
    const introspection = await g.ok<IntrospectionQuery>(getIntrospectionQuery());
    const served = idArgumentPaths(buildClientSchema(introspection));
    expect(served.length).toBeGreaterThan(10);
    expect(
      served.filter((p) => !(p in ID_CASES)),
      'ID arguments without a malformed-id case',
    ).toEqual([]);
  });

  for (const path of [...new Set([...FILE_ID_PATHS, ...Object.keys(ID_CASES)])].sort()) {
    for (const bad of [
      'abc',
      '',
      '12345678-1234-1234-1234-1234567890123',
      "'; DROP TABLE accounts; --",
    ]) {
      it(`${path} = ${JSON.stringify(bad)} -> BAD_USER_INPUT naming ${path.split('.').pop()}`, async () => {
        const make = ID_CASES[path];
        expect(make, `no malformed-id case for ${path}`).toBeDefined();
        const { query, variables } = make!(bad);
        const r = await refused(query, variables);
        const last = path.split('.').pop()!;
        expectBadInput(r, new RegExp(`(^|\\.)${last}$`));
      });
    }
  }
});

describe('webhook event types', () => {
  // Found by request-hardening's fuzz: [""] passed the check and a NUL byte
  // behind it reached Postgres as a 500.
  for (const eventTypes of [[''], ['', '\u0000'], ['charge.created', '\u0000']]) {
    it(`createWebhookEndpoint with eventTypes ${JSON.stringify(eventTypes)} -> BAD_USER_INPUT naming eventTypes`, async () => {
      const r = await refused(CREATE_ENDPOINT, {
        i: { url: 'https://hooks.example.com/empty-type', eventTypes },
      });
      expectBadInput(r, /(^|\.)eventTypes$/);
    });
  }
});

describe('enums', () => {
  it('an unknown enum value in variables is BAD_USER_INPUT', async () => {
    expectBadInput(await refused(ISSUE, { i: licenseInput({ edition: 'PLATINUM' }) }), /edition$/);
    expectBadInput(
      await refused(ISSUE, { i: licenseInput({ edition: 'SAAS', hostingPlan: 'ENTERPRISE' }) }),
      /hostingPlan$/,
    );
    expectBadInput(
      await refused(OPEN, { i: { licenseId: lic, category: 'URGENT', subject: 'x' } }),
      /category$/,
    );
    expectBadInput(
      await refused(
        graphql(`
          query BadGrouping($g: ChargeGrouping!) {
            chargeSummary(groupBy: $g) {
              key
            }
          }
        `),
        { g: 'YEAR' },
      ),
      /g$/,
    );
    expectBadInput(await refused(CREATE_KEY, { i: { name: 'enum', role: 'ROOT' } }), /role$/);
    // A served role, but the portal links' own: no API key holds it.
    expectBadInput(await refused(CREATE_KEY, { i: { name: 'enum', role: 'CUSTOMER' } }), 'role');
    expectBadInput(
      await refused(
        graphql(`
          query BadTicketStatus($id: ID!, $s: TicketStatus) {
            account(id: $id) {
              tickets(status: $s) {
                totalCount
              }
            }
          }
        `),
        { id: acc, s: 'CLOSED' },
      ),
      /s$/,
    );
  });

  it('an enum value in the wrong case is refused too', async () => {
    expectBadInput(await refused(ISSUE, { i: licenseInput({ edition: 'owned' }) }), /edition$/);
  });
});

describe('text sizes', () => {
  it('a 1 MB subject or name is refused by the body limit: HTTP 413, BAD_USER_INPUT', async () => {
    const huge = 'x'.repeat(1 << 20);
    for (const body of [
      {
        query: OPEN.toString(),
        variables: { i: { licenseId: lic, category: 'SETUP', subject: huge } },
      },
      {
        query: CREATE_ACCOUNT.toString(),
        variables: { i: { name: huge, email: 'huge@example.com' } },
      },
    ]) {
      const before = await fingerprint(g);
      const r = await postRaw(g, body);
      expect(r.status).toBe(413);
      const answer = answerOf(r);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(typeof answer.errors?.[0]?.extensions?.field).toBe('string');
      expect(await fingerprint(g)).toEqual(before);
    }
  });

  it('a 600-character subject is BAD_USER_INPUT on subject', async () => {
    expectBadInput(
      await refused(OPEN, { i: { licenseId: lic, category: 'SETUP', subject: 's'.repeat(600) } }),
      /subject$/,
    );
  });

  it('an empty or blank subject, name or reason', async () => {
    expectBadInput(
      await refused(OPEN, { i: { licenseId: lic, category: 'SETUP', subject: '   ' } }),
      /subject$/,
    );
    expectBadInput(
      await refused(CREATE_ACCOUNT, { i: { name: '', email: 'blank@example.com' } }),
      /name$/,
    );
    expectBadInput(
      await refused(CREATE_ACCOUNT, { i: { name: 'x'.repeat(201), email: 'long@example.com' } }),
      /name$/,
    );
    expectBadInput(
      await refused(CREATE_ACCOUNT, { i: { name: 'Shop', email: 'not-an-email' } }),
      /email$/,
    );
    expectBadInput(await refused(REFUND, { i: { ticketId: charged, reason: '' } }), /reason$/);
  });
});

describe('pagination', () => {
  const FIRST_CASES: [string, Malformed, Record<string, unknown>][] = [
    [
      'accounts',
      graphql(`
        query BadaccountsFirst($n: Int) {
          accounts(first: $n) {
            totalCount
          }
        }
      `),
      {},
    ],
    [
      'charges',
      graphql(`
        query BadchargesFirst($n: Int) {
          charges(first: $n) {
            totalCount
          }
        }
      `),
      {},
    ],
    [
      'Account.tickets',
      graphql(`
        query BadAccountticketsFirst($id: ID!, $n: Int) {
          account(id: $id) {
            tickets(first: $n) {
              totalCount
            }
          }
        }
      `),
      { id: 'ACC' },
    ],
    [
      'Account.charges',
      graphql(`
        query BadAccountchargesFirst($id: ID!, $n: Int) {
          account(id: $id) {
            charges(first: $n) {
              totalCount
            }
          }
        }
      `),
      { id: 'ACC' },
    ],
    [
      'Account.ledger',
      graphql(`
        query BadAccountledgerFirst($id: ID!, $n: Int) {
          account(id: $id) {
            ledger(first: $n) {
              totalCount
            }
          }
        }
      `),
      { id: 'ACC' },
    ],
    [
      'Account.statements',
      graphql(`
        query BadAccountstatementsFirst($id: ID!, $n: Int) {
          account(id: $id) {
            statements(first: $n) {
              totalCount
            }
          }
        }
      `),
      { id: 'ACC' },
    ],
  ];
  const withAcc = (v: Record<string, unknown>) => (v.id === 'ACC' ? { ...v, id: acc } : v);

  for (const [name, query, vars] of FIRST_CASES) {
    it(`${name}(first: 101) and (first: -1) -> BAD_USER_INPUT on first`, async () => {
      expectBadInput(await refused(query, { ...withAcc(vars), n: 101 }), /first$/);
      expectBadInput(await refused(query, { ...withAcc(vars), n: -1 }), /first$/);
      // ...while 100 is fine.
      const ok = await send(query, { ...withAcc(vars), n: 100 });
      expect(ok.errors).toBeUndefined();
    });
  }

  const AFTER_CASES: [string, Malformed, Record<string, unknown>][] = [
    [
      'accounts',
      graphql(`
        query BadaccountsAfter($c: String) {
          accounts(after: $c) {
            totalCount
          }
        }
      `),
      {},
    ],
    [
      'charges',
      graphql(`
        query BadchargesAfter($c: String) {
          charges(after: $c) {
            totalCount
          }
        }
      `),
      {},
    ],
    [
      'Account.tickets',
      graphql(`
        query BadAccountticketsAfter($id: ID!, $c: String) {
          account(id: $id) {
            tickets(after: $c) {
              totalCount
            }
          }
        }
      `),
      { id: 'ACC' },
    ],
    [
      'Account.charges',
      graphql(`
        query BadAccountchargesAfter($id: ID!, $c: String) {
          account(id: $id) {
            charges(after: $c) {
              totalCount
            }
          }
        }
      `),
      { id: 'ACC' },
    ],
    [
      'Account.ledger',
      graphql(`
        query BadAccountledgerAfter($id: ID!, $c: String) {
          account(id: $id) {
            ledger(after: $c) {
              totalCount
            }
          }
        }
      `),
      { id: 'ACC' },
    ],
    [
      'Account.statements',
      graphql(`
        query BadAccountstatementsAfter($id: ID!, $c: String) {
          account(id: $id) {
            statements(after: $c) {
              totalCount
            }
          }
        }
      `),
      { id: 'ACC' },
    ],
  ];
  const BAD_CURSORS: [string, string][] = [
    ['garbage', 'not a cursor!'],
    ['base64 of junk', Buffer.from('hello').toString('base64url')],
    // Well-formed envelope, but the key inside is not a row key of this list.
    ['envelope with a non-key inside', Buffer.from('k:zzz').toString('base64url')],
    ['envelope with SQL inside', Buffer.from("k:1' OR '1'='1").toString('base64url')],
  ];

  for (const [name, query, vars] of AFTER_CASES) {
    for (const [label, cursor] of BAD_CURSORS) {
      it(`${name}(after: ${label}) -> BAD_USER_INPUT on after`, async () => {
        expectBadInput(await refused(query, { ...withAcc(vars), c: cursor }), /after$/);
      });
    }
  }

  const SUMMARY_PAGE = graphql(`
    query BadSummaryPage($g: ChargeGrouping!, $n: Int, $c: String) {
      chargeSummary(groupBy: $g, first: $n, after: $c) {
        key
      }
    }
  `);
  it('chargeSummary(first: 101) and (first: -1) -> BAD_USER_INPUT on first', async () => {
    expectBadInput(await refused(SUMMARY_PAGE, { g: 'ACCOUNT', n: 101 }), /first$/);
    expectBadInput(await refused(SUMMARY_PAGE, { g: 'DAY', n: -1 }), /first$/);
    const ok = await send(SUMMARY_PAGE, { g: 'ACCOUNT', n: 100 });
    expect(ok.errors).toBeUndefined();
  });
  for (const [groupBy, after] of [
    ['ACCOUNT', 'not-an-id'],
    ['ACCOUNT', "' OR '1'='1"],
    ['DAY', '2026-12'],
    ['MONTH', '2026-12-01'],
    ['CATEGORY', 'setup; --'],
    ['EDITION', ''],
  ]) {
    it(`chargeSummary(groupBy: ${groupBy}, after: ${JSON.stringify(after)}) -> BAD_USER_INPUT on after`, async () => {
      expectBadInput(await refused(SUMMARY_PAGE, { g: groupBy, n: 10, c: after }), /after$/);
    });
  }
});

describe('abuse limits', () => {
  /** An over-limit document: refused before execution, with no data and a client error. */
  async function rejectedDocument(body: unknown) {
    const before = await fingerprint(g);
    const r = await postRaw(g, body);
    const answer = answerOf(r);
    expect(answer.data ?? null).toBeNull();
    expect(await fingerprint(g)).toEqual(before);
    expect(
      r.status,
      `an over-limit document is the client's fault, not a 500: ${r.text}`,
    ).toBeLessThan(500);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'], r.text).toContain(
      answer.errors?.[0]?.extensions?.code,
    );
    return r;
  }

  it(`a query deeper than LIMITS.depth (${LIMITS.depth})`, async () => {
    let selection = 'id';
    for (let i = 0; i < LIMITS.depth; i++) selection = `account { licenses { ${selection} } }`;
    await rejectedDocument({
      query: `query($id: ID!) { license(id: $id) { ${selection} } }`,
      variables: { id: lic },
    });
  });

  it(`a mutation deeper than LIMITS.depth`, async () => {
    let selection = 'id';
    for (let i = 0; i < LIMITS.depth; i++) selection = `account { licenses { ${selection} } }`;
    await rejectedDocument({
      query: `mutation($i: CreateAccountInput!) { createAccount(input: $i) { licenses { ${selection} } } }`,
      variables: { i: { name: 'Deep', email: 'deep@example.com' } },
    });
  });

  it(`more aliases than LIMITS.aliases (${LIMITS.aliases})`, async () => {
    const aliases = Array.from(
      { length: LIMITS.aliases + 5 },
      (_, i) => `a${i}: pricing { grantValidityMonths }`,
    ).join(' ');
    await rejectedDocument({ query: `{ ${aliases} }` });
  });

  it('an alias flood of mutations runs none of them', async () => {
    const aliases = Array.from(
      { length: LIMITS.aliases + 5 },
      (_, i) =>
        `m${i}: createAccount(input: { name: "Flood ${i}", email: "flood${i}@example.com" }) { id }`,
    ).join(' ');
    await rejectedDocument({ query: `mutation { ${aliases} }` });
  });

  it(`more tokens than LIMITS.tokens (${LIMITS.tokens})`, async () => {
    const query = `{ ${'__typename '.repeat(LIMITS.tokens + 500)} }`;
    expect(query.length).toBeLessThan(100 * 1024);
    await rejectedDocument({ query });
  });

  it(`a query costlier than LIMITS.cost (${LIMITS.cost})`, async () => {
    await rejectedDocument({
      query: '{ accounts(first: 100) { nodes { tickets(first: 100) { nodes { id subject } } } } }',
    });
  });

  it('batched HTTP requests (a JSON array body) are refused and run nothing', async () => {
    const before = await fingerprint(g);
    const r = await postRaw(g, [
      {
        query: CREATE_ACCOUNT.toString(),
        variables: { i: { name: 'Batch one', email: 'one@example.com' } },
      },
      {
        query: CREATE_ACCOUNT.toString(),
        variables: { i: { name: 'Batch two', email: 'two@example.com' } },
      },
    ]);
    expect(await fingerprint(g), 'no operation of the batch ran').toEqual(before);
    expect(r.status).toBe(400);
    expect(Array.isArray(r.json), 'no per-operation answers').toBe(false);
    const answer = answerOf(r);
    expect(answer.data ?? null).toBeNull();
    const code = answer.errors?.[0]?.extensions?.code;
    expect(
      ['BAD_REQUEST', 'BAD_USER_INPUT'],
      `a refused batch is a client error: ${r.text}`,
    ).toContain(code);
  });

  it('a body that is not JSON is BAD_REQUEST, not a 500', async () => {
    const r = await postRaw(g, '{"query": ');
    expect(r.status).toBe(400);
    expect(answerOf(r).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});
