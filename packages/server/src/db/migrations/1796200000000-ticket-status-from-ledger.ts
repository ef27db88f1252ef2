import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand. A ticket's status is a projection of its charge and refund
// rows: the database derives it when one is inserted, so no code path writes
// it and it can never disagree with them (the rows are append-only).
export class TicketStatusFromLedger1796200000000 implements MigrationInterface {
  name = 'TicketStatusFromLedger1796200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ticket_status_follows_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tickets
           SET status = CASE TG_TABLE_NAME WHEN 'charges' THEN 'CHARGED' ELSE 'REFUNDED' END::ticket_status
         WHERE id = NEW.ticket_id;
        RETURN NULL;
      END $$`);
    for (const table of ['charges', 'refunds']) {
      await q.query(
        `CREATE TRIGGER ${table}_set_ticket_status AFTER INSERT ON ${table}
           FOR EACH ROW EXECUTE FUNCTION ticket_status_follows_ledger()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['charges', 'refunds'])
      await q.query(`DROP TRIGGER ${table}_set_ticket_status ON ${table}`);
    await q.query('DROP FUNCTION ticket_status_follows_ledger()');
  }
}
