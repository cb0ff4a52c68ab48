/**
 * The settings that act on the operating system — launch at login, the macOS Dock icon — applied
 * once at start and then only when their value changes. Settings are re-read often (every state
 * push, every change another process makes), so without the diff each read would rewrite the
 * autostart entry or toggle the Dock.
 */
import type { Settings } from '../../shared/settings';

export interface OsSettingsDeps {
  setLaunchAtLogin(enabled: boolean): Promise<void>;
  setDockIconHidden(hidden: boolean): void;
  warn(message: string): void;
}

export function settingsEffects(deps: OsSettingsDeps): (settings: Settings) => void {
  let applied: Pick<Settings, 'launchAtLogin' | 'hideDockIcon'> | null = null;
  return ({ launchAtLogin, hideDockIcon }) => {
    if (applied?.launchAtLogin !== launchAtLogin) {
      deps.setLaunchAtLogin(launchAtLogin).catch((error: unknown) => deps.warn(`launch at login: ${String(error)}`));
    }
    if (applied?.hideDockIcon !== hideDockIcon) deps.setDockIconHidden(hideDockIcon);
    applied = { launchAtLogin, hideDockIcon };
  };
}
