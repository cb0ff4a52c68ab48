import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Without Chromium the browser suite cannot run; a stand-in reports it as skipped, with the way to run it. */
const hasChromium = existsSync(process.env['HEADROOM_CHROMIUM'] ?? '/usr/bin/chromium');

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
          exclude: ['test/e2e/**', 'test/e2e-unavailable/**', 'test/agents/**', 'test/renderer/**'],
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
        test: {
          name: 'e2e',
          include: hasChromium ? ['test/e2e/**/*.test.ts'] : ['test/e2e-unavailable/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: { name: 'agents', include: ['test/agents/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 900_000, fileParallelism: false },
      },
    ],
  },
});
