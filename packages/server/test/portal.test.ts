import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import type { JobRunner } from '../src/jobs/runner';
import { jobContext } from '../src/jobs/tasks/scheduled';
import { sendExpiryNotices } from '../src/notices/expiry-notices';
import { graphql } from './gql';
import { expectCode, fingerprint, randomId, withoutIds } from './support/access-helpers';
import { dashboardQuery } from './support/dashboard-documents';
import {
  CHARGE,
  createAccount,
  createKey,
  issueLicense,
  monthsAgo,
  openTicket,
  purchase,
} from './support/fixtures';
import {
  type GqlResult,
  type TestGateway,
  portalAuth,
  portalToken,
  startGateway,
} from './support/gateway';
import { SmtpSink, startTestWorker, waitFor } from './support/outbound';
import { present } from './support/results';

// Issue 16, the customer portal: every statement, receipt and notice e-mail
// carries a link to a read-only page of its account. The link's token,
// presented as "Authorization: Portal <token>" to /graphql, reads that one
// account and nothing else, changes nothing, and stops at its expiry or
// revocation. A real SMTP server, a real worker, real HTTP; the gateway's
// instants from a ManualClock so an expiry is reached without waiting.

const DAY = 86_400_000;
// An hour behind the database: the worker's links (made at its now()) are well inside their life.
const clock = new ManualClock(new Date(Date.now() - 3_600_000));
let g: TestGateway;
let smtp: SmtpSink;
let worker: JobRunner;

beforeAll(async () => {
  g = await startGateway({ clock });
  smtp = await SmtpSink.start();
  worker = await startTestWorker(g, {
    mail: { smtpUrl: smtp.url },
    portal: { publicUrl: g.url, linkDays: 30 },
  });
});
afterAll(async () => {
  await worker?.stop();
  await smtp?.down();
  await g?.close();
});

const PORTAL_PAGE = graphql(`
  query PortalTestPage($id: ID!) {
    me {
      role
      accountIds
      permissions
    }
    account(id: $id) {
      id
      balance
      creditLots {
        id
        remainingCredits
        expiresAt
      }
      receipts {
        nodes {
          kind
          credits
        }
      }
    }
  }
`);

const CREATE_LINK = graphql(`
  mutation PortalTestCreate($a: ID!) {
    createPortalLink(accountId: $a) {
      url
      expiresAt
    }
  }
`);

const REVOKE_LINKS = graphql(`
  mutation PortalTestRevoke($a: ID!) {
    revokePortalLinks(accountId: $a)
  }
`);

const ACCOUNT_EMAIL = graphql(`
  query PortalTestEmail($id: ID!) {
    account(id: $id) {
      email
      balance
    }
  }
`);

async function emailOf(accountId: string): Promise<string> {
  return present((await g.ok(ACCOUNT_EMAIL, { id: accountId })).account).email;
}

/** The portal link of an e-mail: in the text part, and the same in the HTML part's href. */
function linkIn(mail: ParsedMail): string {
  const m = new RegExp(`${g.url}/portal/cgp_[A-Za-z0-9_-]{43}`).exec(mail.text ?? '');
  expect(m, `a portal link in "${mail.subject}"`).not.toBeNull();
  expect(mail.html || '').toContain(`href="${m![0]}"`);
  return m![0];
}

/** Waits for `n` messages to `email` whose subject matches. */
async function mailsTo(email: string, subject: RegExp, n = 1): Promise<ParsedMail[]> {
  return waitFor(() => {
    const found = smtp.to(email).filter((m) => subject.test(m.subject ?? ''));
    return found.length >= n ? found : undefined;
  }, `${n} message(s) "${subject.source}" to ${email}`);
}

/** The portal's read as the page sends it, with the link's token. */
const asCustomer = (url: string, accountId: string) =>
  g.gql(PORTAL_PAGE, { id: accountId }, portalAuth(portalToken(url)));

function expectRefusedLink(r: GqlResult) {
  expect(r.status).toBe(401);
  expect(r.data).toBeNull();
  const e = expectCode(r, 'UNAUTHENTICATED');
  expect(e.message).toMatch(/portal link/);
}

