/**
 * The reliability suite (`npm run test:reliability`): load, crash, hostile-input and access tests
 * in test/reliability/. Files run one at a time, so that load figures and crash timings are not
 * disturbed by another file using the same two cores.
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    env: { TRACKER_RELIABILITY: '1' },
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
  },
})
