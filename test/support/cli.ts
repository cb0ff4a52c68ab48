/** The built CLI (test/support/global-setup.ts builds it before the tests run). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli/headroom.js', import.meta.url));

export function ensureBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" (vitest's global setup normally does)`);
}
