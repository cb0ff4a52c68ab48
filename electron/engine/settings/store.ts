/**
 * The settings store for plain Node (CLI, `headroom serve`): `conf` on `<dataDir>/config.json`, the
 * same file electron-store (`cwd: dataDir`, name `config`) writes in the desktop app.
 *
 * Guarantees:
 * - What is read is validated with `SettingsSchema`; a value that fails validation is reported by its
 *   key and replaced by its default, never trusted and never a crash. A file that is not JSON at all
 *   is reported and the defaults are used; it is left on disk for the user to fix.
 * - `set(key, value)` validates the whole result first: a bad value or an unknown key is refused with
 *   the key named, and the stored file keeps its previous value.
 * - Writes are atomic (conf writes a temporary file and renames it).
 */
import Conf from 'conf';
import type { z } from 'zod';
import { DEFAULT_SETTINGS, SettingsSchema, settingsIssues, type Settings, type SettingsIssue } from '../../../shared/settings';
import { getAt, keyPath, setAt } from './keys';
import { notJson, SETTINGS_FILE, settingsPath } from './file';
import { type LoadedSettings, repair, unreadable } from './validate';

export { SETTINGS_FILE } from './file';
export type { LoadedSettings } from './validate';

export type SetResult = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

export class SettingsStore {
  private readonly conf: Conf<Record<string, unknown>> | null;
  private readonly openError: string | null;
  readonly path: string;

  constructor(dataDir: string) {
    let conf: Conf<Record<string, unknown>> | null = null;
    let openError: string | null = null;
    try {
      conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE });
    } catch (error) {
      openError = (error as Error).message;
    }
    this.conf = conf;
    this.openError = openError;
    this.path = settingsPath(dataDir);
  }

  /** Settings as stored, each invalid part replaced by its default and reported. */
  load(): LoadedSettings {
    const raw = this.readRaw();
    if (!raw.ok) return unreadable(this.path, raw.reason);
    return repair(raw.value);
  }

  get(): Settings {
    return this.load().settings;
  }

  set(key: string, value: unknown): SetResult {
    const path = keyPath(key);
    if (!path) return { ok: false, issues: [{ key, message: `unknown setting "${key}"` }] };
    const raw = this.readRaw();
    if (!raw.ok) return { ok: false, issues: [{ key: '', message: `${notJson(this.path, raw.reason)}; fix or remove the file first` }] };
    const base = repair(raw.value).settings as unknown as Record<string, unknown>;
    const candidate = setAt(base, path, value);
    const parsed = SettingsSchema.safeParse(candidate);
    if (!parsed.success) return { ok: false, issues: namedIssues(parsed.error, key) };
    if (getAt(parsed.data, path) === undefined) return { ok: false, issues: [{ key, message: `unknown setting "${key}"` }] };
    this.write(parsed.data);
    return { ok: true, settings: parsed.data };
  }

  /** Writes the full defaults (for `config init`), replacing whatever was there. */
  reset(): Settings {
    this.write(DEFAULT_SETTINGS);
    return DEFAULT_SETTINGS;
  }

  exists(): boolean {
    return this.conf !== null && this.conf.size > 0;
  }

  private write(settings: Settings): void {
    if (!this.conf) throw new Error(this.openError ?? 'settings file unavailable');
    this.conf.store = settings as unknown as Record<string, unknown>;
  }

  private readRaw(): { ok: true; value: unknown } | { ok: false; reason: string } {
    if (!this.conf) return { ok: false, reason: String(this.openError) };
    try {
      return { ok: true, value: this.conf.store };
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
  }
}

/** Zod issues with their full dotted key, falling back to the key the user asked to set. */
function namedIssues(error: z.ZodError, key: string): SettingsIssue[] {
  return settingsIssues(error).map((issue) => ({ key: issue.key || key, message: issue.message }));
}
