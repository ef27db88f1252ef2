import type { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { type RowInsert, insertRow, rowInsert } from '../db/sql';
import { OutboxMessageEntity } from './outbox-message.entity';

export const STATEMENT_TOPIC = 'statement';

export type StatementKind = 'CHARGE' | 'REFUND';

export interface StatementPayload {
  kind: StatementKind;
  ticketId: string;
  chargeId: string;
  refundId: string | null;
  credits: number;
  balanceAfter: number;
  message: string;
}

const plural = (n: number) => `${n} credit${n === 1 ? '' : 's'}`;

export function statementMessage(
  kind: StatementKind,
  subject: string,
  credits: number,
  balanceAfter: number,
): string {
  const what =
    kind === 'CHARGE'
      ? credits === 0
        ? `Ticket "${subject}" was included in your support plan: 0 credits charged.`
        : `Ticket "${subject}": ${plural(credits)} charged.`
      : `Ticket "${subject}": ${plural(credits)} refunded.`;
  return `${what} Your balance is now ${plural(balanceAfter)}.`;
}

// P18: the customer's statement is written in the same transaction as the
// charge or refund; a delivery worker (e-mail) sends it afterwards (its job is
// enqueued by the outbox's insert trigger).
type StatementFacts = Omit<StatementPayload, 'message'> & { subject: string };

export function statementRow(
  tx: EntityManager,
  accountId: string,
  at: Date,
  payload: StatementFacts,
): RowInsert {
  const { subject, ...rest } = payload;
  const message = statementMessage(rest.kind, subject, rest.credits, rest.balanceAfter);
  return rowInsert(tx, OutboxMessageEntity, {
    id: newId(),
    accountId,
    topic: STATEMENT_TOPIC,
    payload: { ...rest, message } satisfies StatementPayload,
    createdAt: at,
    deliveredAt: null,
    attempts: 0,
  });
}

export async function recordStatement(
  tx: EntityManager,
  accountId: string,
  at: Date,
  payload: StatementFacts,
): Promise<void> {
  await insertRow(tx, statementRow(tx, accountId, at, payload));
}
