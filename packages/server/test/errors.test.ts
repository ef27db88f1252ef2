import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql';
import { answerOf, fingerprint, postRaw, type RawResponse } from './support/access-helpers';
import { createAccount, issueLicense, openTicket } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';

// Unexpected errors reach the client masked: a code, a request id to quote,
// and nothing from the database, the driver or the stack.

/** Nothing from SQL, the driver or a stack trace may appear anywhere in the body. */
function expectNothingLeaked(r: RawResponse) {
  const body = r.text;
  const answer = answerOf(r);
  const messages = JSON.stringify(answer.errors?.map((e) => e.message) ?? []);
  for (const text of [body, messages]) {
    expect(text).not.toMatch(/column/i);
    expect(text).not.toMatch(/SELECT|INSERT|UPDATE|FROM\s/);
    expect(text).not.toMatch(/subject_x|tickets\b|relation|constraint/i);
    expect(text).not.toMatch(/pg/i);
    expect(text).not.toMatch(/postgres|typeorm|QueryFailedError|driverError/i);
    expect(text).not.toMatch(/(\\n|\n)\s*at\s/); // stack lines
    expect(text).not.toMatch(/\bat\s+\S+\s+\(?[^)\s]*:\d+:\d+\)?/); // "at fn (file:line:col)"
    expect(text).not.toMatch(/\.ts:\d+|node_modules|stacktrace/i);
  }
  for (const e of answer.errors ?? []) {
    expect(Object.keys(e.extensions ?? {}).sort()).toEqual(['code', 'requestId']);
  }
}

const TICKET = graphql(`
  query ErrorsTicket($id: ID!) {
    ticket(id: $id) {
      id
      subject
    }
  }
`);

const SUBJECT = graphql(`
  query ErrorsSubject($id: ID!) {
    ticket(id: $id) {
      subject
    }
  }
`);

/** The first error of a raw answer, which these tests expect. */
const firstError = (r: RawResponse) => {
  const e = answerOf(r).errors?.[0];
  expect(e, r.text).toBeDefined();
  return e!;
};

describe('masking unexpected errors', () => {
  let g: TestGateway;
  let ticketId: string;
  let licenseId: string;

  beforeAll(async () => {
    // A gateway of its own: this test breaks its database on purpose.
    g = await startGateway();
    const acc = await createAccount(g);
    licenseId = (await issueLicense(g, acc, { edition: 'OWNED' })).id;
    ticketId = await openTicket(g, licenseId);
    await g.ds.query('ALTER TABLE tickets RENAME COLUMN subject TO subject_x');
  });
  afterAll(async () => {
    if (!g) return;
    await g.ds
      .query('ALTER TABLE tickets RENAME COLUMN subject_x TO subject')
      .catch(() => undefined);
    await g.close();
  });

  it('a failing query answers INTERNAL_SERVER_ERROR with a request id, and leaks nothing', async () => {
    const r = await postRaw(g, { query: TICKET.toString(), variables: { id: ticketId } });
    const answer = answerOf(r, TICKET);
    expect(answer.errors).toHaveLength(1);
    const e = firstError(r);
    expect(e.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(typeof e.extensions.requestId).toBe('string');
    expect(e.extensions.requestId?.length).toBeGreaterThan(0);
    expect(answer.data?.ticket ?? null).toBeNull();
    expectNothingLeaked(r);
    // The response header carries the same id, so support can find the log line.
    expect(r.headers.get('x-request-id')).toBe(e.extensions.requestId);
  });

  it("the caller's own x-request-id is echoed in the header and the error", async () => {
    const r = await postRaw(
      g,
      { query: SUBJECT.toString(), variables: { id: ticketId } },
      { headers: { 'x-request-id': 'err-test-42' } },
    );
    expect(r.headers.get('x-request-id')).toBe('err-test-42');
    expect(firstError(r).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      requestId: 'err-test-42',
    });
    expectNothingLeaked(r);
  });

  it('an unsafe x-request-id is replaced by a fresh one, still matching header and body', async () => {
    const r = await postRaw(
      g,
      { query: SUBJECT.toString(), variables: { id: ticketId } },
      { headers: { 'x-request-id': 'bad id <script>' } },
    );
    const id = r.headers.get('x-request-id');
    expect(id).toBeTruthy();
    expect(id).not.toContain('<');
    expect(firstError(r).extensions.requestId).toBe(id);
  });

  it('each request gets its own id', async () => {
    const q = { query: SUBJECT.toString(), variables: { id: ticketId } };
    const [a, b] = [await postRaw(g, q), await postRaw(g, q)];
    expect(firstError(a).extensions.requestId).not.toBe(firstError(b).extensions.requestId);
  });

  it('a failing mutation is masked the same way and changes nothing', async () => {
    const before = await fingerprint(g);
    const OPEN = graphql(`
      mutation ErrorsOpen($i: OpenTicketInput!) {
        openTicket(input: $i) {
          id
          subject
        }
      }
    `);
    const r = await postRaw(g, {
      query: OPEN.toString(),
      variables: { i: { licenseId, category: 'SETUP', subject: 'Will not be stored' } },
    });
    expect(answerOf(r).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(answerOf(r).data ?? null).toBeNull();
    expect(r.headers.get('x-request-id')).toBe(firstError(r).extensions.requestId);
    expectNothingLeaked(r);
    expect(await fingerprint(g)).toEqual(before);
  });

  it('fields that do not touch the broken column still answer next to the masked error', async () => {
    const MIXED = graphql(`
      query ErrorsMixed($id: ID!, $l: ID!) {
        pricing {
          grantValidityMonths
        }
        license(id: $l) {
          id
        }
        ticket(id: $id) {
          subject
        }
      }
    `);
    const r = await postRaw(g, {
      query: MIXED.toString(),
      variables: { id: ticketId, l: licenseId },
    });
    const answer = answerOf(r, MIXED);
    expect(answer.data?.pricing.grantValidityMonths).toBeGreaterThan(0);
    expect(answer.data?.license?.id).toBe(licenseId);
    expect(answer.data).toHaveProperty('ticket', null);
    expect(answer.errors?.map((e) => e.extensions.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    expectNothingLeaked(r);
  });
});

describe('health endpoints', () => {
  let g: TestGateway;
  beforeAll(async () => {
    g = await startGateway();
  });
  afterAll(() => g?.close());

  it('GET /healthz answers 200', async () => {
    const res = await fetch(`${g.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('GET /readyz answers 200 while the database is reachable', async () => {
    const res = await fetch(`${g.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('the health endpoints need no API key and reveal nothing else', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const res = await fetch(`${g.url}${path}`, { headers: { authorization: 'Bearer nonsense' } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toMatch(/postgres|version|pg/i);
    }
  });
});
