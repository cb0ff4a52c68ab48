/**
 * The hook's settings reader: the schema-free defaults equal the real defaults, a changed section is
 * read through the real schema, and a broken file or section falls back to the default, saying why —
 * the same values the settings store would give.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { HOOK_DEFAULTS, loadHookSettings } from '../../../electron/engine/hooks/hook-settings';
import { SettingsStore } from '../../../electron/engine/settings/store';
import { tempDir } from '../../support/paths';

const dir = tempDir();
afterAll(() => dir.cleanup());
let count = 0;

function dataDir(config?: string): string {
  const path = join(dir.path, String((count += 1)));
  mkdirSync(path, { recursive: true });
  if (config !== undefined) writeFileSync(join(path, 'config.json'), config);
  return path;
}

const pick = (s: typeof DEFAULT_SETTINGS) => ({ thresholds: s.thresholds, autoCompactBufferTokens: s.autoCompactBufferTokens, modelWindows: s.modelWindows });

describe('loadHookSettings', () => {
  it('has the same defaults as the settings schema', () => {
    expect(HOOK_DEFAULTS).toEqual(pick(DEFAULT_SETTINGS));
  });

  it('uses the defaults when there is no file, and when the file changes nothing the hook reads', async () => {
    expect(await loadHookSettings(dataDir())).toEqual({ settings: HOOK_DEFAULTS, problems: [] });
    expect(await loadHookSettings(dataDir(JSON.stringify({ launchAtLogin: true, metrics: { enabled: true } })))).toEqual({ settings: HOOK_DEFAULTS, problems: [] });
  });

  it('reads what the settings store wrote, exactly as the store reads it back', async () => {
    const path = dataDir();
    const store = new SettingsStore(path);
    expect(store.set('thresholds.warningPercent', 55).ok).toBe(true);
    expect(store.set('modelWindows', { 'claude-opus-4-8': 500_000 }).ok).toBe(true);
    expect(store.set('autoCompactBufferTokens', 40_000).ok).toBe(true);
    const loaded = await loadHookSettings(path);
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings).toEqual(pick(store.get()));
    expect(loaded.settings.thresholds).toEqual({ warningPercent: 55, criticalPercent: 90, compactSoonMarginTokens: 10_000 });
  });

  it('falls back to the default for a section that fails validation, and only for that one', async () => {
    const loaded = await loadHookSettings(dataDir(JSON.stringify({ thresholds: { warningPercent: 95, criticalPercent: 90 }, autoCompactBufferTokens: 20_000 })));
    expect(loaded.settings).toEqual({ ...HOOK_DEFAULTS, autoCompactBufferTokens: 20_000 });
    expect(loaded.problems).toEqual(['settings thresholds: warningPercent must be below criticalPercent (using the default)']);
  });

  it('uses the defaults for a file that is not JSON, saying so', async () => {
    const path = dataDir('{"thresholds": ');
    const loaded = await loadHookSettings(path);
    expect(loaded.settings).toEqual(HOOK_DEFAULTS);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatch(new RegExp(`^${join(path, 'config.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON \\(.+\\); using the defaults$`));
  });
});
