import { recordAudit } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import { alreadyRefunded, notFound, nothingToRefund, ticketNotCharged } from '../common/errors';
import { newId, parseId } from '../common/ids';
import { text } from '../common/validate';
import { recordStatement } from '../outbox/statements';
import { LedgerEntryKind, LotSource, TicketStatus } from '../policy/enums';
import { routeRefund } from '../policy/spending';
import { TicketEntity } from '../tickets/ticket.entity';
import { lockAccount } from './account-lock';
import { AllocationEntity } from './allocation.entity';
import { ChargeEntity } from './charge.entity';
import { liveBalance } from './balance';
import { lotsOf, openLot, refundIntoLot } from './ledger-writes';
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
  const reason = text(input.reason, 'reason', { max: 2000 });
  const ticketRow = await ctx.access.visible(
    await ctx.ds.manager.findOneBy(TicketEntity, { id: ticketId }),
  );
  if (!ticketRow) throw notFound(input.ticketId, 'Ticket');

  return ledgerTransaction(ctx.ds, async (tx) => {
    const at = await lockAccount(tx, ctx.clock, ticketRow.accountId);
    const charge = await tx.findOneBy(ChargeEntity, { ticketId });
    if (!charge) throw ticketNotCharged();
    const previous = await tx.findOneBy(RefundEntity, { ticketId });
    if (previous) throw alreadyRefunded(previous.id);
    if (charge.credits === 0) throw nothingToRefund();

    const lots = await lotsOf(tx, charge.accountId);
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
      accountId: charge.accountId,
      ticketId,
      chargeId: charge.id,
      credits: charge.credits,
      reason,
      balanceAfter: liveBalance(lots, at) + charge.credits,
      createdAt: at,
    };
    await tx.insert(RefundEntity, refund);

    const refs = { ticketId, chargeId: charge.id, refundId: refund.id };
    const paidBack: { lotId: string; credits: number }[] = [];
    for (const a of route.backToLot) {
      await refundIntoLot(tx, byId.get(a.lotId)!, a.credits, at, refs);
      paidBack.push(a);
    }
    if (route.toNewLot > 0) {
      const lot = await openLot(
        tx,
        {
          accountId: charge.accountId,
          source: LotSource.REFUND,
          credits: route.toNewLot,
          expiresAt: null,
          refundId: refund.id,
        },
        LedgerEntryKind.REFUND,
        at,
        refs,
      );
      paidBack.push({ lotId: lot.id, credits: route.toNewLot });
    }
    await tx.insert(
      AllocationEntity,
      paidBack.map((a) => ({
        accountId: charge.accountId,
        chargeId: null,
        refundId: refund.id,
        lotId: a.lotId,
        credits: a.credits,
      })),
    );
    await tx.update(TicketEntity, { id: ticketId }, { status: TicketStatus.REFUNDED });
    await recordStatement(tx, charge.accountId, at, {
      kind: 'REFUND',
      ticketId,
      chargeId: charge.id,
      refundId: refund.id,
      credits: refund.credits,
      balanceAfter: refund.balanceAfter,
      subject: ticketRow.subject, // immutable: read before the lock is as good as after
    });
    await recordAudit(tx, ctx, 'refundTicket', charge.accountId, refund.id, {
      ticketId,
      credits: refund.credits,
      reason,
    });
    return refund;
  });
}
