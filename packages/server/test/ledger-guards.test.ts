import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARGE, createAccount, issueLicense, openTicket } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';

// The money history is append-only and the lots' arithmetic holds in the
// database itself, whatever code (or psql session) tries otherwise.
let g: TestGateway;
beforeAll(async () => {
  g = await startGateway();
  const acc = await createAccount(g);
  const lic = await issueLicense(g, acc, { edition: 'OWNED' });
  await g.ok(CHARGE, { i: { ticketId: await openTicket(g, lic.id), credits: 30 } });
});
afterAll(() => g.close());

describe('database guards', () => {
  it.each(['ledger_entries', 'charges', 'allocations', 'audit_events'])(
    'refuses UPDATE, DELETE and TRUNCATE on %s',
    async (table) => {
      await expect(g.ds.query(`UPDATE ${table} SET account_id = account_id`)).rejects.toThrow(
        /append-only/,
      );
      await expect(g.ds.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(g.ds.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
    },
  );

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
