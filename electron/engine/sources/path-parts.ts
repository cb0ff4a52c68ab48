/**
 * A file's path below a source root, as folder and file names: what `relative(root, file).split(sep)`
 * gives, which every source's `classify` needs for every transcript file. `relative` resolves and
 * normalizes both paths on each call — microseconds, for thousands of files per scan — while listed
 * files are joined below a normalized absolute root, so their names are simply the rest of the path.
 * Anything else (a relative or unnormalized root, `..` in the path) still goes through `relative`.
 */
import { isAbsolute, normalize, relative, sep } from 'node:path';

/** Whether `path` is absolute, normalized and without a trailing separator: a folder names can be appended to. */
export function isPlainFolder(path: string): boolean {
  return isAbsolute(path) && normalize(path) === path && !path.endsWith(sep);
}

/** Roots seen so far and whether each is plain (a scan has only a few). */
const plainRoots = new Map<string, boolean>();

function isPlainRoot(root: string): boolean {
  let plain = plainRoots.get(root);
  if (plain === undefined) {
    plain = isPlainFolder(root);
    plainRoots.set(root, plain);
  }
  return plain;
}

const isName = (part: string): boolean => part !== '' && part !== '.' && part !== '..';

export function partsBelow(root: string, file: string): string[] {
  if (file.length > root.length + 1 && file[root.length] === sep && file.startsWith(root) && isPlainRoot(root)) {
    const parts = file.slice(root.length + 1).split(sep);
    if (parts.every(isName)) return parts;
  }
  return relative(root, file).split(sep);
}
