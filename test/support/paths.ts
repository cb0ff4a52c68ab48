/** Paths of the committed fixtures and helpers for throw-away folders. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const CLAUDE_FIXTURES = join(FIXTURES, 'claude');
export const CODEX_FIXTURES = join(FIXTURES, 'codex');
export const GEMINI_FIXTURES = join(FIXTURES, 'gemini');

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'headroom-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Makes a fresh folder under `root` on each call, holding `file` with the given text (no file when null). */
export function foldersHolding(root: string, file: string): (text: string | null) => string {
  let made = 0;
  return (text) => {
    const path = join(root, `d${(made += 1)}`);
    mkdirSync(path);
    if (text !== null) writeFileSync(join(path, file), text);
    return path;
  };
}
