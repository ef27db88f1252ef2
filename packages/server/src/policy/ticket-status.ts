import { TicketStatus } from './enums';

// A ticket's status is a projection of its ledger rows (POLICY.md P10, P15):
// refunded once a refund is recorded, charged once a charge is, open before.
// The database keeps tickets.status by trigger from the SQL twin,
// db/read-rules.ts ticketStatusSql; test/read-rules.test.ts holds them equal.

export function ticketStatus(rows: { charged: boolean; refunded: boolean }): TicketStatus {
  if (rows.refunded) return TicketStatus.REFUNDED;
  if (rows.charged) return TicketStatus.CHARGED;
  return TicketStatus.OPEN;
}
