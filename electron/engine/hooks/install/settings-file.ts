/**
 * The agent's own settings file (Claude Code's `settings.json`, Codex's `hooks.json`): read it, and
 * write it back safely. It holds the user's other settings, so:
 * - a file that is not a JSON object is refused with a message naming the file and the parse error;
 *   nothing is written;
 * - before any change, the current file is copied to `<file>.headroom-backup-<time>`;
 * - the new content is written atomically (temporary file + rename), keeping the file's mode, in the
 *   2-space JSON the agents themselves write.
 */
import { chmodSync, copyFileSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../../checkpoints/atomic-write';
import { fileStamp } from '../../checkpoints/paths';

export type JsonObject = Record<string, unknown>;

export type ReadSettings = { ok: true; exists: boolean; value: JsonObject } | { ok: false; message: string };

export function readSettingsFile(path: string): ReadSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, exists: false, value: {} };
    return { ok: false, message: `cannot read ${path}: ${(error as Error).message}` };
  }
  if (text.trim() === '') return { ok: true, exists: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${path} is not valid JSON (${(error as Error).message}); fix it or move it away first — nothing was changed` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: `${path} does not hold a JSON object; fix it or move it away first — nothing was changed` };
  }
  return { ok: true, exists: true, value: value as JsonObject };
}

/** Copies the file aside (when it exists), then replaces it atomically. Returns the backup's path. */
export function writeSettingsFile(path: string, value: JsonObject, exists: boolean, now: number): string | null {
  let backup: string | null = null;
  let mode: number | null = null;
  if (exists) {
    mode = statSync(path).mode & 0o777;
    backup = `${path}.headroom-backup-${fileStamp(now)}`;
    copyFileSync(path, backup);
  }
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
  if (mode !== null) chmodSync(path, mode);
  return backup;
}
