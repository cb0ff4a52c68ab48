/** The roots with whether each exists now, for the views' empty state ("Headroom looks in …"). */
import { existsSync } from 'node:fs';
import type { Root } from '../roots';

export function rootsWithExistence(roots: readonly Root[]): (Root & { exists: boolean })[] {
  return roots.map((root) => ({ ...root, exists: existsSync(root.path) }));
}
