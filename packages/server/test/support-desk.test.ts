import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { expectBadInput, expectCode } from './support/access-helpers';
import {
  CHARGE,
  createAccount,
  createKey,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';
import { ADMIN_KEY, type TestGateway, startGateway } from './support/gateway';
import type { DeskQueueQuery, DeskTrailQuery } from './gql/graphql';

// Issue 15: the ticket queue (`tickets`, `ticketCounts`) and the audit trail
// (`auditEvents`, /export/audit.csv): who sees what, every filter, paging.

const QUEUE = graphql(`
  query DeskQueue($f: TicketFilter, $first: Int, $after: String) {
    tickets(filter: $f, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        category
        level
        openedByKeyId
        openedByName
        account {
          id
        }
      }
    }
  }
`);

const COUNTS = graphql(`
  query DeskCounts($f: TicketFilter) {
    ticketCounts(filter: $f) {
      open
      charged
      refunded
      total
    }
  }
`);

const TRAIL = graphql(`
  query DeskTrail($f: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $f, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        at
        action
        accountId
        targetId
        keyId
        keyName
        role
        requestId
        details
      }
    }
  }
`);

let g: TestGateway;
let accA: string;
let accB: string;
let partner: { id: string; secret: string };
let specialist: { id: string; secret: string };
let analyst: { id: string; secret: string };
/** Oldest first. */
const ticketsA: string[] = [];
let ticketB: string;
let leasedTicket: string;

beforeAll(async () => {
  g = await startGateway();
  accA = await createAccount(g);
  accB = await createAccount(g);
  partner = await createKey(g, 'PARTNER', [accA]);
  specialist = await createKey(g, 'SPECIALIST');
  analyst = await createKey(g, 'ANALYST');
  const licA = await issueLicense(g, accA, { edition: 'OWNED' });
  const licB = await issueLicense(g, accB, { edition: 'LEASED' });
  await purchase(g, accA, 500);
  // Three on A by the partner, one on A by the admin, one on B by the admin.
  for (let i = 0; i < 3; i++)
    ticketsA.push(await openTicket(g, licA.id, 'ROOT_CAUSE_ANALYSIS', partner.secret));
  ticketsA.push(await openTicket(g, licA.id, 'GENERAL_ISSUE'));
  ticketB = await openTicket(g, licB.id, 'CLARIFICATION');
  leasedTicket = ticketB;
  // The specialist charges the partner's first ticket.
  await g.ok(CHARGE, { i: { ticketId: ticketsA[0]!, credits: 30 } }, specialist.secret);
});
afterAll(() => g.close());

describe('tickets: the queue', () => {
  it('staff see every account, newest first, with the key that opened each', async () => {
    const d = await g.ok(QUEUE, { first: 10 }, specialist.secret);
    expect(d.tickets.totalCount).toBe(5);
    expect(d.tickets.nodes.map((t) => t.id)).toEqual([ticketB, ...[...ticketsA].reverse()]);
    const byPartner = d.tickets.nodes.filter((t) => t.openedByKeyId === partner.id);
    expect(byPartner).toHaveLength(3);
    expect(byPartner.every((t) => t.openedByName?.startsWith('PARTNER'))).toBe(true);
    // The bootstrap admin key has no id, but its name is kept.
    expect(d.tickets.nodes[0]!.openedByKeyId).toBeNull();
    expect(d.tickets.nodes[0]!.openedByName).toBeTruthy();
  });

  it('an analyst reads it too', async () => {
    expect((await g.ok(QUEUE, {}, analyst.secret)).tickets.totalCount).toBe(5);
  });

  it("a partner sees only its own accounts' tickets, and another account's filter is empty", async () => {
    const d = await g.ok(QUEUE, {}, partner.secret);
    expect(d.tickets.nodes.map((t) => t.id).sort()).toEqual([...ticketsA].sort());
    expect(d.tickets.nodes.every((t) => t.account.id === accA)).toBe(true);
    const other = await g.ok(QUEUE, { f: { accountId: accB } }, partner.secret);
    expect(other.tickets).toMatchObject({ totalCount: 0, nodes: [] });
    expect((await g.ok(COUNTS, {}, partner.secret)).ticketCounts).toEqual({
      open: 3,
      charged: 1,
      refunded: 0,
      total: 4,
    });
  });

  it('filters by status, category, level, edition, account, opener and age', async () => {
    const ids = async (f: Record<string, unknown>) =>
      (await g.ok(QUEUE, { f }, specialist.secret)).tickets.nodes.map((t) => t.id).sort();
    expect(await ids({ status: 'OPEN' })).toEqual([...ticketsA.slice(1), ticketB].sort());
    expect(await ids({ status: 'CHARGED' })).toEqual([ticketsA[0]]);
    expect(await ids({ categories: ['GENERAL_ISSUE', 'CLARIFICATION'] })).toEqual(
      [ticketsA[3], ticketB].sort(),
    );
    expect(await ids({ levels: ['LEVEL_1'] })).toEqual([ticketsA[3]]);
    expect(await ids({ editions: ['LEASED'] })).toEqual([leasedTicket]);
    expect(await ids({ accountId: accB })).toEqual([ticketB]);
    expect(await ids({ openedBy: partner.id })).toEqual(ticketsA.slice(0, 3).sort());
    expect(await ids({ openedBy: partner.id, status: 'OPEN' })).toEqual(
      ticketsA.slice(1, 3).sort(),
    );
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const past = new Date(Date.now() - 86_400_000).toISOString();
    expect(await ids({ openedAfter: future })).toEqual([]);
    expect(await ids({ openedBefore: past })).toEqual([]);
    expect(await ids({ openedAfter: past, openedBefore: future })).toHaveLength(5);
  });

  it('refuses a bad filter as BAD_USER_INPUT naming the field', async () => {
    const now = Date.now();
    expectBadInput(
      await g.gql(QUEUE, {
        f: {
          openedAfter: new Date(now).toISOString(),
          openedBefore: new Date(now - 1000).toISOString(),
        },
      }),
      'filter.openedBefore',
    );
    expectBadInput(await g.gql(QUEUE, { f: { openedBy: 'nope' } }), 'filter.openedBy');
  });

  it('counts per status under the rest of the filter', async () => {
    expect((await g.ok(COUNTS, { f: { status: 'OPEN' } })).ticketCounts).toEqual({
      open: 4,
      charged: 1,
      refunded: 0,
      total: 5,
    });
    expect((await g.ok(COUNTS, { f: { accountId: accB } })).ticketCounts.total).toBe(1);
  });

  it('pages by cursor without gaps or repeats, each page one statement', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const d: DeskQueueQuery = await g.ok(QUEUE, { first: 2, after }, specialist.secret);
      seen.push(...d.tickets.nodes.map((t) => t.id));
      expect(d.tickets.totalCount).toBe(5);
      if (!d.tickets.pageInfo.hasNextPage) break;
      after = d.tickets.pageInfo.endCursor;
    }
    expect(seen).toEqual([ticketB, ...[...ticketsA].reverse()]);
  });

  it('a page costs as many statements as a page of charges: one for the list', async () => {
    const statements = async (doc: string) => {
      await g.gql(doc, {}, specialist.secret); // warm: the key is cached after this
      const before = g.queries.count;
      await g.gql(doc, {}, specialist.secret);
      return g.queries.count - before;
    };
    const tickets = await statements(
      '{ tickets(first: 3) { totalCount nodes { id subject status } } }',
    );
    const charges = await statements('{ charges(first: 3) { totalCount nodes { id credits } } }');
    expect(tickets).toBe(charges);
  });
});

