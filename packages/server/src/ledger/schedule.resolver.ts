import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Permission, rolesWith } from '../common/viewer';
import { parsePage } from '../common/pagination';
import type { RequestContext } from '../graphql/context';
import { DEFAULT_SCHEDULES, nextTick } from '../jobs/schedule';
import { lastExpiryRun } from './expiry-runs';
import { reconciliationReports } from './reconcile';
import { ExpiryScheduleType, ReconciliationReportType } from './schedule.type';

@Resolver()
export class ScheduleResolver {
  @Authorized(rolesWith(Permission.READ_SCHEDULES))
  @Query(() => ExpiryScheduleType, {
    description: 'The scheduled expiry: its last run and the next (staff).',
  })
  async expirySchedule(@Ctx() ctx: RequestContext): Promise<ExpiryScheduleType> {
    const schedule = (ctx.schedules ?? DEFAULT_SCHEDULES).expiry;
    return {
      schedule,
      lastRun: await lastExpiryRun(ctx.ds),
      nextRunAt: nextTick(schedule, ctx.now),
    };
  }

  @Authorized(rolesWith(Permission.READ_SCHEDULES))
  @Query(() => [ReconciliationReportType], {
    description: 'The reconciliation reports, newest first (staff).',
  })
  reconciliationReports(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first: number,
  ) {
    return reconciliationReports(ctx.ds, parsePage(first, null, 10).first);
  }
}
