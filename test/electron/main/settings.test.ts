/**
 * The settings store on a real temp folder, with the real electron-store. Outside Electron the
 * `electron` package would try to download its runtime when electron-store imports it, so
 * ELECTRON_OVERRIDE_DIST_PATH points it at an (absent) runtime — electron-store then runs exactly
 * as it does with an explicit `cwd`, which is how the app opens it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { SettingsStore as CliSettingsStore } from '../../../electron/engine/settings/store';
import type { openSettingsStore as OpenSettingsStore } from '../../../electron/main/settings';
import { tempDir } from '../../support/paths';

let openSettingsStore: typeof OpenSettingsStore;
let dir: ReturnType<typeof tempDir>;
const configFile = () => path.join(dir.path, 'config.json');
const onDisk = () => JSON.parse(readFileSync(configFile(), 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', path.join(path.sep, 'nonexistent', 'headroom-test-electron'));
  ({ openSettingsStore } = await import('../../../electron/main/settings'));
});
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('openSettingsStore', () => {
  it('opens <dataDir>/config.json and reads defaults from a missing file', () => {
    const store = openSettingsStore({ dataDir: dir.path, watch: false });
    expect(store.path).toBe(configFile());
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.issues()).toEqual([]);
  });

  it('round-trips a change through the file, writing only the changed group', () => {
    const store = openSettingsStore({ dataDir: dir.path, watch: false });
    const result = store.set('thresholds.criticalPercent', 85);
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, criticalPercent: 85 } } });
    expect(onDisk()).toEqual({ thresholds: { warningPercent: 70, criticalPercent: 85, compactSoonMarginTokens: 10_000 } });
    expect(openSettingsStore({ dataDir: dir.path, watch: false }).get().thresholds.criticalPercent).toBe(85);
  });

  it('refuses a bad value and leaves the file as it was', () => {
    const store = openSettingsStore({ dataDir: dir.path, watch: false });
    store.set('launchAtLogin', true);
    const before = readFileSync(configFile(), 'utf8');
    expect(store.set('launchAtLogin', 'yes')).toEqual({ ok: false, issues: [{ key: 'launchAtLogin', message: 'Invalid input: expected boolean, received string' }] });
    expect(store.set('thresholds.warnPercent', 1)).toEqual({ ok: false, issues: [{ key: 'thresholds.warnPercent', message: 'unknown setting "thresholds.warnPercent"' }] });
    expect(readFileSync(configFile(), 'utf8')).toBe(before);
  });

  it('runs on defaults over a file that is not JSON, reports it, and never overwrites it', () => {
    writeFileSync(configFile(), '{ "launchAtLogin": true, oops');
    const store = openSettingsStore({ dataDir: dir.path, watch: false });
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.issues()[0]?.message).toMatch(/^the file is not valid JSON \(.+\); using defaults until it is fixed$/);
    const refused = store.set('launchAtLogin', false);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.issues[0]?.message).toBe(`${configFile()}: ${store.issues()[0]?.message.replace('; using defaults until it is fixed', '')}. Fix or delete it, then try again.`);
    expect(readFileSync(configFile(), 'utf8')).toBe('{ "launchAtLogin": true, oops');

    // Once the user repairs the file, the same store reads it again.
    writeFileSync(configFile(), '{ "launchAtLogin": true }');
    expect(store.get().launchAtLogin).toBe(true);
    expect(store.issues()).toEqual([]);
  });

  it('writes back a migrated file once', () => {
    writeFileSync(configFile(), JSON.stringify({ version: 0, warnAt: 65 }));
    const store = openSettingsStore({ dataDir: dir.path, watch: false, migrations: { 0: ({ warnAt, ...rest }) => ({ ...rest, thresholds: { warningPercent: warnAt } }) } });
    expect(store.get().thresholds.warningPercent).toBe(65);
    expect(onDisk()).toEqual({ version: 1, thresholds: { warningPercent: 65 } });
  });

  it('tells listeners about its own changes', () => {
    const store = openSettingsStore({ dataDir: dir.path, watch: false });
    const listener = vi.fn();
    const stop = store.onChange(listener);
    store.set('hideDockIcon', false);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0]).toMatchObject({ hideDockIcon: false });
    stop();
    store.set('hideDockIcon', true);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('one file for the app and `headroom config`', () => {
  it('the CLI’s conf store reads what the app wrote, and the app reads what the CLI wrote', () => {
    const app = openSettingsStore({ dataDir: dir.path, watch: false });
    const cli = new CliSettingsStore(dir.path);
    expect(cli.path).toBe(app.path);

    app.set('modelWindows.gemini-1.5-pro', 2_000_000);
    expect(cli.get().modelWindows).toEqual({ 'gemini-1.5-pro': 2_000_000 });

    expect(cli.set('thresholds.warningPercent', 55).ok).toBe(true);
    expect(app.get().thresholds.warningPercent).toBe(55);
    expect(app.get().modelWindows).toEqual({ 'gemini-1.5-pro': 2_000_000 });
  });
});
