import type { EntityManager } from 'typeorm';
import { notFound } from '../graphql/errors';

/**
 * Locks the account row for the rest of the transaction and returns the
 * instant the operation happens at. Every write to an account's lots happens
 * under this lock, so concurrent charges queue up instead of overspending
 * (P14), and READ COMMITTED then sees the previous holder's writes.
 */
export async function lockAccount(tx: EntityManager, accountId: string): Promise<Date> {
  const rows = (await tx.query(
    'SELECT clock_timestamp() AS at FROM accounts WHERE id = $1 FOR UPDATE',
    [accountId],
  )) as { at: Date }[];
  const row = rows[0];
  if (!row) throw notFound(accountId, 'Account');
  return row.at;
}

/** Locks several accounts in one fixed order, so two such lockers cannot deadlock. */
export async function lockAccounts(tx: EntityManager, accountIds: string[]): Promise<Date> {
  const rows = (await tx.query(
    'SELECT id, clock_timestamp() AS at FROM accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    [accountIds],
  )) as { at: Date }[];
  return rows[0]?.at ?? new Date();
}
