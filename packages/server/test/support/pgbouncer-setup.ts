import { adminUrl } from './databases';
import { startPgBouncer } from './pgbouncer';

/** Global setup of vitest.pgbouncer.config.mts: one PgBouncer for the run's gateways. */
export default async function setup(): Promise<() => Promise<void>> {
  const bouncer = await startPgBouncer(adminUrl());
  process.env.TEST_PGBOUNCER_URL = bouncer.urlFor('postgres'); // inherited by the workers
  return async () => {
    // Proof the run went through it: the test databases' transactions.
    const served = [...(await bouncer.transactions())]
      .filter(([db]) => db.startsWith('credits_test_'))
      .reduce((sum, [, n]) => sum + n, 0);
    await bouncer.stop();
    console.log(`pgbouncer: ${served} transactions of the test databases went through PgBouncer`);
    if (served === 0)
      throw new Error('no transaction of the test databases went through PgBouncer');
  };
}
