/** Where the Monitor watches, and whether a path is there to watch. */
import { access } from 'node:fs/promises';
import type { Root } from './roots';
import { placeFor } from './sources/places';

/** The folders under a root that hold transcripts (watching all of ~/.claude would be wasteful). */
export function watchPaths(root: Root): string[] {
  const source = placeFor(root.agent);
  return source ? source.watchPaths(root.path) : [root.path];
}

export async function isReadable(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
