import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestGateway, startGateway } from './support/gateway';
import {
  CHARGE,
  REFUND,
  createAccount,
  issueLicense,
  openTicket,
  purchase,
} from './support/fixtures';

// chargeSummary's buckets for every grouping, against figures known from the
// charges made here: keys, counts, sums, included charges, refunded credits.

let g: TestGateway;
let a: string;
let b: string;
const SUMMARY = `query($groupBy: ChargeGrouping!, $filter: ChargeFilter) {
  chargeSummary(groupBy: $groupBy, filter: $filter) { key charges credits includedCharges refundedCredits } }`;

beforeAll(async () => {
  g = await startGateway();
  a = await createAccount(g);
  b = await createAccount(g);
  const la = await issueLicense(g, a, { edition: 'OWNED' });
  const lb = await issueLicense(g, b, { edition: 'LEASED' });
  await purchase(g, a, 500);
  await purchase(g, b, 500);
  const t1 = await openTicket(g, la.id, 'ROOT_CAUSE_ANALYSIS');
  const t2 = await openTicket(g, la.id, 'ROOT_CAUSE_ANALYSIS');
  const t3 = await openTicket(g, lb.id, 'GENERAL_ISSUE');
  await g.ok(CHARGE, { i: { ticketId: t1, credits: 30 } });
  await g.ok(CHARGE, { i: { ticketId: t2, credits: 40 } });
  await g.ok(CHARGE, { i: { ticketId: t3, credits: 0 } });
  await g.ok(REFUND, { i: { ticketId: t2, reason: 'vendor bug' } });
});
afterAll(() => g?.close());

const summary = async (groupBy: string, filter: Record<string, unknown> | null = null) =>
  (await g.ok<{ chargeSummary: Record<string, unknown>[] }>(SUMMARY, { groupBy, filter }))
    .chargeSummary;

describe('chargeSummary', () => {
  it('groups by category and edition, sorted by key, with refunded credits', async () => {
    expect(await summary('CATEGORY')).toEqual([
      { key: 'GENERAL_ISSUE', charges: 1, credits: 0, includedCharges: 1, refundedCredits: 0 },
      {
        key: 'ROOT_CAUSE_ANALYSIS',
        charges: 2,
        credits: 70,
        includedCharges: 0,
        refundedCredits: 40,
      },
    ]);
    expect((await summary('EDITION')).map((r) => [r.key, r.charges])).toEqual([
      ['LEASED', 1],
      ['OWNED', 2],
    ]);
  });

  it('groups by account (ids as keys, in order) and by UTC day and month', async () => {
    expect((await summary('ACCOUNT')).map((r) => [r.key, r.credits])).toEqual(
      [
        [a, 70],
        [b, 0],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const today = new Date().toISOString();
    expect(await summary('DAY')).toEqual([
      { key: today.slice(0, 10), charges: 3, credits: 70, includedCharges: 1, refundedCredits: 40 },
    ]);
    expect((await summary('MONTH')).map((r) => r.key)).toEqual([today.slice(0, 7)]);
  });

  it('applies the filter', async () => {
    expect(await summary('MONTH', { refunded: true })).toEqual([
      expect.objectContaining({ charges: 1, credits: 40, refundedCredits: 40 }),
    ]);
    expect(await summary('CATEGORY', { accountId: b })).toEqual([
      expect.objectContaining({ key: 'GENERAL_ISSUE', charges: 1 }),
    ]);
    expect(await summary('DAY', { from: '2999-01-01T00:00:00Z' })).toEqual([]);
  });
});
