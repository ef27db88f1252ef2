import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The files share one gateway and database and run one after another; the
// lifecycle file counts every charge, so it must run before the files that
// add charges of their own. Vitest would otherwise put the slowest file first.
class ByFileName extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)));
  }
}

// Browser tests: real Chromium (playwright-core) against the built gateway,
// which serves the built dashboard, on a fresh Postgres database per run.
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
    sequence: { concurrent: false, sequencer: ByFileName },
  },
});
