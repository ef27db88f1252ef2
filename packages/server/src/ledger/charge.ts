import type { EntityManager } from 'typeorm';
import type { Clock } from '../common/clock';
import { auditRow } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import {
  costOutOfRange,
  idempotencyConflict,
  insufficientCredits,
  notFound,
  ticketAlreadyCharged,
} from '../common/errors';
import { newId, parseId } from '../common/ids';
import { optionalText, wholeCredits } from '../common/validate';
import { statementRow } from '../outbox/statements';
import type { Edition, HostingPlan, TicketCategory } from '../policy/enums';
import { checkCost, priceRange } from '../policy/prices';
import { allocate, isLive } from '../policy/spending';
import { queryPrepared } from '../db/prepared';
import { lockTicketAccount } from './account-lock';
import { ChargeEntity } from './charge.entity';
import { writeChargeAndDraw } from './ledger-writes';
import { isUniqueViolation } from './unique-violation';
import { ledgerTransaction } from './ledger-transaction';

export interface ChargeInput {
  ticketId: string;
  credits: number;
  idempotencyKey?: string | null;
}

/**
 * P9-P14, P18. One transaction under the account lock: check the cost against
 * the ticket's range, take credits soonest-expiring first, write the charge,
 * its allocations, ledger entries and the customer's statement together.
 */
export async function chargeTicket(ctx: ServiceContext, input: ChargeInput): Promise<ChargeEntity> {
  const ticketId = parseId(input.ticketId, 'ticketId');
  const credits = wholeCredits(input.credits, 'credits', 0);
  const idempotencyKey = optionalText(input.idempotencyKey, 'idempotencyKey', { max: 200 });

  const attempt = () =>
    ledgerTransaction(ctx.ds, async (tx) => {
      const accountId = await lockTicketAccount(tx, ticketId);
      if (!accountId || !(await ctx.access.canSee(accountId)))
        throw notFound(input.ticketId, 'Ticket');
      return chargeLocked(ctx, tx, accountId, ticketId, credits, idempotencyKey);
    });
  try {
    return await attempt();
  } catch (err) {
    // Two first attempts with one key raced past the lookup on different
    // accounts; the unique index kept one. Re-run to answer like a retry.
    if (!isUniqueViolation(err, 'charges_idempotency_key_uq')) throw err;
    return attempt();
  }
}

/** Everything the charge decides on, read in one statement once the lock is held. */
interface TicketSnapshot {
  at: Date;
  subject: string;
  category: TicketCategory;
  priceMin: number;
  priceMax: number;
  edition: Edition;
  hostingPlan: HostingPlan | null;
  chargedBy: string | null;
  previous: { id: string; ticket_id: string; credits: number } | null;
  /** The account's lots, instants as epoch milliseconds (what a Date holds). */
  lots: { id: string; remaining: number; expiresAt: number | null; createdAt: number }[];
}

/** A timestamptz as the epoch milliseconds pg's Date would hold (truncated). */
const EPOCH_MS = (col: string) =>
  `(extract(epoch FROM date_trunc('milliseconds', ${col})) * 1000)::bigint`;

/** One statement instead of two round trips under the lock: the ticket, its license and the lots. */
async function snapshot(
  tx: EntityManager,
  clock: Clock,
  ticketId: string,
  idempotencyKey: string | null,
): Promise<TicketSnapshot> {
  const sql = `SELECT ${clock.sql()} AS at, t.subject, t.category, t.price_min AS "priceMin", t.price_max AS "priceMax",
            l.edition, l.hosting_plan AS "hostingPlan",
            (SELECT c.id FROM charges c WHERE c.ticket_id = t.id) AS "chargedBy",
            (SELECT row_to_json(p) FROM (SELECT id, ticket_id, credits FROM charges WHERE idempotency_key = $2) p) AS previous,
            COALESCE((SELECT json_agg(json_build_object(
                        'id', cl.id, 'remaining', cl.remaining_credits,
                        'expiresAt', ${EPOCH_MS('cl.expires_at')}, 'createdAt', ${EPOCH_MS('cl.created_at')}))
                        FROM credit_lots cl WHERE cl.account_id = t.account_id), '[]'::json) AS lots
       FROM tickets t JOIN licenses l ON l.id = t.license_id
      WHERE t.id = $1`;
  const params = [ticketId, idempotencyKey];
  // The ticket was found by the lock, so the row is there.
  const [row] = clock.sqlIsFixed
    ? await queryPrepared<TicketSnapshot>(tx, sql, params)
    : await tx.query<TicketSnapshot[]>(sql, params);
  return row!;
}

async function chargeLocked(
  ctx: ServiceContext,
  tx: EntityManager,
  accountId: string,
  ticketId: string,
  credits: number,
  idempotencyKey: string | null,
): Promise<ChargeEntity> {
  const t = await snapshot(tx, ctx.clock, ticketId, idempotencyKey);
  const at = t.at;

  // A retry answers with the first charge; the key on other values is a conflict.
  if (t.previous) {
    if (t.previous.ticket_id === ticketId && t.previous.credits === credits) {
      return tx.findOneByOrFail(ChargeEntity, { id: t.previous.id });
    }
    throw idempotencyConflict(
      'idempotencyKey',
      'This idempotency key was already used for another charge.',
    );
  }
  if (t.chargedBy) throw ticketAlreadyCharged(t.chargedBy);

  const price = priceRange(t.priceMin, t.priceMax);
  const problem = checkCost(price, credits);
  if (problem) throw costOutOfRange(problem.min, problem.max);

  const spendable = t.lots.map((l) => ({
    id: l.id,
    remaining: l.remaining,
    expiresAt: l.expiresAt === null ? null : new Date(Number(l.expiresAt)),
    createdAt: new Date(Number(l.createdAt)),
  }));
  const plan = allocate(spendable, credits, at);
  if (!plan.ok) throw insufficientCredits(plan.balance, credits);

  const charge: ChargeEntity = {
    id: newId(),
    accountId,
    ticketId,
    credits,
    included: price.included,
    balanceAfter:
      spendable.reduce((sum, l) => (isLive(l, at) ? sum + l.remaining : sum), 0) - credits,
    idempotencyKey,
    category: t.category,
    edition: t.edition,
    hostingPlan: t.hostingPlan,
    createdAt: at,
  };
  await writeChargeAndDraw(tx, charge, plan.allocations, [
    statementRow(tx, accountId, at, {
      kind: 'CHARGE',
      ticketId,
      chargeId: charge.id,
      refundId: null,
      credits,
      balanceAfter: charge.balanceAfter,
      subject: t.subject,
    }),
    auditRow(tx, ctx, 'chargeTicket', accountId, charge.id, { ticketId, credits, idempotencyKey }),
  ]);
  return charge;
}