describe('every customer e-mail carries a working portal link', () => {
  it('a license grant and a purchase each send a receipt whose link opens the account', async () => {
    const acc = await createAccount(g);
    const email = await emailOf(acc);
    await issueLicense(g, acc, { edition: 'OWNED' });
    await purchase(g, acc, 40);
    const receipts = await mailsTo(email, /^(Receipt|License registered)/, 2);
    const links = receipts.map(linkIn);
    // Minted per message: two links, each its own token.
    expect(new Set(links).size).toBe(2);
    const { balance } = present((await g.ok(ACCOUNT_EMAIL, { id: acc })).account);
    for (const link of links) {
      const r = await asCustomer(link, acc);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const d = present(r.data);
      expect(d.me).toEqual({ role: 'CUSTOMER', accountIds: [acc], permissions: ['READ'] });
      const account = present(d.account);
      expect(account.id).toBe(acc);
      expect(account.balance).toBe(balance);
      expect(account.creditLots).toHaveLength(2);
      expect(account.receipts.nodes.map((n) => n.kind).sort()).toEqual(['GRANT', 'PURCHASE']);
    }
  });

  it('a statement (P18) carries one', async () => {
    const acc = await createAccount(g);
    const email = await emailOf(acc);
    const lic = await issueLicense(g, acc, { edition: 'OWNED' });
    await g.ok(CHARGE, { i: { ticketId: await openTicket(g, lic.id), credits: 20 } });
    const [statement] = await mailsTo(email, /^Statement:/);
    const r = await asCustomer(linkIn(statement!), acc);
    expect(r.errors).toBeUndefined();
    expect(present(r.data?.account).id).toBe(acc);
  });

  it('the low-balance and expiring-soon notices carry one', async () => {
    const acc = await createAccount(g);
    const email = await emailOf(acc);
    // Ordered 12 months ago less 5 days: the grant expires within the 7-day notice.
    const lic = await issueLicense(g, acc, {
      edition: 'OWNED',
      orderDate: new Date(monthsAgo(12, clock.now()).getTime() + 5 * DAY),
    });
    await g.ok(
      'mutation($a: ID!) { setLowBalanceThreshold(accountId: $a, threshold: 1000) { id } }',
      {
        a: acc,
      },
    );
    await g.ok(CHARGE, { i: { ticketId: await openTicket(g, lic.id), credits: 20 } });
    const [low] = await mailsTo(email, /balance is low/);
    expect((await asCustomer(linkIn(low!), acc)).errors).toBeUndefined();

    const log = pino({ level: 'silent' });
    await sendExpiryNotices(jobContext(g.ds, log, 'test', clock), clock.now(), [7]);
    const [expiring] = await mailsTo(email, /support credits expire on/);
    expect((await asCustomer(linkIn(expiring!), acc)).errors).toBeUndefined();
  });
});

