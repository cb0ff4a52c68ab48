/**
 * The settings file, `<dataDir>/config.json`, opened with electron-store.
 *
 * It is the same file the CLI's `conf` store reads and writes (`headroom config`), so both agree:
 * same directory (`cwd: dataDir`), same name (`config`), atomic writes from `conf` underneath, and
 * `watch` so an edit made by the CLI reaches the running app. What the file holds is untrusted; it is
 * migrated and validated by `settings-data.ts` on every read, and a file that is not valid JSON is
 * never overwritten — the app runs on defaults and refuses changes until the user fixes it.
 */
import Store from 'electron-store';
import type { SettingsResult } from '../../shared/api';
import type { Settings, SettingsIssue } from '../../shared/settings';
import { applySetting, loadSettings, MIGRATIONS, type Migration } from './settings-data';

export interface SettingsStore {
  /** Absolute path of config.json, for messages and "Open settings file". */
  readonly path: string;
  /** The settings as they are on disk now, validated; defaults where the file is wrong. */
  get(): Settings;
  /** What was wrong with the file on the last read (empty when it is fine). */
  issues(): SettingsIssue[];
  /** Changes one dotted key after validating the whole result; only that key is written. */
  set(key: string, value: unknown): SettingsResult;
  /** Called with the new settings after any change, from this process or another one. */
  onChange(listener: (settings: Settings) => void): () => void;
  close(): void;
}

export interface SettingsStoreOptions {
  dataDir: string;
  /** Follow changes made by other processes (the CLI). Off in tests that do not need it. */
  watch?: boolean;
  /** Upgrade steps by version; the shipped table unless a test brings its own. */
  migrations?: Readonly<Record<number, Migration>>;
}

export function openSettingsStore({ dataDir, watch = true, migrations = MIGRATIONS }: SettingsStoreOptions): SettingsStore {
  let unreadable: string | null = null;
  const store = new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: 'config',
    watch,
    clearInvalidConfig: false,
    // conf would throw on a file that is not JSON; record why and read it as empty instead, so the app
    // starts and `set` can refuse to overwrite what the user may still want to repair.
    deserialize: (text) => {
      try {
        const parsed: unknown = JSON.parse(text);
        unreadable = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? null : 'the file does not hold a JSON object';
        return unreadable ? {} : (parsed as Record<string, unknown>);
      } catch (error) {
        unreadable = `the file is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
        return {};
      }
    },
  });

  let issues: SettingsIssue[] = [];
  const read = (): Settings => {
    const loaded = loadSettings(store.store, migrations);
    issues = unreadable ? [{ key: '', message: `${unreadable}; using defaults until it is fixed` }, ...loaded.issues] : loaded.issues;
    if (loaded.migrated && !unreadable) store.store = loaded.data;
    return loaded.settings;
  };
  read();

  return {
    path: store.path,
    get: read,
    issues: () => issues,
    set(key, value) {
      const current = read();
      if (unreadable) return { ok: false, issues: [{ key: '', message: `${store.path}: ${unreadable}. Fix or delete it, then try again.` }] };
      const change = applySetting(current, key, value);
      if (!change.ok) return change;
      store.set(change.group, change.settings[change.group as keyof Settings]);
      return { ok: true, settings: change.settings };
    },
    onChange(listener) {
      return store.onDidAnyChange(() => listener(read()));
    },
    close() {
      store._closeWatcher();
    },
  };
}
