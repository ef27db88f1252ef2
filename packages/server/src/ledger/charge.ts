import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import type { RequestContext } from '../graphql/context';
import { costOutOfRange, idempotencyConflict, insufficientCredits, notFound, ticketAlreadyCharged } from '../graphql/errors';
import { newId, parseId } from '../graphql/ids';
import { optionalText, wholeCredits } from '../graphql/validate';
import { LicenseEntity } from '../licenses/license.entity';
import { recordStatement } from '../outbox/statements';
import { TicketStatus } from '../policy/enums';
import { checkCost } from '../policy/prices';
import { allocate } from '../policy/spending';
import { TicketEntity } from '../tickets/ticket.entity';
import { lockAccount } from './account-lock';
import { AllocationEntity } from './allocation.entity';
import { ChargeEntity } from './charge.entity';
import { liveBalance } from './balance';
import { debitLot, lotsOf } from './ledger-writes';
import { isUniqueViolation } from './unique-violation';

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
export async function chargeTicket(ctx: RequestContext, input: ChargeInput): Promise<ChargeEntity> {
  const ticketId = parseId(input.ticketId, 'ticketId');
  const credits = wholeCredits(input.credits, 'credits', 0);
  const idempotencyKey = optionalText(input.idempotencyKey, 'idempotencyKey', { max: 200 });

  const ticket = await ctx.access.visible(await ctx.ds.manager.findOneBy(TicketEntity, { id: ticketId }));
  if (!ticket) throw notFound(input.ticketId, 'Ticket');

  const attempt = () => ctx.ds.transaction((tx) => chargeLocked(ctx, tx, ticket, credits, idempotencyKey));
  try {
    return await attempt();
  } catch (err) {
    // Two first attempts with one key raced past the lookup on different
    // accounts; the unique index kept one. Re-run to answer like a retry.
    if (!isUniqueViolation(err, 'charges_idempotency_key_uq')) throw err;
    return attempt();
  }
}

async function chargeLocked(
  ctx: RequestContext,
  tx: EntityManager,
  ticketRow: TicketEntity,
  credits: number,
  idempotencyKey: string | null,
): Promise<ChargeEntity> {
  const at = await lockAccount(tx, ticketRow.accountId);

  if (idempotencyKey) {
    const previous = await tx.findOneBy(ChargeEntity, { idempotencyKey });
    if (previous) {
      if (previous.ticketId === ticketRow.id && previous.credits === credits) return previous;
      throw idempotencyConflict('idempotencyKey', 'This idempotency key was already used for another charge.');
    }
  }
  // Re-read under the lock: another charge may have landed since.
  const ticket = await tx.findOneByOrFail(TicketEntity, { id: ticketRow.id });
  const existing = await tx.findOneBy(ChargeEntity, { ticketId: ticket.id });
  if (existing) throw ticketAlreadyCharged(existing.id);

  const price = { min: ticket.priceMin, max: ticket.priceMax, included: ticket.priceMax === 0 };
  const problem = checkCost(price, credits);
  if (problem) throw costOutOfRange(problem.min, problem.max);

  const lots = await lotsOf(tx, ticket.accountId);
  const spendable = lots.map((l) => ({ id: l.id, remaining: l.remainingCredits, expiresAt: l.expiresAt, createdAt: l.createdAt }));
  const plan = allocate(spendable, credits, at);
  if (!plan.ok) throw insufficientCredits(plan.balance, credits);

  const license = await tx.findOneByOrFail(LicenseEntity, { id: ticket.licenseId });
  const charge: ChargeEntity = {
    id: newId(),
    accountId: ticket.accountId,
    ticketId: ticket.id,
    credits,
    included: price.included,
    balanceAfter: liveBalance(lots, at) - credits,
    idempotencyKey,
    category: ticket.category,
    edition: license.edition,
    hostingPlan: license.hostingPlan,
    createdAt: at,
  };
  await tx.insert(ChargeEntity, charge);

  const byId = new Map(lots.map((l) => [l.id, l]));
  for (const a of plan.allocations) {
    await debitLot(tx, byId.get(a.lotId)!, a.credits, at, { ticketId: ticket.id, chargeId: charge.id });
  }
  if (plan.allocations.length > 0) {
    await tx.insert(
      AllocationEntity,
      plan.allocations.map((a) => ({ accountId: ticket.accountId, chargeId: charge.id, refundId: null, lotId: a.lotId, credits: a.credits })),
    );
  }
  await tx.update(TicketEntity, { id: ticket.id }, { status: TicketStatus.CHARGED });
  await recordStatement(tx, ticket.accountId, at, {
    kind: 'CHARGE',
    ticketId: ticket.id,
    chargeId: charge.id,
    refundId: null,
    credits,
    balanceAfter: charge.balanceAfter,
    subject: ticket.subject,
  });
  await recordAudit(tx, ctx, 'chargeTicket', ticket.accountId, charge.id, { ticketId: ticket.id, credits, idempotencyKey });
  return charge;
}
