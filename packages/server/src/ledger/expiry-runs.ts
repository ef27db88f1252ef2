import type { DataSource } from 'typeorm';
import type { ServiceContext } from '../common/context';
import { expireCreditsCounted } from './expire';

/** One scheduled expiry run: when it ran and what it recorded. */
export interface ExpiryRun {
  id: string;
  ranAt: Date;
  lots: number;
  credits: number;
}

const COLUMNS = `id, ran_at AS "ranAt", lots, credits::int AS credits`;

/**
 * The scheduled expiry (P19): records every expiry due at `at` (the
 * database's instant when omitted), however long nothing ran, and keeps a
 * record of the run. Two runs at once record each expiry once: expireCredits
 * re-reads lots under the account locks.
 */
export async function runExpiry(ctx: ServiceContext, at?: Date): Promise<ExpiryRun> {
  const ranAt = at ?? (await ctx.clock.lockedNow(ctx.ds.manager));
  const { lots, credits } = await expireCreditsCounted(ctx, ranAt);
  const [run] = await ctx.ds.query<ExpiryRun[]>(
    `INSERT INTO expiry_runs (ran_at, lots, credits) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
    [ranAt, lots, credits],
  );
  ctx.log.info({ lots, credits, at: ranAt }, 'expiry run');
  return run!;
}

/** The latest run, as an ExpiryRun row (none: no row). */
export const LAST_EXPIRY_RUN_SQL = `SELECT ${COLUMNS} FROM expiry_runs ORDER BY ran_at DESC, id DESC LIMIT 1`;

export async function lastExpiryRun(ds: DataSource): Promise<ExpiryRun | null> {
  const [run] = await ds.query<ExpiryRun[]>(LAST_EXPIRY_RUN_SQL);
  return run ?? null;
}
