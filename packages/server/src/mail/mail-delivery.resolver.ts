import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission, rolesWith } from '../common/viewer';
import type { RequestContext } from '../graphql/context';
import { MAIL_CONFIGURATION_FAULT_SQL } from './mailer';
import { MailDeliveryType } from './mail-delivery.type';

@Resolver()
export class MailDeliveryResolver {
  @Authorized(rolesWith(Permission.READ_SCHEDULES))
  @Query(() => MailDeliveryType, {
    description:
      'Statement e-mails waiting for a retry, and a configuration fault holding them (staff).',
  })
  async mailDelivery(@Ctx() ctx: RequestContext): Promise<MailDeliveryType> {
    const [row] = await ctx.ds.query<
      [{ retrying: number; fault: string | null; since: Date | null }]
    >(
      `SELECT count(*)::int AS retrying,
              (array_agg(last_error ORDER BY created_at DESC)
                 FILTER (WHERE last_error ~* $1))[1] AS fault,
              min(created_at) FILTER (WHERE last_error ~* $1) AS since
         FROM outbox WHERE status = 'RETRYING'`,
      [MAIL_CONFIGURATION_FAULT_SQL],
    );
    return {
      retryingStatements: row.retrying,
      configurationFault: row.fault,
      faultSince: row.since,
    };
  }
}