describe('what a portal link may do', () => {
  let accA: string;
  let accB: string;
  let licB: string;
  let ticketB: string;
  let tokenA: string;

  beforeAll(async () => {
    accA = await createAccount(g);
    const licA = await issueLicense(g, accA, { edition: 'OWNED' });
    await g.ok(CHARGE, { i: { ticketId: await openTicket(g, licA.id), credits: 20 } });
    accB = await createAccount(g);
    licB = (await issueLicense(g, accB, { edition: 'OWNED' })).id;
    await purchase(g, accB, 30);
    ticketB = await openTicket(g, licB);
    await g.ok(CHARGE, { i: { ticketId: ticketB, credits: 25 } });
    tokenA = portalToken((await g.ok(CREATE_LINK, { a: accA })).createPortalLink.url);
  });

  /** The link asks about B's id, then about a random id: the answers must be indistinguishable. */
  async function sameAsMissing(query: string, realId: string) {
    const ask = (id: string) => g.gql(query, { id }, portalAuth(tokenA));
    const real = await ask(realId);
    const missingId = randomId();
    const missing = await ask(missingId);
    expect(withoutIds(real, [realId])).toEqual(withoutIds(missing, [missingId]));
    return real;
  }

  it("reads its own account only: another account's rows look like ids that do not exist", async () => {
    // The admin sees B, so the empty answers are not trivially empty.
    expect(present((await g.ok(ACCOUNT_EMAIL, { id: accB })).account).balance).toBeGreaterThan(0);
    for (const [query, id] of [
      ['query($id: ID!) { account(id: $id) { id name balance } }', accB],
      ['query($id: ID!) { license(id: $id) { id domain } }', licB],
      ['query($id: ID!) { ticket(id: $id) { id subject } }', ticketB],
    ] as const) {
      const r = await sameAsMissing(query, id);
      expect(r.errors).toBeUndefined();
      expect(Object.values(present(r.data) as Record<string, unknown>)[0]).toBeNull();
    }
    const quote = await sameAsMissing(
      'query($id: ID!) { quote(licenseId: $id, category: SETUP) { balance } }',
      licB,
    );
    expect(expectCode(quote, 'NOT_FOUND').extensions.id).toBe(licB);
    const charges = await sameAsMissing(
      'query($id: ID!) { charges(filter: { accountId: $id }) { totalCount } }',
      accB,
    );
    expect(charges.data).toEqual({ charges: { totalCount: 0 } });

    // Lists hold its account alone.
    const lists = await g.ok<{
      accounts: { totalCount: number; nodes: { id: string }[] };
      charges: { nodes: { account: { id: string } }[] };
      tickets: { nodes: { account: { id: string } }[] };
    }>(
      `{ accounts(first: 100) { totalCount nodes { id } }
         charges(first: 100) { nodes { account { id } } }
         tickets(first: 100) { nodes { account { id } } } }`,
      {},
      portalAuth(tokenA),
    );
    expect(lists.accounts).toEqual({ totalCount: 1, nodes: [{ id: accA }] });
    expect(lists.charges.nodes.map((n) => n.account.id)).toEqual([accA]);
    expect(lists.tickets.nodes.map((n) => n.account.id)).toEqual([accA]);
  });

  it("the page's own query, as the dashboard sends it, is answered by the compiled reads", async () => {
    const query = dashboardQuery('PortalPage');
    // Nothing else in flight on the gateway's pool.
    for (let n = -1; n !== g.queries.count;) {
      n = g.queries.count;
      await new Promise((r) => setTimeout(r, 20));
    }
    const before = g.queries.count;
    const r = await g.gql<{ accounts: { nodes: { id: string }[] } }>(query, {}, portalAuth(tokenA));
    // One statement finds the link, one answers the whole page (the resolvers would take a dozen).
    expect(g.queries.count - before).toBe(2);
    expect(r.errors).toBeUndefined();
    expect(present(r.data).accounts.nodes.map((n) => n.id)).toEqual([accA]);
  });

  it('calls no mutation: FORBIDDEN, and nothing changes', async () => {
    const before = await fingerprint(g);
    const attempts: [string, Record<string, unknown>][] = [
      ['mutation($id: ID!) { createPortalLink(accountId: $id) { url } }', { id: accA }],
      ['mutation($id: ID!) { revokePortalLinks(accountId: $id) }', { id: accA }],
      [
        'mutation($i: PurchaseCreditsInput!) { purchaseCredits(input: $i) { id } }',
        { i: { accountId: accA, credits: 10, paymentReference: 'portal-try' } },
      ],
      [
        'mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }',
        { i: { name: 'Portal shop', email: 'portal@example.com' } },
      ],
      ['mutation { expireCredits }', {}],
    ];
    for (const [query, variables] of attempts) {
      const r = await g.gql(query, variables, portalAuth(tokenA));
      expect(r.data).toBeNull();
      expect(expectCode(r, 'FORBIDDEN').message).toMatch(/portal link.*its own account/);
    }
    expect(await fingerprint(g)).toEqual(before);
  });

  it('its token is no API key, and an API key is no portal token', async () => {
    const key = await createKey(g, 'ANALYST');
    for (const auth of [`Bearer ${tokenA}`, portalAuth(key.secret)]) {
      const r = await g.gql('{ me { role } }', {}, auth);
      expect(r.status).toBe(401);
      expectCode(r, 'UNAUTHENTICATED');
    }
    // Nor does it open the CSV exports.
    const res = await fetch(`${g.url}/export/charges.csv`, {
      headers: { authorization: portalAuth(tokenA) },
    });
    expect(res.status).toBe(401);
  });
});

