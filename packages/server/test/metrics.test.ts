import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestGateway, startGateway } from './support/gateway';
import { CHARGE, createAccount, issueLicense, openTicket, purchase } from './support/fixtures';
import { waitFor } from './support/poll';

// GET /metrics (prom-client): behind METRICS_TOKEN, with GraphQL requests by
// operation and outcome, the pool, the write slots and account-lock waits.

const TOKEN = 'test-metrics-token-0123456789';
let g: TestGateway;
let plain: TestGateway;

beforeAll(async () => {
  g = await startGateway({ config: { metricsToken: TOKEN } });
  plain = await startGateway();
});
afterAll(async () => {
  await g?.close();
  await plain?.close();
});

async function scrape(): Promise<string> {
  const res = await fetch(`${g.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample line, e.g. `credits_write_slots{state="size"}`. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

describe('GET /metrics', () => {
  it('is refused without the token, and off (404) when no token is configured', async () => {
    expect((await fetch(`${g.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${g.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-metrics-token' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
  });

  it('counts GraphQL requests by operation and outcome, with latency histograms', async () => {
    await g.ok('query MetricsProbe { accounts(first: 1) { totalCount } }');
    await g.ok('query MetricsProbe { accounts(first: 1) { totalCount } }');
    await g.gql('query MetricsMissing($id: ID!) { account(id: $id) { id } }', {
      id: '01a230e1-d064-75ae-8d2b-a82929c1d1c4',
    });
    await g.gql('{ accounts { totalCount } }', {}, 'cgk_unknown');
    // An operation without a name (the test fixtures name theirs).
    await g.ok('{ accounts(first: 1) { totalCount } }');
    const text = await scrape();
    expect(
      sample(text, 'credits_graphql_requests_total{operation="MetricsProbe",outcome="ok"}'),
    ).toBe(2);
    expect(
      sample(
        text,
        'credits_graphql_request_duration_seconds_count{operation="MetricsProbe",outcome="ok"}',
      ),
    ).toBe(2);
    expect(
      sample(
        text,
        'credits_graphql_request_duration_seconds_bucket{le="+Inf",operation="MetricsProbe",outcome="ok"}',
      ),
    ).toBe(2);
    // A missing account is a null with NOT_FOUND or an empty answer: either way an outcome label.
    expect(text).toMatch(
      /credits_graphql_requests_total\{operation="MetricsMissing",outcome="[A-Z_a-z]+"\} 1/,
    );
    expect(
      sample(text, 'credits_graphql_requests_total{operation="unknown",outcome="UNAUTHENTICATED"}'),
    ).toBe(1);
    expect(sample(text, 'credits_graphql_requests_total{operation="anonymous",outcome="ok"}')).toBe(
      1,
    );
    expect(text).toContain('credits_process_resident_memory_bytes');
  });

  it('shows the pool, write slots in use and account-lock waits while a charge queues on a lock', async () => {
    const account = await createAccount(g);
    const license = await issueLicense(g, account, { edition: 'OWNED' });
    await purchase(g, account, 100);
    const ticket = await openTicket(g, license.id);
    const before = sample(await scrape(), 'credits_account_lock_wait_seconds_count') ?? 0;
    expect(sample(await scrape(), 'credits_write_slots{state="size"}')).toBe(15); // half of 30

    // Hold the account's row lock on another connection, so the charge waits in its slot.
    const holder = g.ds.createQueryRunner();
    try {
      await holder.startTransaction();
      await holder.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [account]);
      const charge = g.gql(CHARGE, { i: { ticketId: ticket, credits: 20 } });
      // Wait until Postgres shows the charge blocked on the lock.
      await waitFor(async () => {
        const [{ n }] = await g.ds.query<[{ n: number }]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return n > 0;
      }, 'the charge blocked on the account lock');
      const during = await scrape();
      expect(sample(during, 'credits_write_slots{state="in_use"}')).toBe(1);
      expect(sample(during, 'credits_write_slots{state="queued"}')).toBe(0);
      expect(sample(during, 'credits_db_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(
        2,
      );
      expect(sample(during, 'credits_db_pool_waiting')).toBe(0);
      await holder.commitTransaction();
      expect((await charge).errors).toBeUndefined();
    } finally {
      await holder.release();
    }

    const after = await scrape();
    expect(sample(after, 'credits_write_slots{state="in_use"}')).toBe(0);
    expect(sample(after, 'credits_account_lock_wait_seconds_count')).toBeGreaterThan(before);
    expect(
      sample(after, 'credits_graphql_requests_total{operation="FixtureCharge",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
  });
});
