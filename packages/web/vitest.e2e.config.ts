import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium (playwright-core) against the built gateway,
// which serves the built dashboard, on a fresh Postgres database per run.
// The files share that gateway and database, one after another in any order:
// each makes its own accounts and counts only what is its own.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['./e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
  },
});