describe('auditEvents: the trail', () => {
  it('shows each action with the key name and role that did it, newest first', async () => {
    const d = await g.ok(
      TRAIL,
      { f: { accountId: accA, actions: ['openTicket', 'chargeTicket'] } },
      specialist.secret,
    );
    expect(d.auditEvents.nodes.map((e) => [e.action, e.role, e.keyId])).toEqual([
      ['chargeTicket', 'SPECIALIST', specialist.id],
      ['openTicket', 'ADMIN', null],
      ['openTicket', 'PARTNER', partner.id],
      ['openTicket', 'PARTNER', partner.id],
      ['openTicket', 'PARTNER', partner.id],
    ]);
    expect(JSON.parse(d.auditEvents.nodes[0]!.details)).toMatchObject({
      ticketId: ticketsA[0],
      credits: 30,
    });
    const open = d.auditEvents.nodes[4]!;
    expect(open.targetId).toBe(ticketsA[0]);
    expect(open.keyName).toMatch(/^PARTNER-/);
    expect(open.accountId).toBe(accA);
    expect(JSON.parse(open.details)).toEqual({ category: 'ROOT_CAUSE_ANALYSIS' });
    expect(open.requestId).toBeTruthy();
  });

  it('filters by account, key and action', async () => {
    const byKey = await g.ok(TRAIL, { f: { keyId: partner.id } });
    expect(byKey.auditEvents.totalCount).toBe(3);
    const actions = await g.ok(TRAIL, { f: { actions: ['createApiKey'] } });
    expect(actions.auditEvents.totalCount).toBe(3);
    const ofB = await g.ok(TRAIL, { f: { accountId: accB } });
    expect(new Set(ofB.auditEvents.nodes.map((e) => e.accountId))).toEqual(new Set([accB]));
  });

  it("a partner reads only its own accounts' events; an analyst reads all", async () => {
    const mine = await g.ok(TRAIL, { first: 100 }, partner.secret);
    expect(mine.auditEvents.nodes.length).toBeGreaterThan(0);
    expect(mine.auditEvents.nodes.every((e) => e.accountId === accA)).toBe(true);
    const all = await g.ok(TRAIL, { first: 100 }, analyst.secret);
    expect(all.auditEvents.nodes.some((e) => e.accountId === accB)).toBe(true);
    expect(all.auditEvents.nodes.some((e) => e.accountId === null)).toBe(true);
  });

  it('pages over bigint cursors', async () => {
    const total = (await g.ok(TRAIL, {})).auditEvents.totalCount;
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const d: DeskTrailQuery = await g.ok(TRAIL, { first: 4, after });
      for (const e of d.auditEvents.nodes) seen.add(e.id);
      if (!d.auditEvents.pageInfo.hasNextPage) break;
      after = d.auditEvents.pageInfo.endCursor;
    }
    expect(seen.size).toBe(total);
    expectBadInput(await g.gql(TRAIL, { after: 'bogus' }), 'after');
  });

  it('is read-only for an analyst: no mutation reaches the trail', async () => {
    expectCode(
      await g.gql(CHARGE, { i: { ticketId: ticketsA[1]!, credits: 30 } }, analyst.secret),
      'FORBIDDEN',
    );
  });

  it('exports the same rows as CSV, in the key scope', async () => {
    const get = (key: string, q = '') =>
      fetch(`${g.url}/export/audit.csv${q}`, { headers: { authorization: `Bearer ${key}` } });
    const res = await get(ADMIN_KEY, `?accountId=${accA}&actions=chargeTicket,openTicket`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, -1);
    expect(lines[0]).toBe(
      'event_id,at,action,account_id,target_id,key_id,key_name,role,request_id,details',
    );
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual([
      'chargeTicket',
      'openTicket',
      'openTicket',
      'openTicket',
      'openTicket',
    ]);
    expect(lines[1]).toContain(',SPECIALIST,');
    expect(lines[5]).toContain(',PARTNER,');
    const partnerRows = (await (await get(partner.secret)).text()).split('\r\n').slice(1, -1);
    expect(partnerRows.length).toBeGreaterThan(0);
    expect(partnerRows.every((l) => l.split(',')[3] === accA)).toBe(true);
    const bad = await get(ADMIN_KEY, '?nope=1');
    expect(bad.status).toBe(400);
  });
});
