import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARGE, REFUND, createAccount, issueLicense, openTicket } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';

// The money history is append-only and the lots' arithmetic holds in the
// database itself, whatever code (or psql session) tries otherwise.
let g: TestGateway;
beforeAll(async () => {
  g = await startGateway();
  const acc = await createAccount(g);
  const lic = await issueLicense(g, acc, { edition: 'OWNED' });
  await g.ok(CHARGE, { i: { ticketId: await openTicket(g, lic.id), credits: 30 } });
  // A refunded ticket too: the row triggers only fire on tables with rows.
  const refunded = await openTicket(g, lic.id);
  await g.ok(CHARGE, { i: { ticketId: refunded, credits: 40 } });
  await g.ok(REFUND, { i: { ticketId: refunded, reason: 'vendor bug' } });
});

const APPEND_ONLY = ['allocations', 'audit_events', 'charges', 'ledger_entries', 'refunds'];
afterAll(() => g.close());

describe('database guards', () => {
  it('the tables guarded as append-only are exactly those listed here', async () => {
    const rows = await g.ds.query<{ table: string }[]>(
      `SELECT DISTINCT event_object_table AS table FROM information_schema.triggers
        WHERE trigger_name = event_object_table || '_append_only' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table)).toEqual(APPEND_ONLY);
  });

  it.each(APPEND_ONLY)('refuses UPDATE, DELETE and TRUNCATE on %s', async (table) => {
    const [row] = await g.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
    expect(row?.n, `${table} needs a row for its row triggers to fire`).toBeGreaterThan(0);
    await expect(g.ds.query(`UPDATE ${table} SET account_id = account_id`)).rejects.toThrow(
      /append-only/,
    );
    await expect(g.ds.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
    await expect(g.ds.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
  });

  it('refuses a lot with negative remaining credits', async () => {
    await expect(
      g.ds.query(
        'UPDATE credit_lots SET remaining_credits = -1, spent_credits = spent_credits + remaining_credits + 1',
      ),
    ).rejects.toThrow(/credit_lots_remaining_check/);
  });

  it('refuses a lot whose counters do not add up (P20)', async () => {
    await expect(
      g.ds.query('UPDATE credit_lots SET remaining_credits = remaining_credits + 1'),
    ).rejects.toThrow(/credit_lots_balance_check/);
  });

  it('refuses a second charge row for one ticket (P11)', async () => {
    await expect(
      g.ds
        .query(`INSERT INTO charges (id, account_id, ticket_id, credits, included, balance_after, category, edition, created_at)
                  SELECT gen_random_uuid(), account_id, ticket_id, 1, false, 0, category, edition, now() FROM charges LIMIT 1`),
    ).rejects.toThrow(/charges_ticket_uq/);
  });
});
