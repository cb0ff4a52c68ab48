import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import { settingsEffects } from '../../../electron/main/settings-effects';

const with_ = (changes: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...changes });

describe('settingsEffects', () => {
  it('applies both at start, then only what changed', () => {
    const deps = { setLaunchAtLogin: vi.fn(async () => undefined), setDockIconHidden: vi.fn(), warn: vi.fn() };
    const apply = settingsEffects(deps);
    apply(DEFAULT_SETTINGS);
    apply(DEFAULT_SETTINGS);
    apply(with_({ launchAtLogin: true }));
    apply(with_({ launchAtLogin: true, hideDockIcon: false }));
    apply(with_({ launchAtLogin: true, hideDockIcon: false, thresholds: { ...DEFAULT_SETTINGS.thresholds, warningPercent: 50 } }));
    expect(deps.setLaunchAtLogin.mock.calls).toEqual([[false], [true]]);
    expect(deps.setDockIconHidden.mock.calls).toEqual([[true], [false]]);
  });

  it('reports a login item it could not write instead of failing', async () => {
    const deps = { setLaunchAtLogin: vi.fn(async () => Promise.reject(new Error('EACCES: ~/.config/autostart'))), setDockIconHidden: vi.fn(), warn: vi.fn() };
    settingsEffects(deps)(with_({ launchAtLogin: true }));
    await vi.waitFor(() => expect(deps.warn).toHaveBeenCalledWith('launch at login: Error: EACCES: ~/.config/autostart'));
  });
});
