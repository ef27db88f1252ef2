import 'reflect-metadata';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStringifier } from '../src/http/export-charges';
import { graphql } from './gql';
import { ADMIN_KEY, type TestGateway, startGateway } from './support/gateway';
import { waitFor } from './support/poll';
import { present } from './support/results';
import {
  CHARGE,
  REFUND,
  createAccount,
  createKey,
  issueLicense,
  purchase,
} from './support/fixtures';

// GET /export/charges.csv: the `charges` filter, auth and partner scope over
// a streamed RFC 4180 file with spreadsheet formulas neutralised.

const HEADER =
  'charge_id,charged_at,account_id,account_name,ticket_id,ticket_subject,category,level,license_domain,edition,hosting_plan,credits,included,balance_after,refunded,refunded_at,refunded_credits,refund_reason';

let g: TestGateway;
let acme: string;
let other: string;
let partner: string;
const tickets: Record<string, string> = {};

async function download(query = '', key: string | null = null) {
  const res = await fetch(`${g.url}/export/charges.csv${query ? `?${query}` : ''}`, {
    headers: key === null ? {} : { authorization: `Bearer ${key}` },
  });
  const text = await res.text();
  return {
    res,
    text,
    lines: text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, -1),
  };
}

const admin = () => ADMIN_KEY;

beforeAll(async () => {
  g = await startGateway();
  acme = (
    await g.ok<{ createAccount: { id: string } }>(
      'mutation { createAccount(input: {name: "=HYPERLINK(\\"http://evil\\"), Inc.", email: "a@example.com"}) { id } }',
    )
  ).createAccount.id;
  other = await createAccount(g);
  for (const account of [acme, other]) {
    const license = await issueLicense(g, account, { edition: 'OWNED' });
    await purchase(g, account, 500);
    const subjects =
      account === acme
        ? ['Say "hi", then bye', '+1 formula', '-2 minus', '@SUM(A1)']
        : ['Other shop'];
    for (const subject of subjects) {
      const d = await g.ok(
        graphql(`
          mutation ExportOpenTicket($i: OpenTicketInput!) {
            openTicket(input: $i) {
              id
            }
          }
        `),
        { i: { licenseId: license.id, category: 'ROOT_CAUSE_ANALYSIS', subject } },
      );
      tickets[subject] = d.openTicket.id;
      await g.ok(CHARGE, { i: { ticketId: d.openTicket.id, credits: 20 } });
    }
  }
  await g.ok(REFUND, {
    i: { ticketId: present(tickets['+1 formula']), reason: '=cmd|"/c calc"!A1' },
  });
  partner = (await createKey(g, 'PARTNER', [acme])).secret;
});
afterAll(() => g?.close());

