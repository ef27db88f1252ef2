import { randomUUID } from 'node:crypto';
import type { Task, TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import DataLoader from 'dataloader';
import { Access } from '../../common/access';
import { type Clock, DbClock } from '../../common/clock';
import type { ServiceContext } from '../../common/context';
import { primaryOnly } from '../../db/read-replica';
import { runExpiry } from '../../ledger/expiry-runs';
import { runReconciliation } from '../../ledger/reconcile';
import { Role } from '../../policy/enums';
import { sendExpiryNotices } from '../../notices/expiry-notices';
import { compactChargeRollup } from '../../ledger/charge-history';
import {
  COMPACT_CHARGE_ROLLUP,
  EXPIRE_CREDITS,
  EXPIRY_NOTICES,
  RECONCILE_LEDGER,
} from '../schedule';

/** A context for the scheduled jobs: the system acting as admin, on the database's clock. */
export function jobContext(
  ds: DataSource,
  log: Logger,
  name: string,
  clock?: Clock,
): ServiceContext {
  const viewer = { role: Role.ADMIN, keyId: null, name };
  const c = clock ?? new DbClock(ds);
  return {
    viewer,
    requestId: `job-${randomUUID()}`,
    ds,
    reads: primaryOnly(ds),
    // An admin's scope is every account: the loader is never asked.
    access: new Access(viewer, new DataLoader((ids) => Promise.resolve(ids.map(() => true)))),
    log,
    clock: c,
    now: c.now(),
  };
}

/**
 * The scheduled tasks. Each runs at the database's instant (DbClock); tests
 * call runExpiry / runReconciliation / sendExpiryNotices with the instant they choose.
 */
export function scheduledTasks(
  ds: DataSource,
  log: Logger,
  noticeDays: readonly number[],
): TaskList {
  const task =
    (name: string, work: (ctx: ServiceContext) => Promise<unknown>): Task =>
    async () => {
      await work(jobContext(ds, log.child({ job: name }), name));
    };
  return {
    [EXPIRE_CREDITS]: task(EXPIRE_CREDITS, (ctx) => runExpiry(ctx)),
    [RECONCILE_LEDGER]: task(RECONCILE_LEDGER, (ctx) => runReconciliation(ctx)),
    [EXPIRY_NOTICES]: task(EXPIRY_NOTICES, async (ctx) =>
      sendExpiryNotices(ctx, await ctx.clock.lockedNow(ds.manager), noticeDays),
    ),
    [COMPACT_CHARGE_ROLLUP]: task(COMPACT_CHARGE_ROLLUP, (ctx) => compactChargeRollup(ctx.ds)),
  };
}
