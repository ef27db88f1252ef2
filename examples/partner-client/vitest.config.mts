import { defineConfig } from 'vitest/config';

// One test: the built example against the built gateway on a fresh database.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
});
