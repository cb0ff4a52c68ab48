/**
 * Directory listing for source discovery. A folder that is missing yields nothing (the caller decides
 * whether that is a problem); an unreadable one is reported through `onError` and skipped.
 */
import { readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { isPlainFolder } from './path-parts';

export type WalkError = (path: string, error: NodeJS.ErrnoException) => void;

export async function listDir(dir: string, onError: WalkError): Promise<{ files: string[]; dirs: string[] }> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
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
export async function findFiles(
  dir: string,
  accept: (name: string) => boolean,
  depth: number,
  onError: WalkError,
): Promise<string[]> {
  const { files, dirs } = await listDir(dir, onError);
  const found = files.filter((file) => accept(file.slice(file.lastIndexOf('/') + 1)));
  if (depth <= 0) return found;
  const nested = await Promise.all(dirs.map((sub) => findFiles(sub, accept, depth - 1, onError)));
  return found.concat(...nested);
}
