/**
 * What Headroom's own cache files share: the build that wrote them, and replacing one in one step.
 *
 * A cache holds results worked out by code (sessions, validated settings); a different build may work
 * them out differently, so a cache written by another build is not used. The build is told apart by
 * this module's file: every build of the bundle (and every install) writes it anew, and its name in
 * the bundle carries a content hash.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

let build: string | undefined;

/** Identifies the running build of Headroom (its file's path, size and modification time). */
export function buildId(): string {
  if (build === undefined) {
    const path = fileURLToPath(import.meta.url);
    const info = statSync(path, { throwIfNoEntry: false });
    build = info ? `${path}:${info.size}:${info.mtimeMs}` : path;
  }
  return build;
}

/** Writes a cache file whole, through a temporary file and a rename, so a reader never sees a part. */
export function replaceFile(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
