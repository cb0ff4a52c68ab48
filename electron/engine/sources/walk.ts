/**
 * Directory listing for source discovery. A folder that is missing yields nothing (the caller decides
 * whether that is a problem); an unreadable one is reported through `onError` and skipped.
 *
 * Listings are synchronous: a heavy user has thousands of small local folders, and a thread-pool round
 * trip for each made discovery three times slower (83 ms against 25 ms for 1,873 folders).
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { isPlainFolder } from './path-parts';

export type WalkError = (path: string, error: NodeJS.ErrnoException) => void;

export function listDir(dir: string, onError: WalkError): { files: string[]; dirs: string[] } {
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    const files: string[] = [];
    const dirs: string[] = [];
    // `join` normalizes the whole path again for every entry; below a plain folder an entry's path is
    // just folder + separator + name (readdir never returns `.`, `..` or a name with a separator).
    const prefix = isPlainFolder(dir) ? dir + sep : null;
    for (const entry of entries) {
      const path = prefix === null ? join(dir, entry.name) : prefix + entry.name;
      if (entry.isFile()) files.push(path);
      else if (entry.isDirectory()) dirs.push(path);
    }
    return { files, dirs };
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code !== 'ENOENT' && err.code !== 'ENOTDIR') onError(dir, err);
    return { files: [], dirs: [] };
  }
}

/** All files below `dir` (to `depth` levels) whose name passes `accept`. */
export function findFiles(dir: string, accept: (name: string) => boolean, depth: number, onError: WalkError): string[] {
  const { files, dirs } = listDir(dir, onError);
  const found = files.filter((file) => accept(file.slice(file.lastIndexOf('/') + 1)));
  if (depth <= 0) return found;
  for (const sub of dirs) found.push(...findFiles(sub, accept, depth - 1, onError));
  return found;
}
