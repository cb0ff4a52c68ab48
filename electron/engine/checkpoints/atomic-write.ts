/**
 * Writes a file so readers see either the old content or the new, never a part: the data goes to a
 * unique temporary file in the same folder (same filesystem, so the rename is atomic), is flushed to
 * disk, then renamed over the target. A crash leaves at most a `*.tmp-*` file, never a torn target.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, openSync, writeSync, fsyncSync, closeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Marks the temporary files, so a cleanup can tell them from real ones. */
export const TEMP_MARKER = '.tmp-';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    writeDurably(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A unique sibling temporary path for `path`. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `${basename(path)}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Writes and fsyncs a new file (fails if it exists), so a later rename publishes complete content. */
export function writeDurably(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
