/**
 * The app's life as a tray app: one instance, no window or dock icon needed to keep running, and a
 * shutdown that finishes its cleanup (watchers closed, writes flushed, locks released) before exit.
 */
import { homedir } from 'node:os';
import { app } from 'electron';
import { applyLaunchAtLogin, launchCommand } from './login-item';

/** The app id Windows files notifications under; it must equal electron-builder's `appId`. */
export const APP_USER_MODEL_ID = 'dev.headroom.app';

/** A cleanup that hangs must not keep the app from quitting. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

/**
 * Takes the single-instance lock. A second launch (from the menu, from `headroom app`) calls
 * `onSecondLaunch` in this instance, which shows the window, and the second process exits.
 */
export function claimSingleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondLaunch);
  return true;
}

export function runAsTrayApp(): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Closing the window must not quit: the tray is the app. (Without a listener Electron would quit.)
  app.on('window-all-closed', () => undefined);
}

/**
 * macOS only. Packaged, the app is an LSUIElement (no Dock icon from the first frame, so none flashes
 * at start), which makes showing the icon the explicit step; in development `hide` does the job.
 */
export function setDockIconHidden(hidden: boolean): void {
  if (process.platform !== 'darwin') return;
  if (hidden) app.dock?.hide();
  else void app.dock?.show();
}

export function setLaunchAtLogin(enabled: boolean): Promise<void> {
  return applyLaunchAtLogin(enabled, {
    platform: process.platform,
    command: launchCommand({ isPackaged: app.isPackaged, execPath: process.execPath, appPath: app.getAppPath(), env: process.env }),
    env: process.env,
    home: homedir(),
    setLoginItemSettings: (login) => app.setLoginItemSettings(login),
  });
}

/**
 * Runs `cleanup` once before the app quits, however the quit started (menu, OS logout, Ctrl+C or
 * SIGTERM from `headroom app`), and quits when it is done or after `SHUTDOWN_TIMEOUT_MS`.
 */
export function onShutdown(cleanup: () => Promise<void>): void {
  let state: 'running' | 'cleaning' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref());
    Promise.race([cleanup(), timeout])
      .catch((error: unknown) => console.error(`headroom: shutdown: ${String(error)}`))
      .finally(() => {
        state = 'done';
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}
