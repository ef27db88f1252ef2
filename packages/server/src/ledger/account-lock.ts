import { channel } from 'node:diagnostics_channel';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { queryPrepared } from '../db/prepared';

/**
 * Publishes `{ seconds }` for every account-lock statement: the time it took,
 * which is the wait behind other holders. Metrics subscribe; with no
 * subscriber a publish costs nothing.
 */
export const lockWaitChannel = channel('credits:account-lock-wait');

async function timed<T>(lock: () => Promise<T>): Promise<T> {
  if (!lockWaitChannel.hasSubscribers) return lock();
  const start = process.hrtime.bigint();
  try {
    return await lock();
  } finally {
    lockWaitChannel.publish({ seconds: Number(process.hrtime.bigint() - start) / 1e9 });
  }
}

/**
 * Locks the account row for the rest of the transaction and returns the
 * instant the operation happens at. Every write to an account's lots happens
 * under this lock, so concurrent charges queue up instead of overspending
 * (P14), and READ COMMITTED then sees the previous holder's writes. NO KEY
 * UPDATE, not UPDATE: ledger writers still exclude each other, but inserts
 * that merely reference the account (a new ticket, a key's scope) do not
 * queue behind its charges.
 */
export async function lockAccount(
  tx: EntityManager,
  clock: Clock,
  accountId: string,
): Promise<Date> {
  const rows = await timed(() =>
    queryPrepared(tx, 'SELECT 1 FROM accounts WHERE id = $1 FOR NO KEY UPDATE', [accountId]),
  );
  if (rows.length === 0) throw notFound(accountId, 'Account');
  // Read the clock only once the lock is held: in the locking statement itself
  // it would be the instant the request arrived, before any wait, and a charge
  // that queued past a lot's expiry would still spend from it.
  return clock.lockedNow(tx);
}

/** Locks several accounts in one fixed order, so two such lockers cannot deadlock. */
export async function lockAccounts(
  tx: EntityManager,
  clock: Clock,
  accountIds: string[],
): Promise<Date> {
  await timed(() =>
    tx.query('SELECT id FROM accounts WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [
      accountIds,
    ]),
  );
  return clock.lockedNow(tx);
}

/**
 * Locks the account a ticket belongs to, found and locked in one statement;
 * null when there is no such ticket. The caller reads the clock afterwards.
 */
export async function lockTicketAccount(
  tx: EntityManager,
  ticketId: string,
): Promise<string | null> {
  const rows = await timed(() =>
    queryPrepared<{ id: string }>(
      tx,
      'SELECT a.id FROM tickets t JOIN accounts a ON a.id = t.account_id WHERE t.id = $1 FOR NO KEY UPDATE OF a',
      [ticketId],
    ),
  );
  return rows[0]?.id ?? null;
}
