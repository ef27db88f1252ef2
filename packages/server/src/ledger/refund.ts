import { recordAudit } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import { alreadyRefunded, notFound, nothingToRefund, ticketNotCharged } from '../common/errors';
import { newId, parseId } from '../common/ids';
import { text } from '../common/validate';
import { recordStatement } from '../outbox/statements';
import { routeRefund } from '../policy/spending';
import { TicketEntity } from '../tickets/ticket.entity';
import { lockTicketAccount } from './account-lock';
import { AllocationEntity } from './allocation.entity';
import { ChargeEntity } from './charge.entity';
import { liveBalance } from './balance';
import { lotsOf, payBack } from './ledger-writes';
import { RefundEntity } from './refund.entity';
import { ledgerTransaction } from './ledger-transaction';

export interface RefundInput {
  ticketId: string;
  reason: string;
}

/**
 * P15-P17, P18: 100% of the charge comes back, each credit to the lot it was
 * drawn from while that lot lives, the rest into one new never-expiring lot.
 * The charge itself is never touched; the refund is its own record.
 */
export async function refundTicket(ctx: ServiceContext, input: RefundInput): Promise<RefundEntity> {
  const ticketId = parseId(input.ticketId, 'ticketId');
  const reason = text(input.reason, 'reason', { max: 2000, multiline: true });

  return ledgerTransaction(ctx.ds, async (tx) => {
    // Found and locked in one statement, as for a charge; read after the lock.
    const accountId = await lockTicketAccount(tx, ticketId);
    if (!accountId || !(await ctx.access.canSee(accountId)))
      throw notFound(input.ticketId, 'Ticket');
    const at = await ctx.clock.lockedNow(tx);
    const ticket = await tx.findOneByOrFail(TicketEntity, { id: ticketId });
    const charge = await tx.findOneBy(ChargeEntity, { ticketId });
    if (!charge) throw ticketNotCharged();
    const previous = await tx.findOneBy(RefundEntity, { ticketId });
    if (previous) throw alreadyRefunded(previous.id);
    if (charge.credits === 0) throw nothingToRefund();

    const lots = await lotsOf(tx, accountId);
    const byId = new Map(lots.map((l) => [l.id, l]));
    const drawn = await tx.findBy(AllocationEntity, { chargeId: charge.id });
    const route = routeRefund(
      drawn.map((a) => ({
        lotId: a.lotId,
        credits: a.credits,
        expiresAt: byId.get(a.lotId)!.expiresAt,
      })),
      at,
    );

    const refund: RefundEntity = {
      id: newId(),
      accountId,
      ticketId,
      chargeId: charge.id,
      credits: charge.credits,
      reason,
      balanceAfter: liveBalance(lots, at) + charge.credits,
      createdAt: at,
    };
    await tx.insert(RefundEntity, refund);
    await payBack(tx, accountId, route, at, { ticketId, chargeId: charge.id, refundId: refund.id });
    await recordStatement(tx, accountId, at, {
      kind: 'REFUND',
      ticketId,
      chargeId: charge.id,
      refundId: refund.id,
      credits: refund.credits,
      balanceAfter: refund.balanceAfter,
      subject: ticket.subject,
    });
    await recordAudit(tx, ctx, 'refundTicket', accountId, refund.id, {
      ticketId,
      credits: refund.credits,
      reason,
    });
    return refund;
  });
}
