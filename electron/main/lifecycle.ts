/**
 * The app's life as a tray app: one instance, no window or dock icon needed to keep running, and a
 * shutdown that finishes its cleanup (watchers closed, writes flushed, locks released) before exit.
 */
import { app } from 'electron';

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

export function runAsTrayApp({ hideDockIcon }: { hideDockIcon: boolean }): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Packaged for macOS the app is an LSUIElement (no Dock icon from the first frame, no flash), so
  // showing the icon is the explicit step; in development `hide` does the same job.
  if (process.platform === 'darwin') {
    if (hideDockIcon) app.dock?.hide();
    else void app.dock?.show();
  }
  // Closing the window must not quit: the tray is the app. (Without a listener Electron would quit.)
  app.on('window-all-closed', () => undefined);
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
