import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/agents/**', 'test/renderer/**'],
          testTimeout: 30_000,
        },
      },
      {
        // The views' pure models (sorting, chart geometry, settings form): plain Node, no DOM needed.
        extends: true,
        test: { name: 'renderer', include: ['test/renderer/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
      },
      {
        extends: true,
        test: { name: 'agents', include: ['test/agents/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 900_000, fileParallelism: false },
      },
    ],
  },
});
