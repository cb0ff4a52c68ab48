/**
 * Reading the settings without conf (`readSettingsFile`) and remembered between runs
 * (`readSettingsRemembered`): the same settings and the same issues as `SettingsStore.load()` for
 * every kind of file, and a memo that is used only for the exact text and build it was made for.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { readSettingsRemembered, settingsMemoPath } from '../../../electron/engine/settings/remembered';
import { SettingsStore } from '../../../electron/engine/settings/store';
import { readSettingsFile } from '../../../electron/engine/settings/validate';
import { foldersHolding, tempDir } from '../../support/paths';

const dir = tempDir('headroom-settings-read-');
afterAll(() => dir.cleanup());
/** A data dir holding `config.json` with this text (none when null). */
const dataDir = foldersHolding(dir.path, 'config.json');

const FILES: [string, string | null][] = [
  ['no file', null],
  ['an empty object', '{}'],
  ['a valid file', JSON.stringify({ idleAfterMinutes: 15, thresholds: { warningPercent: 60 }, roots: { claude: ['/x'] } })],
  ['tab-indented JSON (electron-store)', JSON.stringify({ launchAtLogin: true }, undefined, '\t')],
  ['invalid values', JSON.stringify({ thresholds: { warningPercent: 'high', criticalPercent: 95 }, metrics: { port: 70000 } })],
  ['conflicting values', JSON.stringify({ thresholds: { warningPercent: 80, criticalPercent: 60 } })],
  ['text that is not JSON', '{ "thresholds": '],
  ['an empty file', ''],
  ['an array', '[1, 2]'],
  ['a number', '42'],
  ['null', 'null'],
  ['unknown keys', JSON.stringify({ nope: 1, idleAfterMinutes: 5 })],
];

describe('readSettingsFile', () => {
  it.each(FILES)('gives what SettingsStore.load() gives for %s', (_name, text) => {
    const path = dataDir(text);
    expect(readSettingsFile(path)).toEqual(new SettingsStore(path).load());
  });

  it('reports a config.json it cannot read the way the store does', () => {
    const path = dataDir(null);
    mkdirSync(join(path, 'config.json')); // a folder: reading it fails with EISDIR
    const read = readSettingsFile(path);
    expect(read.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.issues).toEqual(new SettingsStore(path).load().issues);
    expect(read.issues[0]!.message).toMatch(/config\.json is not valid JSON \(EISDIR/);
  });
});

describe('readSettingsRemembered', () => {
  it.each(FILES)('gives what SettingsStore.load() gives for %s, on the first run and from the memo', async (_name, text) => {
    const path = dataDir(text);
    const expected = new SettingsStore(path).load();
    expect(await readSettingsRemembered(path)).toEqual(expected);
    expect(existsSync(settingsMemoPath(path))).toBe(true);
    expect(await readSettingsRemembered(path)).toEqual(expected);
  });

  it('answers from the memo while the text and the build are the same', async () => {
    const path = dataDir(JSON.stringify({ idleAfterMinutes: 15 }));
    await readSettingsRemembered(path);
    // Change what the memo says without changing the file: the answer comes from the memo.
    const memo = JSON.parse(readFileSync(settingsMemoPath(path), 'utf8'));
    memo.loaded.settings.idleAfterMinutes = 16;
    writeFileSync(settingsMemoPath(path), JSON.stringify(memo));
    expect((await readSettingsRemembered(path)).settings.idleAfterMinutes).toBe(16);
    // Another build's memo is not used.
    writeFileSync(settingsMemoPath(path), JSON.stringify({ ...memo, build: 'another build' }));
    expect((await readSettingsRemembered(path)).settings.idleAfterMinutes).toBe(15);
  });

  it('validates again when the file changes, and survives a damaged memo', async () => {
    const path = dataDir(JSON.stringify({ idleAfterMinutes: 15 }));
    expect((await readSettingsRemembered(path)).settings.idleAfterMinutes).toBe(15);
    writeFileSync(join(path, 'config.json'), JSON.stringify({ idleAfterMinutes: 20 }));
    expect((await readSettingsRemembered(path)).settings.idleAfterMinutes).toBe(20);
    writeFileSync(settingsMemoPath(path), '{ not json');
    expect((await readSettingsRemembered(path)).settings.idleAfterMinutes).toBe(20);
    writeFileSync(settingsMemoPath(path), JSON.stringify({ build: 1, text: null, loaded: null }));
    expect((await readSettingsRemembered(path)).settings.idleAfterMinutes).toBe(20);
  });

  it('reports an unreadable file each time, without remembering it', async () => {
    const path = dataDir('{}');
    chmodSync(join(path, 'config.json'), 0o000);
    const canRead = (() => {
      try {
        readFileSync(join(path, 'config.json'));
        return true;
      } catch {
        return false;
      }
    })();
    const read = await readSettingsRemembered(path);
    if (canRead) expect(read).toEqual({ settings: DEFAULT_SETTINGS, issues: [] }); // running as root
    else expect(read.issues[0]!.message).toMatch(/config\.json is not valid JSON \(EACCES/);
    expect(read).toEqual(new SettingsStore(path).load());
  });
});

