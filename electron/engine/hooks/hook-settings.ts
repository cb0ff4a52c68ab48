/**
 * The few settings a hook needs (thresholds, the auto-compact buffer, model windows), read without the
 * settings store: `conf` and the zod schema cost ~100 ms of start-up together, and the usage check
 * runs after every tool call. The file is the one the store writes (`<dataDir>/config.json`).
 *
 * Guarantees: an untouched file (or none) needs no schema at all; when the user changed one of these
 * sections, it is validated with the real schema (loaded only then), and a section that fails
 * validation falls back to its default — the same outcome the settings store gives, never a crash.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../../shared/settings';

export type HookSettings = Pick<Settings, 'thresholds' | 'autoCompactBufferTokens' | 'modelWindows'>;

/** Equal to DEFAULT_SETTINGS' sections (a test keeps them equal), without loading the schema. */
export const HOOK_DEFAULTS: HookSettings = {
  thresholds: { warningPercent: 70, criticalPercent: 90, compactSoonMarginTokens: 10_000 },
  autoCompactBufferTokens: 33_000,
  modelWindows: {},
};

const SECTIONS = ['thresholds', 'autoCompactBufferTokens', 'modelWindows'] as const;

export interface LoadedHookSettings {
  settings: HookSettings;
  problems: string[];
}

export async function loadHookSettings(dataDir: string): Promise<LoadedHookSettings> {
  const path = join(dataDir, 'config.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { settings: HOOK_DEFAULTS, problems: missing ? [] : [`${path} is not valid JSON (${(error as Error).message}); using the defaults`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings: HOOK_DEFAULTS, problems: [`${path} is not a JSON object; using the defaults`] };
  const stored = raw as Record<string, unknown>;
  const present = SECTIONS.filter((key) => stored[key] !== undefined);
  if (present.length === 0) return { settings: HOOK_DEFAULTS, problems: [] };
  return validated(stored, present);
}

async function validated(stored: Record<string, unknown>, present: readonly (typeof SECTIONS)[number][]): Promise<LoadedHookSettings> {
  const { SettingsSchema } = await import('../../../shared/settings');
  const settings: HookSettings = { ...HOOK_DEFAULTS };
  const problems: string[] = [];
  for (const key of present) {
    const parsed = SettingsSchema.safeParse({ [key]: stored[key] });
    if (parsed.success) Object.assign(settings, { [key]: parsed.data[key] });
    else problems.push(`settings ${key}: ${parsed.error.issues.map((issue) => issue.message).join('; ')} (using the default)`);
  }
  return { settings, problems };
}
