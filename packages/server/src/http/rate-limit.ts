import type { Pool } from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { rateLimited } from '../common/errors';
import type { Viewer } from '../common/viewer';
import type { Config, RateLimit } from '../config';

// Requests per API key (rate-limiter-flexible), the budget set by the key's
// role. With the Postgres store the counters sit in `rate_limits`, so every
// gateway on the database spends from the same budget; should that store
// fail (database away) a per-process memory limiter stands in rather than
// refusing or waving everything through.

export interface RateLimiter {
  /** Spends one request of the viewer's budget; throws RATE_LIMITED (429) past it. */
  consume: (viewer: Viewer) => Promise<void>;
}

function limiterFor(
  role: string,
  limit: RateLimit,
  store: Config['rateLimitStore'],
  ds: DataSource,
): RateLimiterAbstract {
  const base = {
    keyPrefix: `rl_${role.toLowerCase()}`,
    points: limit.points,
    duration: limit.seconds,
  };
  if (store === 'memory') return new RateLimiterMemory(base);
  const pool = (ds.driver as unknown as { master: Pool }).master;
  return new RateLimiterPostgres({
    ...base,
    // Unnamed statements: the library names its prepared statements, which
    // PgBouncer in transaction mode (before 1.21) cannot follow.
    storeClient: {
      query: (q: { text: string; values?: unknown[] }) => pool.query(q.text, q.values),
    },
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true, // by a migration, not at runtime
    insuranceLimiter: new RateLimiterMemory(base),
  });
}

export function createRateLimiter(opts: {
  ds: DataSource;
  limits: Config['rateLimits'];
  store: Config['rateLimitStore'];
}): RateLimiter {
  const byRole = new Map<string, { limiter: RateLimiterAbstract; limit: RateLimit }>();
  for (const [role, limit] of Object.entries(opts.limits)) {
    if (limit) byRole.set(role, { limiter: limiterFor(role, limit, opts.store, opts.ds), limit });
  }
  return {
    async consume(viewer) {
      const entry = byRole.get(viewer.role);
      if (!entry) return;
      try {
        await entry.limiter.consume(viewer.keyId ?? 'bootstrap-admin');
      } catch (res) {
        if (res instanceof RateLimiterRes)
          throw rateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)), entry.limit.points);
        throw res;
      }
    },
  };
}
