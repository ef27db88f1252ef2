import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { notFound } from '../common/errors';
import { Permission, rolesWith } from '../common/viewer';
import { readMailbox } from '../mail/mailbox';
import { MailboxMessageType } from '../mail/mailbox.type';
import { resendStatement } from './statement-delivery';
import type { RequestContext } from '../graphql/context';
import { TicketType } from '../tickets/ticket.type';
import type { OutboxMessageEntity } from './outbox-message.entity';
import { Statement, type StatementDeliveryStatus } from './statement.type';
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
    delivery: {
      // Rows written already delivered (imports) predate the status column's meaning.
      status: (row.deliveredAt ? 'SENT' : row.status) as StatementDeliveryStatus,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      lastError: row.lastError,
      sentAt: row.deliveredAt,
    },
  };
}

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => TicketType)
  ticket(@Root() s: Statement, @Ctx() ctx: RequestContext) {
    return ctx.loaders.ticket.load(s.ticketId);
  }
}

@Resolver()
export class StatementDeliveryResolver {
  @Authorized(rolesWith(Permission.RESEND_STATEMENT))
  @Mutation(() => Statement, {
    description: 'Sends the statement e-mail again (staff), also after it was sent or failed.',
  })
  async resendStatement(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    const row = await resendStatement(ctx.ds, ctx, id);
    if (!row) throw notFound(id, 'Statement');
    return toStatement(row);
  }

  @Authorized(rolesWith(Permission.READ_MAILBOX))
  @Query(() => [MailboxMessageType], {
    description:
      'The local mailbox (no SMTP_URL, e.g. an embedded start): the newest e-mails the gateway "sent". Empty when SMTP_URL is set.',
  })
  mailbox(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ) {
    const dir = ctx.outbound?.mailDir;
    return dir ? readMailbox(dir, Math.min(Math.max(first, 1), 100)) : [];
  }
}
