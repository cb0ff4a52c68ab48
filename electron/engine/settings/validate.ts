/**
 * Validating the stored settings: what the store (conf, used for writes) and the read-only reader
 * (./remembered.ts) share, so both give the same settings and report the same issues for one file.
 *
 * Guarantees: what is read is validated with `SettingsSchema`; a value that fails validation is
 * reported by its key and replaced by its default, never trusted and never a crash. A file that is not
 * JSON at all is reported and the defaults are used.
 */
import { DEFAULT_SETTINGS, SettingsSchema, settingsIssues, type Settings, type SettingsIssue } from '../../../shared/settings';
import { notJson, readSettingsText, settingsPath } from './file';
import { getAt } from './keys';

export interface LoadedSettings {
  settings: Settings;
  /** Problems found in the file; each problem's value was replaced by its default. */
  issues: SettingsIssue[];
}

/** The defaults, with the reason the file could not be used. */
export function unreadable(path: string, reason: string): LoadedSettings {
  return { settings: DEFAULT_SETTINGS, issues: [{ key: '', message: notJson(path, reason) }] };
}

/** The settings in a file's text (null: there is no file), read the way conf reads its store. */
export function settingsFromText(path: string, text: string | null): LoadedSettings {
  if (text === null) return repair({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return unreadable(path, (error as Error).message);
  }
  // conf's store is `Object.assign(Object.create(null), JSON.parse(text))`: a file holding an array or
  // a number reads as its own properties, `null` as nothing at all.
  return repair(Object.assign(Object.create(null) as Record<string, unknown>, parsed));
}

/** `SettingsStore.load()` without opening conf (and ajv): for commands that only read settings. */
export function readSettingsFile(dataDir: string): LoadedSettings {
  const path = settingsPath(dataDir);
  const text = readSettingsText(path);
  return text !== null && typeof text === 'object' ? unreadable(path, text.error) : settingsFromText(path, text);
}

/**
 * Parses stored settings; each invalid value is removed so its default applies. When removing the
 * value alone does not help (two values that conflict), its whole section falls back to defaults.
 */
export function repair(raw: unknown): LoadedSettings {
  const object = isRecord(raw) ? structuredClone(raw) : {};
  const issues: SettingsIssue[] = [];
  for (;;) {
    const parsed = SettingsSchema.safeParse(object);
    if (parsed.success) return { settings: parsed.data, issues };
    let changed = false;
    for (const issue of settingsIssues(parsed.error)) {
      issues.push(issue);
      const path = issue.key.split('.');
      changed = removeAt(object, path) || removeAt(object, path.slice(0, 1)) || changed;
    }
    if (!changed) return { settings: DEFAULT_SETTINGS, issues };
  }
}

function removeAt(root: Record<string, unknown>, path: readonly string[]): boolean {
  const parent = path.length === 1 ? root : getAt(root, path.slice(0, -1));
  const last = path.at(-1);
  if (!isRecord(parent) || last === undefined || !Object.hasOwn(parent, last)) return false;
  delete parent[last];
  return true;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