describe('making, expiring and revoking links', () => {
  it('expires PORTAL_LINK_DAYS after it was made, on the gateway clock', async () => {
    const acc = await createAccount(g);
    const start = clock.now();
    const { url, expiresAt } = (await g.ok(CREATE_LINK, { a: acc })).createPortalLink;
    const expires = new Date(expiresAt).getTime();
    expect(expires - start.getTime()).toBeGreaterThanOrEqual(30 * DAY);
    expect(expires - start.getTime()).toBeLessThan(30 * DAY + 1000);
    try {
      clock.set(new Date(expires - 1));
      expect((await asCustomer(url, acc)).errors).toBeUndefined();
      clock.set(new Date(expires));
      expectRefusedLink(await asCustomer(url, acc));
      clock.set(new Date(expires + 400 * DAY));
      expectRefusedLink(await asCustomer(url, acc));
    } finally {
      clock.set(new Date(start.getTime() + 1000));
    }
  });

  it("revokePortalLinks stops every working link of the account (the e-mails' too), counts them, and a new one works", async () => {
    const acc = await createAccount(g);
    const other = await createAccount(g);
    const email = await emailOf(acc);
    await purchase(g, acc, 10);
    const [receipt] = await mailsTo(email, /^Receipt/);
    const fromMail = linkIn(receipt!);
    const made = (await g.ok(CREATE_LINK, { a: acc })).createPortalLink.url;
    const otherLink = (await g.ok(CREATE_LINK, { a: other })).createPortalLink.url;
    for (const url of [fromMail, made]) expect((await asCustomer(url, acc)).errors).toBeUndefined();

    expect((await g.ok(REVOKE_LINKS, { a: acc })).revokePortalLinks).toBe(2);
    for (const url of [fromMail, made]) expectRefusedLink(await asCustomer(url, acc));
    // Nothing left to revoke; another account's link is untouched.
    expect((await g.ok(REVOKE_LINKS, { a: acc })).revokePortalLinks).toBe(0);
    expect((await asCustomer(otherLink, other)).errors).toBeUndefined();
    const fresh = (await g.ok(CREATE_LINK, { a: acc })).createPortalLink.url;
    expect((await asCustomer(fresh, acc)).errors).toBeUndefined();

    const audit = await g.ds.query<{ action: string; details: Record<string, unknown> }[]>(
      `SELECT action, details FROM audit_events WHERE account_id = $1 AND action LIKE '%PortalLink%' ORDER BY id`,
      [acc],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'createPortalLink',
      'revokePortalLinks',
      'createPortalLink',
    ]);
    expect(audit[1]!.details).toEqual({ revoked: 2 });
  });

  it('a partner makes links for its own accounts; another account looks like an unknown id', async () => {
    const mine = await createAccount(g);
    const theirs = await createAccount(g);
    const partner = await createKey(g, 'PARTNER', [mine]);
    const link = (await g.ok(CREATE_LINK, { a: mine }, partner.secret)).createPortalLink.url;
    expect((await asCustomer(link, mine)).errors).toBeUndefined();
    const before = await fingerprint(g);
    for (const a of [theirs, randomId()]) {
      for (const doc of [CREATE_LINK.toString(), REVOKE_LINKS.toString()]) {
        const r = await g.gql(doc, { a }, partner.secret);
        expect(r.data).toBeNull();
        expect(expectCode(r, 'NOT_FOUND').extensions.id).toBe(a);
      }
    }
    expect(await fingerprint(g)).toEqual(before);
  });

  it('stores only the hash of the token: the token is in no table', async () => {
    const acc = await createAccount(g);
    const { url } = (await g.ok(CREATE_LINK, { a: acc })).createPortalLink;
    const token = portalToken(url);
    const [row] = await g.ds.query<Record<string, unknown>[]>(
      `SELECT * FROM portal_links WHERE account_id = $1`,
      [acc],
    );
    expect(row!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const secret = token.slice('cgp_'.length);
    for (const table of ['portal_links', 'audit_events', 'outbox', 'graphile_worker.jobs']) {
      const [hit] = await g.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM ${table} t WHERE strpos(row_to_json(t)::text, $1) > 0`,
        [secret],
      );
      expect(hit!.n, `the token in ${table}`).toBe(0);
    }
  });
});
