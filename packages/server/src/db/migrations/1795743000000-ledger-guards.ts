import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: what TypeORM cannot generate. Foreign keys, and triggers
// that make the money history append-only in the database itself, so no code
// path (nor a stray psql session) can edit or delete it.
const appendOnly = ['ledger_entries', 'allocations', 'charges', 'refunds', 'audit_events'];

const foreignKeys: [table: string, column: string, target: string][] = [
  ['licenses', 'account_id', 'accounts'],
  ['credit_lots', 'account_id', 'accounts'],
  ['credit_lots', 'license_id', 'licenses'],
  ['ledger_entries', 'account_id', 'accounts'],
  ['ledger_entries', 'lot_id', 'credit_lots'],
  ['ledger_entries', 'ticket_id', 'tickets'],
  ['ledger_entries', 'charge_id', 'charges'],
  ['ledger_entries', 'refund_id', 'refunds'],
  ['tickets', 'account_id', 'accounts'],
  ['tickets', 'license_id', 'licenses'],
  ['charges', 'account_id', 'accounts'],
  ['charges', 'ticket_id', 'tickets'],
  ['refunds', 'account_id', 'accounts'],
  ['refunds', 'ticket_id', 'tickets'],
  ['refunds', 'charge_id', 'charges'],
  ['allocations', 'account_id', 'accounts'],
  ['allocations', 'charge_id', 'charges'],
  ['allocations', 'refund_id', 'refunds'],
  ['allocations', 'lot_id', 'credit_lots'],
  ['outbox', 'account_id', 'accounts'],
  ['api_key_accounts', 'api_key_id', 'api_keys'],
  ['api_key_accounts', 'account_id', 'accounts'],
];

export class LedgerGuards1795743000000 implements MigrationInterface {
  name = 'LedgerGuards1795743000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, column, target] of foreignKeys) {
      await q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${column}_fk" FOREIGN KEY ("${column}") REFERENCES "${target}"("id")`,
      );
    }
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of appendOnly) {
      await q.query(
        `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of appendOnly) {
      await q.query(`DROP TRIGGER "${table}_no_truncate" ON "${table}"`);
      await q.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
    }
    await q.query(`DROP FUNCTION refuse_change()`);
    for (const [table, column] of [...foreignKeys].reverse()) {
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${table}_${column}_fk"`);
    }
  }
}
