import { parseCrontab } from 'graphile-worker';

/** The scheduled jobs' task names (graphile-worker crontab). */
export const EXPIRE_CREDITS = 'expire_credits';
export const RECONCILE_LEDGER = 'reconcile_ledger';
export const EXPIRY_NOTICES = 'expiry_notices';
export const COMPACT_CHARGE_ROLLUP = 'compact_charge_rollup';

export interface Schedules {
  /** Cron patterns (UTC): minute hour day-of-month month day-of-week. */
  expiry: string;
  reconciliation: string;
  /** Days before a lot expires that the account is told (EXPIRY_NOTICE_DAYS). */
  noticeDays: number[];
}

export const DEFAULT_SCHEDULES: Schedules = {
  expiry: '0 * * * *',
  reconciliation: '30 0 * * *',
  noticeDays: [30, 7],
};

/**
 * The crontab: graphile-worker enqueues each tick once across all workers
 * (job keys per tick), and on start backfills ticks missed within the last
 * day while nothing ran. Each run does everything that is due, so one missed
 * tick or twenty catch up the same.
 */
export function crontab(s: Schedules): string {
  return [
    `${s.expiry} ${EXPIRE_CREDITS} ?fill=1d&max=5`,
    `${s.reconciliation} ${RECONCILE_LEDGER} ?fill=1d&max=3`,
    // Notices go with the expiry schedule.
    `${s.expiry} ${EXPIRY_NOTICES} ?fill=1d&max=5`,
    // Folds the charge rollup's deltas (migration 1797000000000); no catch-up:
    // one run folds all there are.
    `* * * * * ${COMPACT_CHARGE_ROLLUP}`,
  ].join('\n');
}

/** The first tick of `pattern` after `after` (UTC, whole minutes), or null within a year. */
export function nextTick(pattern: string, after: Date): Date | null {
  const [item] = parseCrontab(`${pattern} ${EXPIRE_CREDITS}`);
  let t = Math.floor(after.getTime() / 60_000 + 1) * 60_000;
  for (let i = 0; i < 366 * 24 * 60; i++, t += 60_000) {
    const d = new Date(t);
    const digest = {
      min: d.getUTCMinutes(),
      hour: d.getUTCHours(),
      date: d.getUTCDate(),
      month: d.getUTCMonth() + 1,
      dow: d.getUTCDay(),
    };
    if (item!.match(digest)) return d;
  }
  return null;
}

/** Whether a cron pattern parses (for the configuration's check). */
export function validCron(pattern: string): boolean {
  try {
    parseCrontab(`${pattern} ${EXPIRE_CREDITS}`);
    return true;
  } catch {
    return false;
  }
}
