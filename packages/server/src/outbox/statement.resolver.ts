import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { TicketType } from '../tickets/ticket.type';
import type { OutboxMessageEntity } from './outbox-message.entity';
import { Statement } from './statement.type';
import type { StatementPayload } from './statements';

export function toStatement(row: OutboxMessageEntity): Statement {
  const p = row.payload as unknown as StatementPayload;
  return {
    id: row.id,
    ticketId: p.ticketId,
    kind: p.kind as Statement['kind'],
    credits: p.credits,
    balanceAfter: p.balanceAfter,
    message: p.message,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
  };
}

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => TicketType)
  ticket(@Root() s: Statement, @Ctx() ctx: RequestContext) {
    return ctx.loaders.ticket.load(s.ticketId);
  }
}
