/**
 * Where the built renderer is. The CLI is bundled to dist/cli/headroom.js and the views to
 * dist/renderer, so the views sit one folder up from the running script.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function builtRendererDir(scriptUrl: string = import.meta.url): string | null {
  const dir = fileURLToPath(new URL('../renderer', scriptUrl));
  return existsSync(join(dir, 'index.html')) ? dir : null;
}
