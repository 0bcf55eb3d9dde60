import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/e2e/**'] },
      },
      {
        // Browser tests against the built site: the global setup builds it once and starts one Chromium.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One test file (one page) at a time in the shared Chromium: pages in background windows are throttled
          // (no idle callbacks, slower timers), and the two CPUs are better spent on one page than on three.
          fileParallelism: false,
          hookTimeout: 120_000,
          // Failure messages list every violation / broken link in full.
          chaiConfig: { truncateThreshold: 0 },
          testTimeout: 60_000,
        },
      },
    ],
  },
});
