/**
 * Settings as data: migrating, validating and changing the JSON in `<dataDir>/config.json`.
 *
 * Guarantees (pure — no Electron, no file access, so both are tested with plain objects):
 * - the file is untrusted: `loadSettings` never throws; a bad value falls back to its default and is
 *   reported as an issue, and only when a whole group cannot be repaired does that group reset;
 * - migrations are keyed by the file's `version` and run in order, one step at a time;
 * - `applySetting` accepts only keys the schema knows, so a typo is an error rather than a silent no-op,
 *   and reads keys exactly as the CLI's `headroom config` does.
 */
import { DEFAULT_SETTINGS, SettingsSchema, settingsIssues, type Settings, type SettingsIssue } from '../../shared/settings';
import { getAt, keyPath, setAt } from '../engine/settings/keys';

/** The version this build writes; `SettingsSchema` pins the same literal. */
export const SETTINGS_VERSION = 1;

type Json = Record<string, unknown>;
/** Upgrades a file from version N to N + 1. */
export type Migration = (data: Json) => Json;

/**
 * Steps keyed by the version they upgrade from. Version 1 is the first released format, so there is
 * nothing to upgrade yet; the next format change adds `1: (v1) => v2` here and bumps the schema literal.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export interface LoadedSettings {
  settings: Settings;
  issues: SettingsIssue[];
  /** The data after migrations, to be written back when `migrated` is true. */
  data: Json;
  migrated: boolean;
}

export function loadSettings(raw: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, target = SETTINGS_VERSION): LoadedSettings {
  const issues: SettingsIssue[] = [];
  let data: Json = isPlainObject(raw) ? { ...raw } : {};
  const from = typeof data.version === 'number' && Number.isInteger(data.version) ? data.version : target;
  if (from > target) {
    issues.push({ key: 'version', message: `written by a newer Headroom (settings version ${from}); fields this version does not know are ignored` });
  }
  let reached = Math.max(from, 0);
  for (; reached < target; reached++) {
    const step = migrations[reached];
    try {
      if (!step) throw new Error('no migration step');
      data = { ...step(structuredClone(data)), version: reached + 1 };
    } catch (error) {
      issues.push({ key: 'version', message: `could not upgrade from settings version ${reached} (${String(error)}); values that do not fit use their defaults` });
      break;
    }
  }
  // A newer file's version literal is not an error worth a second message; its known fields still load.
  const settings = sanitize(from > target ? { ...data, version: target } : data, issues);
  return { settings, issues, data, migrated: from < target && reached === target };
}

/** Drops the offending leaf values first, then whole top-level groups, then gives up to defaults. */
function sanitize(data: Json, issues: SettingsIssue[]): Settings {
  let candidate = structuredClone(data);
  const first = SettingsSchema.safeParse(candidate);
  if (first.success) return first.data;
  issues.push(...settingsIssues(first.error));
  let remaining = first.error.issues;
  for (const cut of [cutLeaf, cutGroup]) {
    for (const issue of remaining) candidate = cut(candidate, issue.path.map(String));
    const result = SettingsSchema.safeParse(candidate);
    if (result.success) return result.data;
    remaining = result.error.issues;
  }
  issues.push({ key: '', message: 'settings could not be repaired; using defaults' });
  return structuredClone(DEFAULT_SETTINGS);
}

function cutLeaf(data: Json, path: string[]): Json {
  if (path.length === 0) return {};
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (isPlainObject(node) || Array.isArray(node) ? (node as Json)[key] : undefined), data);
  const leaf = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(Number(leaf), 1);
  else if (isPlainObject(parent)) delete parent[leaf];
  return data;
}

function cutGroup(data: Json, path: string[]): Json {
  const [group] = path;
  if (group === undefined) return {};
  delete data[group];
  return data;
}

/** Keys that would reach the prototype chain instead of the settings object. */
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export type SettingChange = { ok: true; settings: Settings; group: string } | { ok: false; issues: SettingsIssue[] };

/**
 * Sets one dotted key on a copy of `current` and validates the whole result, so cross-field rules
 * (warning below critical) hold after every change. Keys are read exactly as `headroom config` reads
 * them (engine/settings/keys.ts): under `modelWindows` and `prices` everything after the first dot is
 * a model id, dots included. `group` is the top-level key to write back — writing the whole group
 * keeps model ids with dots intact, which a dotted write would split.
 */
export function applySetting(current: Settings, key: string, value: unknown): SettingChange {
  const path = keyPath(key);
  const unknownKey: SettingChange = { ok: false, issues: [{ key, message: `unknown setting "${key}"` }] };
  if (!path || path.some((segment) => FORBIDDEN.has(segment))) return unknownKey;
  const result = SettingsSchema.safeParse(setAt(structuredClone(current) as unknown as Json, path, value));
  if (!result.success) return { ok: false, issues: settingsIssues(result.error).map((issue) => ({ key: issue.key || key, message: issue.message })) };
  // The schema drops keys it does not know, so a typo like `thresholds.warnPercent` vanishes here.
  if (getAt(result.data, path) === undefined) return unknownKey;
  return { ok: true, settings: result.data, group: path[0]! };
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