describe('GET /export/charges.csv', () => {
  it('streams every charge as CSV with a BOM, CRLF lines and the dashboard header', async () => {
    const { res, text, lines } = await download('', admin());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('charges.csv');
    const bytes = new Uint8Array(
      await (
        await fetch(res.url, { headers: { authorization: `Bearer ${admin()}` } })
      ).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM
    expect(lines[0]).toBe(HEADER);
    // 5 charges; one subject holds a line break inside its quotes.
    expect(text.split('\r\n').length - 2).toBe(5);
  });

  it('quotes per RFC 4180 and neutralises formulas in every text field', async () => {
    const { text } = await download(`accountId=${acme}`, admin());
    // (A line break never reaches a subject: single-line text refuses it, issue 19.)
    expect(text).toContain(',"Say ""hi"", then bye",');
    expect(text).toContain(`,${acme},"'=HYPERLINK(""http://evil""), Inc.",`);
    expect(text).toContain(",'+1 formula,");
    expect(text).toContain(",'-2 minus,");
    expect(text).toContain(",'@SUM(A1),");
    expect(text).toContain(`,20,"'=cmd|""/c calc""!A1"\r\n`);
    // Numbers are numbers: credits and balances are never prefixed.
    expect(text).toMatch(/,OWNED,,20,false,\d+,false,,,\r\n/);
  });

  it('guards text a spreadsheet would run or trim, which the API never stores but a file may meet', async () => {
    const out: string[] = [];
    const csv = csvStringifier(['a', 'b', 'c']);
    csv.on('data', (c: Buffer) => out.push(c.toString()));
    csv.write({ a: '\tTabbed', b: '\rReturn', c: ' padded ' });
    csv.write({ a: -5, b: true, c: null });
    csv.end();
    await new Promise((r) => csv.on('end', r));
    expect(out.join('')).toBe(
      '\uFEFFa,b,c\r\n"\'\tTabbed","\'\rReturn"," padded "\r\n-5,true,\r\n',
    );
  });

  it('applies the charges filter: refunded, categories, dates, account', async () => {
    expect((await download('refunded=true', admin())).lines).toHaveLength(2);
    expect((await download('refunded=false', admin())).lines.length).toBeGreaterThan(2);
    expect((await download('categories=SETUP,GENERAL_ISSUE', admin())).lines).toHaveLength(1);
    expect(
      (await download('categories=ROOT_CAUSE_ANALYSIS&editions=OWNED', admin())).text.split('\r\n')
        .length - 2,
    ).toBe(5);
    expect((await download('from=2999-01-01T00:00:00Z', admin())).lines).toHaveLength(1);
    expect((await download('to=2000-01-01T00:00:00Z', admin())).lines).toHaveLength(1);
    const mine = await download(`accountId=${other}`, admin());
    expect(mine.lines).toHaveLength(2);
    expect(mine.lines[1]).toContain(',Other shop,');
  });

  it('gives a partner only the charges of its accounts', async () => {
    const all = await download('', partner);
    expect(all.res.status).toBe(200);
    expect(all.text).not.toContain(other);
    expect(all.text).not.toContain('Other shop');
    expect(all.text.split('\r\n').length - 2).toBe(4);
    // Another partner's account looks like an empty one, not an error.
    expect((await download(`accountId=${other}`, partner)).lines).toEqual([HEADER]);
  });

  it('refuses a bad filter with 400 BAD_USER_INPUT naming the field, and no key with 401', async () => {
    const cases: [string, string][] = [
      ['categories=NOPE', 'filter.categories'],
      ['editions=OWNED,', 'filter.editions'],
      ['included=yes', 'filter.included'],
      ['from=yesterday', 'filter.from'],
      ['from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z', 'filter.to'],
      ['accountId=not-an-id', 'filter.accountId'],
      ['acount=x', 'filter.acount'],
      ['refunded=true&refunded=false', 'filter.refunded'],
    ];
    for (const [query, field] of cases) {
      const { res, text } = await download(query, admin());
      expect(res.status, query).toBe(400);
      const body = JSON.parse(text) as { errors: { extensions: Record<string, unknown> }[] };
      expect(body.errors[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const anonymous = await download('');
    expect(anonymous.res.status).toBe(401);
    expect(JSON.parse(anonymous.text)).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect((await download('', 'cgk_not_a_key')).res.status).toBe(401);
  });
});

describe('a large export', () => {
  const ROWS = 200_000;

  it('streams 200k charges in constant memory', async () => {
    // Set-based seed: one account and license, 200k tickets each charged 0
    // credits as included support (no lots touched), with their statements.
    // Bulk load without per-row foreign-key triggers (the rows are consistent
    // by construction; the reconcile after the file checks the books).
    await g.ds.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query('SET LOCAL statement_timeout = 0'); // a busy machine may need more than 30 s
      await tx.query(
        `
      WITH t AS (
        INSERT INTO tickets (id, account_id, license_id, category, level, subject, status, price_min, price_max, opened_at)
        SELECT gen_random_uuid(), $1, (SELECT id FROM licenses WHERE account_id = $1 LIMIT 1),
               'GENERAL_ISSUE', 'LEVEL_1', 'Bulk ticket number ' || i || ', with a comma', 'CHARGED', 0, 0,
               now() - interval '1 day'
          FROM generate_series(1, ${ROWS}) i
        RETURNING id, account_id
      ), c AS (
        INSERT INTO charges (id, account_id, ticket_id, credits, included, balance_after, category, edition, hosting_plan, created_at)
        SELECT gen_random_uuid(), account_id, id, 0, true, 0, 'GENERAL_ISSUE', 'OWNED', NULL, now() - interval '1 day' FROM t
        RETURNING id, account_id
      )
      INSERT INTO outbox (id, account_id, topic, payload, created_at)
      SELECT gen_random_uuid(), account_id, 'statement', '{}'::jsonb, now() FROM c`,
        [other],
      );
    });
    // The bulk load went past the rollup's triggers: recount the account, as a bulk load must.
    await g.ds.query('SELECT charge_rollup_refill($1::uuid[])', [[other]]);

    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }, 20);

    // Read and discard: the test keeps no more than the server does.
    const res = await fetch(`${g.url}/export/charges.csv?accountId=${other}&included=true`, {
      headers: { authorization: `Bearer ${admin()}` },
    });
    expect(res.status).toBe(200);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines += 1;
    }
    clearInterval(sampler);

    expect(lines).toBe(ROWS + 1);
    // The file is ~45 MB; its rows as JS objects would be several times that.
    expect(bytes).toBeGreaterThan(40_000_000);
    // Streaming keeps a batch of rows and a few socket buffers (~30 MB of heap
    // here, most of it garbage between collections); buffering the file would
    // hold its 200k row objects, several hundred MB.
    expect(peak - baseline).toBeLessThan(80 * 1024 * 1024);
  }, 300_000);

  it('lets go of its cursor and connection when the client goes away mid-stream', async () => {
    const controller = new AbortController();
    const res = await fetch(`${g.url}/export/charges.csv?accountId=${other}`, {
      headers: { authorization: `Bearer ${admin()}` },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    await reader.read(); // the export is under way
    controller.abort();
    await reader.read().catch(() => undefined);
    // The snapshot is rolled back and its connection returned: nothing stays
    // open in a transaction on this database.
    await waitFor(
      async () => {
        const [{ n }] = await g.ds.query<[{ n: number }]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND xact_start IS NOT NULL
              AND pid <> pg_backend_pid()`,
        );
        return n === 0;
      },
      'no transaction left open after the aborted export',
      10_000,
      100,
    );
    // And the next export works.
    expect((await download(`accountId=${acme}`, admin())).res.status).toBe(200);
  }, 120_000);
});
