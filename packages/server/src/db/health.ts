import type { DataSource } from 'typeorm';

/**
 * Resolves true when the database answers `SELECT 1` within `timeoutMs`.
 * The bound matters when Postgres is unreachable rather than refusing: a
 * connect attempt then hangs for the pool's connection timeout (10 s), and a
 * load balancer should hear "not ready" within a second or two.
 */
export async function databaseAnswers(ds: DataSource, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = ds.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
