import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission, rolesWith } from '../common/viewer';
import type { RequestContext } from '../graphql/context';
import { MAIL_CONFIGURATION_FAULT_SQL } from './mailer';
import { MailDeliveryType } from './mail-delivery.type';

/** Statements waiting for a retry, and the newest configuration fault among them ($1: its pattern). */
export const MAIL_DELIVERY_SQL = `SELECT count(*)::int AS "retryingStatements",
        (array_agg(last_error ORDER BY created_at DESC)
           FILTER (WHERE last_error ~* $1))[1] AS "configurationFault",
        min(created_at) FILTER (WHERE last_error ~* $1) AS "faultSince"
   FROM outbox WHERE status = 'RETRYING'`;

@Resolver()
export class MailDeliveryResolver {
  @Authorized(rolesWith(Permission.READ_SCHEDULES))
  @Query(() => MailDeliveryType, {
    description:
      'Statement e-mails waiting for a retry, and a configuration fault holding them (staff).',
  })
  async mailDelivery(@Ctx() ctx: RequestContext): Promise<MailDeliveryType> {
    const [row] = await ctx.ds.query<[MailDeliveryType]>(MAIL_DELIVERY_SQL, [
      MAIL_CONFIGURATION_FAULT_SQL,
    ]);
    return row;
  }
}
