/**
 * The settings for `headroom status`, which users run often and which must answer fast: the same file,
 * validation and issues as `SettingsStore.load()` (./validate.ts), remembered between runs.
 *
 * Validating needs zod, and loading zod takes longer than the rest of a warm `status`. So the result
 * of validating the file is kept in `<dataDir>/cache/settings.json` together with the exact text it
 * came from (null: no file) and the build that validated it, and is used again while both are the
 * same. Anything else — another text, another build, a missing or damaged memo — validates again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildId, replaceFile } from '../cache/cache-file';
import { readSettingsText, settingsPath } from './file';
import type { LoadedSettings } from './validate';

interface Memo {
  build: string;
  text: string | null;
  loaded: LoadedSettings;
}

export const settingsMemoPath = (dataDir: string) => join(dataDir, 'cache', 'settings.json');

export async function readSettingsRemembered(dataDir: string): Promise<LoadedSettings> {
  const path = settingsPath(dataDir);
  const text = readSettingsText(path);
  const readable = text === null || typeof text === 'string';
  if (readable) {
    const memo = recall(dataDir);
    if (memo && memo.build === buildId() && memo.text === text) return memo.loaded;
  }
  const { settingsFromText, unreadable } = await import('./validate');
  if (!readable) return unreadable(path, text.error);
  const loaded = settingsFromText(path, text);
  remember(dataDir, { build: buildId(), text, loaded });
  return loaded;
}

function recall(dataDir: string): Memo | null {
  try {
    const memo: unknown = JSON.parse(readFileSync(settingsMemoPath(dataDir), 'utf8'));
    return isMemo(memo) ? memo : null;
  } catch {
    return null;
  }
}

/** Written only by this module, whole: the shape is checked, the settings were validated when saved. */
function isMemo(value: unknown): value is Memo {
  if (value === null || typeof value !== 'object') return false;
  const { build, text, loaded } = value as Record<string, unknown>;
  if (typeof build !== 'string' || (text !== null && typeof text !== 'string')) return false;
  if (loaded === null || typeof loaded !== 'object') return false;
  const { settings, issues } = loaded as Record<string, unknown>;
  return settings !== null && typeof settings === 'object' && Array.isArray(issues);
}

function remember(dataDir: string, memo: Memo): void {
  try {
    replaceFile(settingsMemoPath(dataDir), JSON.stringify(memo));
  } catch {
    // A memo that cannot be saved only costs the next run a validation.
  }
}
