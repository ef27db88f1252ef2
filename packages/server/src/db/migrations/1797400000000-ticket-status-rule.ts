import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyReadRules } from '../read-rules-sql';

/**
 * The ticket-status trigger from the one definition (issue 14): the status a
 * charge or refund leaves is read-rules.ts ticketStatusSql of the ticket's
 * rows, as policy/ticket-status.ts decides it, instead of a CASE on the
 * table the trigger fired on. The other read-rule functions are re-applied
 * unchanged.
 */
export class TicketStatusRule1797400000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await applyReadRules(q);
  }

  async down(): Promise<void> {
    // The function stays as re-created: it answers as before for every append-only row.
  }
}
