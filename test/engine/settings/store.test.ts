import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { SettingsStore } from '../../../electron/engine/settings/store';
import { keyPath, parseCliValue } from '../../../electron/engine/settings/keys';

const dataDir = () => mkdtempSync(join(tmpdir(), 'headroom-settings-'));
const onDisk = (dir: string) => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));

describe('SettingsStore', () => {
  it('gives the defaults without creating a file, and writes config.json on the first set', () => {
    const dir = dataDir();
    const store = new SettingsStore(dir);
    expect(store.load()).toEqual({ settings: DEFAULT_SETTINGS, issues: [] });
    expect(readdirSync(dir)).toEqual([]);
    const result = store.set('thresholds.warningPercent', 75);
    expect(result.ok).toBe(true);
    expect(onDisk(dir).thresholds).toEqual({ warningPercent: 75, criticalPercent: 90, compactSoonMarginTokens: 10_000 });
    expect(new SettingsStore(dir).get().thresholds.warningPercent).toBe(75);
    expect(readdirSync(dir)).toEqual(['config.json']); // written atomically: no temporary file left
  });

  it('refuses a bad value, names the key and keeps the previous value', () => {
    const dir = dataDir();
    const store = new SettingsStore(dir);
    store.set('checkpoint.cooldownMinutes', 45);
    const before = readFileSync(join(dir, 'config.json'), 'utf8');
    expect(store.set('checkpoint.cooldownMinutes', -5)).toEqual({
      ok: false,
      issues: [{ key: 'checkpoint.cooldownMinutes', message: 'Too small: expected number to be >=0' }],
    });
    expect(store.set('thresholds.warningPercent', 95)).toEqual({
      ok: false,
      issues: [{ key: 'thresholds.warningPercent', message: 'warningPercent must be below criticalPercent' }],
    });
    expect(store.set('thresholds.nope', 1)).toEqual({ ok: false, issues: [{ key: 'thresholds.nope', message: 'unknown setting "thresholds.nope"' }] });
    expect(store.set('nope', 1)).toEqual({ ok: false, issues: [{ key: 'nope', message: 'unknown setting "nope"' }] });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(before);
    expect(store.get().checkpoint.cooldownMinutes).toBe(45);
  });

  it('sets model windows and prices keyed by model ids that contain dots', () => {
    const store = new SettingsStore(dataDir());
    expect(store.set('modelWindows.gemini-1.5-pro', 2_000_000).ok).toBe(true);
    expect(store.set('prices.my-model-2.1', { input: 3, output: 15 }).ok).toBe(true);
    expect(store.get().modelWindows).toEqual({ 'gemini-1.5-pro': 2_000_000 });
    expect(store.get().prices).toEqual({ 'my-model-2.1': { input: 3, output: 15 } });
    expect(store.set('prices.x', { input: 'cheap' }).ok).toBe(false);
  });

  it('repairs a hand-edited file value by value, reporting each key', () => {
    const dir = dataDir();
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ thresholds: { warningPercent: 'high', criticalPercent: 95 }, idleAfterMinutes: 15, metrics: { port: 70000 } }),
    );
    const { settings, issues } = new SettingsStore(dir).load();
    expect(issues.map((i) => i.key).sort()).toEqual(['metrics.port', 'thresholds.warningPercent']);
    expect(settings.thresholds).toEqual({ warningPercent: 70, criticalPercent: 95, compactSoonMarginTokens: 10_000 });
    expect(settings.idleAfterMinutes).toBe(15);
    expect(settings.metrics.port).toBe(9464);
  });

  it('falls back to the section defaults when values conflict', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ thresholds: { warningPercent: 80, criticalPercent: 60 } }));
    expect(new SettingsStore(dir).get().thresholds).toEqual(DEFAULT_SETTINGS.thresholds);
  });

  it('reports a file that is not JSON, uses the defaults and refuses to overwrite it', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'config.json'), '{ "thresholds": ');
    const store = new SettingsStore(dir);
    const loaded = store.load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.issues[0]?.message).toMatch(/config\.json is not valid JSON/);
    expect(store.set('idleAfterMinutes', 10).ok).toBe(false);
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{ "thresholds": ');
  });

  it('reads a file written the way electron-store writes it (tab-indented JSON)', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ launchAtLogin: true, roots: { claude: ['/x'] } }, undefined, '\t'));
    const settings = new SettingsStore(dir).get();
    expect(settings.launchAtLogin).toBe(true);
    expect(settings.roots).toEqual({ claude: ['/x'], codex: [], gemini: [] });
  });
});

describe('keys', () => {
  it('parses command-line values as JSON when they are JSON', () => {
    expect(parseCliValue('75')).toBe(75);
    expect(parseCliValue('true')).toBe(true);
    expect(parseCliValue('null')).toBeNull();
    expect(parseCliValue('["/a","/b"]')).toEqual(['/a', '/b']);
    expect(parseCliValue('/home/me/.claude')).toBe('/home/me/.claude');
  });
  it('splits keys, keeping model ids whole', () => {
    expect(keyPath('thresholds.warningPercent')).toEqual(['thresholds', 'warningPercent']);
    expect(keyPath('modelWindows.claude-3.5-x')).toEqual(['modelWindows', 'claude-3.5-x']);
    expect(keyPath('thresholds..x')).toBeNull();
    expect(keyPath('unknown')).toBeNull();
  });
});
