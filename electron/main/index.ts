/**
 * The Electron main process: a composition root that wires parts which take their dependencies as
 * arguments. Behaviour lives in those parts; the order here is the only logic.
 */
import { app, dialog } from 'electron';
import { resolveDataDir } from '../engine/data-dir';
import { createHeadroomService } from '../engine/service';
import { appPaths } from './app-paths';
import { createDesktopActions } from './desktop-actions';
import { openExternalSafely } from './external-links';
import { registerIpc, trustedSender } from './ipc';
import { claimSingleInstance, onShutdown, runAsTrayApp, setDockIconHidden, setLaunchAtLogin } from './lifecycle';
import { createNotifier } from './notifier';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { openSettingsStore } from './settings';
import { settingsEffects } from './settings-effects';
import { createTray } from './tray';
import { trayActions } from './tray-actions';
import { syncTray } from './tray-sync';
import { createMainWindow, denyPermissions, type MainWindow } from './window';
import { openBoundsStore } from './window-state-store';

const warn = (message: string) => console.warn(`headroom: ${message}`);
let mainWindow: MainWindow | null = null;

registerAppScheme();
if (claimSingleInstance(() => mainWindow?.show())) {
  app.whenReady().then(start).catch(fail);
} else {
  app.quit();
}

async function start(): Promise<void> {
  const paths = appPaths(app.getAppPath());
  const dataDir = resolveDataDir();
  // The engine host owns reading and writing settings; the shell only follows them (tray, OS effects).
  const settings = openSettingsStore({ dataDir });
  for (const issue of settings.issues()) warn(`${settings.path}: ${issue.key || 'file'}: ${issue.message}`);

  runAsTrayApp();
  serveRenderer(paths.renderer);
  denyPermissions();
  const window = (mainWindow = createMainWindow({ preloadPath: paths.preload, bounds: openBoundsStore(dataDir), openExternal: openExternalSafely }));
  const notifier = createNotifier({ open: (id) => (id ? window.showSession(id) : window.show()), iconPath: paths.appIcon });
  const service = await createHeadroomService({ dataDir, desktop: createDesktopActions(), alerts: notifier });
  const stopIpc = registerIpc({ host: service, isTrusted: trustedSender(window.isOurs), targets: window.contents });

  const run = trayActions({ handlers: service.handlers, window, quit: () => app.quit(), report: notifier.tell });
  const tray = createTray({ iconsDir: paths.trayIcons, platform: process.platform, run });
  const stopTray = syncTray({ tray, host: service, getState: service.getState, getSettings: settings.get, onSettingsChange: settings.onChange, now: Date.now });

  const applyOsSettings = settingsEffects({ setLaunchAtLogin, setDockIconHidden, warn });
  applyOsSettings(settings.get());
  const stopSettingsFollow = [
    settings.onChange(applyOsSettings),
    // A change made in the window goes through the host, which pushes new state right after.
    service.onPush((channel) => channel === 'state:changed' && applyOsSettings(settings.get())),
  ];
  if (process.argv.includes('--show')) window.show();

  onShutdown(async () => {
    for (const stop of [...stopSettingsFollow, stopTray, stopIpc]) stop();
    tray.destroy();
    window.close();
    await service.close();
    settings.close();
  });
}

/** A start-up failure is shown to the user, who may have launched from a menu with no terminal. */
function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`headroom: could not start: ${message}`);
  dialog.showErrorBox('Headroom could not start', message);
  app.exit(1);
}
