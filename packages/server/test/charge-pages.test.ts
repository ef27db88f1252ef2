import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/common/clock';
import { CHARGE, createAccount, issueLicense, openTicket, purchase } from './support/fixtures';
import { ADMIN_KEY, type TestGateway, startGateway } from './support/gateway';

// Analysts' charge pages are ordered by when each charge was made, newest
// first (db/keyset's byCreatedAt), and page through a date range by cursor.
// Charges made here at instants out of their ids' order, so ordering by id
// alone would answer differently.

const HOUR = 3_600_000;
const T0 = Math.floor((Date.now() - 10 * 86_400_000) / HOUR) * HOUR;
const clock = new ManualClock(new Date(T0));
let g: TestGateway;
let account: string;
/** Charge ids by the hour (after T0) each was made at, in the order they were made. */
const made: { id: string; hour: number }[] = [];

const PAGE = `query($filter: ChargeFilter, $first: Int, $after: String) {
  charges(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id createdAt } pageInfo { hasNextPage endCursor } } }`;
type Page = {
  charges: {
    totalCount: number;
    nodes: { id: string; createdAt: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

beforeAll(async () => {
  g = await startGateway({ clock });
  account = await createAccount(g);
  const license = await issueLicense(g, account, {
    edition: 'OWNED',
    orderDate: new Date(T0 - 86_400_000),
  });
  await purchase(g, account, 1000);
  for (const hour of [3, 1, 5, 2, 4]) {
    const ticket = await openTicket(g, license.id);
    clock.set(new Date(T0 + hour * HOUR));
    const d = await g.ok(CHARGE, { i: { ticketId: ticket, credits: 20 } });
    made.push({ id: d.chargeTicket.id, hour });
  }
});
afterAll(() => g?.close());

const range = (fromHour: number, toHour: number) => ({
  accountId: account,
  from: new Date(T0 + fromHour * HOUR).toISOString(),
  to: new Date(T0 + toHour * HOUR).toISOString(),
});
const idsByHour = (hours: number[]) => hours.map((h) => made.find((m) => m.hour === h)!.id);

/** Every page of the filter, `first` at a time: the ids in order, and each page's totalCount. */
async function walk(filter: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const { charges }: Page = await g.ok<Page>(PAGE, { filter, first, after });
    ids.push(...charges.nodes.map((n) => n.id));
    totals.add(charges.totalCount);
    if (!charges.pageInfo.hasNextPage) break;
    after = charges.pageInfo.endCursor;
  }
  return { ids, totals: [...totals] };
}

describe('charges pages', () => {
  it('list newest first by when each charge was made, not by id', async () => {
    const { charges } = await g.ok<Page>(PAGE, { filter: { accountId: account }, first: 5 });
    expect(charges.nodes.map((n) => n.id)).toEqual(idsByHour([5, 4, 3, 2, 1]));
    // The ids themselves were drawn in the order the charges were made.
    expect([...made.map((m) => m.id)].sort()).toEqual(made.map((m) => m.id));
  });

  it('page through a date range by cursor, each charge once, from the newest inside it', async () => {
    for (const first of [1, 2, 3]) {
      expect(await walk(range(1, 5), first)).toEqual({ ids: idsByHour([4, 3, 2, 1]), totals: [4] });
    }
    // A range ending in the past starts at its own newest charge.
    expect(await walk(range(0, 3), 1)).toEqual({ ids: idsByHour([2, 1]), totals: [2] });
  });

  it('come in the same order as the CSV export of the same filter', async () => {
    const res = await fetch(`${g.url}/export/charges.csv?accountId=${account}`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    const rows = (await res.text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1, -1);
    expect(rows.map((r) => r.split(',')[0])).toEqual(idsByHour([5, 4, 3, 2, 1]));
  });

  it('refuse a cursor that is not one of theirs, such as an id-only cursor of another list', async () => {
    const idCursor = Buffer.from(`k:${made[0]!.id}`).toString('base64url');
    const badDay = Buffer.from(`k:2026-13-45T00:00:00.000000Z|${made[0]!.id}`).toString(
      'base64url',
    );
    for (const after of [idCursor, badDay]) {
      const r = await g.gql(PAGE, { filter: { accountId: account }, first: 1, after });
      expect(r.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});
