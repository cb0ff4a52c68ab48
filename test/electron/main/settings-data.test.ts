import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { applySetting, loadSettings, type Migration } from '../../../electron/main/settings-data';

describe('loadSettings', () => {
  it('fills every default into an empty or partial file', () => {
    expect(loadSettings({})).toEqual({ settings: DEFAULT_SETTINGS, issues: [], data: {}, migrated: false });
    const partial = loadSettings({ thresholds: { warningPercent: 60 } });
    expect(partial.settings.thresholds).toEqual({ warningPercent: 60, criticalPercent: 90, compactSoonMarginTokens: 10_000 });
    expect(partial.settings.checkpoint).toEqual(DEFAULT_SETTINGS.checkpoint);
  });

  it.each([null, 'text', 42, [1, 2]])('treats %j (not an object) as an empty file', (raw) => {
    expect(loadSettings(raw).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces only the bad value with its default and names it', () => {
    const loaded = loadSettings({ thresholds: { warningPercent: 'high', criticalPercent: 95 }, launchAtLogin: true });
    expect(loaded.settings.thresholds).toEqual({ warningPercent: 70, criticalPercent: 95, compactSoonMarginTokens: 10_000 });
    expect(loaded.settings.launchAtLogin).toBe(true);
    expect(loaded.issues).toEqual([{ key: 'thresholds.warningPercent', message: 'Invalid input: expected number, received string' }]);
  });

  it('resets a group whose values conflict even after the bad one is dropped', () => {
    // 95 ≥ 50 breaks "warning below critical"; dropping 95 gives the default 70, still ≥ 50.
    const loaded = loadSettings({ thresholds: { warningPercent: 95, criticalPercent: 50 }, hideDockIcon: false });
    expect(loaded.settings.thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
    expect(loaded.settings.hideDockIcon).toBe(false);
    expect(loaded.issues.map((issue) => issue.key)).toEqual(['thresholds.warningPercent']);
  });

  it('drops a bad entry from a list but keeps the rest of the list', () => {
    const loaded = loadSettings({ roots: { claude: ['/a', 7, '/b'] } });
    expect(loaded.settings.roots.claude).toEqual(['/a', '/b']);
  });

  it('runs migrations in order from the file’s version and reports what it upgraded', () => {
    // A made-up version 0 that kept one flat threshold, to exercise the chain as a real upgrade would.
    const migrations: Record<number, Migration> = {
      0: ({ warnAt, ...rest }) => ({ ...rest, thresholds: { warningPercent: warnAt } }),
    };
    const loaded = loadSettings({ version: 0, warnAt: 65, launchAtLogin: true }, migrations);
    expect(loaded.migrated).toBe(true);
    expect(loaded.data).toEqual({ version: 1, thresholds: { warningPercent: 65 }, launchAtLogin: true });
    expect(loaded.settings.thresholds.warningPercent).toBe(65);
    expect(loaded.issues).toEqual([]);
  });

  it('reports a version it cannot upgrade from, and does not claim a migration', () => {
    const loaded = loadSettings({ version: 0, launchAtLogin: true }, {});
    expect(loaded.migrated).toBe(false);
    expect(loaded.settings.launchAtLogin).toBe(true);
    expect(loaded.issues[0]).toEqual({ key: 'version', message: 'could not upgrade from settings version 0 (Error: no migration step); values that do not fit use their defaults' });
  });

  it('reads a file from a newer Headroom for the fields it knows', () => {
    const loaded = loadSettings({ version: 2, launchAtLogin: true, brandNew: { x: 1 } });
    expect(loaded.settings.launchAtLogin).toBe(true);
    expect(loaded.settings.version).toBe(1);
    expect(loaded.issues).toEqual([{ key: 'version', message: 'written by a newer Headroom (settings version 2); fields this version does not know are ignored' }]);
  });
});

describe('applySetting', () => {
  it('changes one key and returns the validated whole with the group to write', () => {
    const change = applySetting(DEFAULT_SETTINGS, 'thresholds.warningPercent', 60);
    expect(change).toEqual({ ok: true, group: 'thresholds', settings: { ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, warningPercent: 60 } } });
  });

  it('keeps a model id with dots whole, as `headroom config` does', () => {
    const change = applySetting(DEFAULT_SETTINGS, 'modelWindows.gemini-1.5-pro', 2_000_000);
    expect(change.ok && change.settings.modelWindows).toEqual({ 'gemini-1.5-pro': 2_000_000 });
    expect(change.ok && change.group).toBe('modelWindows');
  });

  it.each([
    ['thresholds.warnPercent', 60, 'unknown setting "thresholds.warnPercent"'],
    ['nope', 1, 'unknown setting "nope"'],
    ['__proto__', {}, 'unknown setting "__proto__"'],
    ['modelWindows.__proto__', 5, 'unknown setting "modelWindows.__proto__"'],
    ['thresholds..warningPercent', 5, 'unknown setting "thresholds..warningPercent"'],
  ])('refuses the key %s', (key, value, message) => {
    expect(applySetting(DEFAULT_SETTINGS, key, value)).toEqual({ ok: false, issues: [{ key, message }] });
  });

  it('refuses a value that breaks the schema or a rule across fields, naming the key', () => {
    expect(applySetting(DEFAULT_SETTINGS, 'thresholds.warningPercent', 95)).toEqual({
      ok: false,
      issues: [{ key: 'thresholds.warningPercent', message: 'warningPercent must be below criticalPercent' }],
    });
    expect(applySetting(DEFAULT_SETTINGS, 'metrics.port', 70_000)).toMatchObject({ ok: false, issues: [{ key: 'metrics.port' }] });
  });
});
