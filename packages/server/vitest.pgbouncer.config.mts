import { defineConfig } from 'vitest/config';
import base from './vitest.config.mjs';

// The HTTP suite again, with every gateway's pool going through PgBouncer in
// transaction mode (test/support/pgbouncer.ts); cloning and dropping the
// test databases and the session settings go to Postgres directly.
// Left out: lifecycle.test.ts builds its own pool to test shutdown; the
// PgBouncer and replica tests start their own servers.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/**/*.test.ts'],
    exclude: ['test/lifecycle.test.ts', 'test/pgbouncer.test.ts', 'test/read-replica.test.ts'],
    globalSetup: ['test/support/global-setup.ts', 'test/support/pgbouncer-setup.ts'],
  },
});
