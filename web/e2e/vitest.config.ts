import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against real Notify instances on a real Redis (scripts/topology.sh), one file at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
