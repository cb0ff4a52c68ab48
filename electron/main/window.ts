/**
 * The Headroom window: one at a time, created on demand and destroyed when closed (the tray keeps the
 * app alive, and a closed window costs no renderer process). Its security settings are written out in
 * full rather than left to defaults, and `windowOptions` is exported so a test pins them exactly.
 */
import { app, BrowserWindow, screen, session, type BrowserWindowConstructorOptions, type WebContents, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './renderer-protocol';
import { MIN_WINDOW_SIZE, restoreBounds, type Rect, type WindowBounds } from './window-bounds';

/** The renderer is untrusted content: isolated, sandboxed, no Node, no webviews, same-origin rules on. */
export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function windowOptions(preloadPath: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Headroom',
    show: false,
    autoHideMenuBar: true,
    webPreferences: webPreferences(preloadPath),
  };
}

/** The saved-bounds file, as `window.ts` needs it (see `window-state-store.ts`). */
export interface BoundsStore {
  load(): unknown;
  save(bounds: Rect): void;
}

export interface WindowDeps {
  preloadPath: string;
  bounds: BoundsStore;
  openExternal(url: string): void;
}

export interface MainWindow {
  /** Shows the window where it was, creating it on the overview if needed. */
  show(): void;
  /** Shows one session's detail (a notification or "Show details" was clicked). */
  showSession(sessionId: string): void;
  showSettings(): void;
  isOurs(webContentsId: number): boolean;
  /** Our windows' webContents, for pushes. */
  contents(): WebContents[];
  close(): void;
}

/**
 * The renderer's hash routes (renderer/app/use-route.ts `routeHash`; a test keeps the two equal).
 * Loading the same page with another fragment is a same-document navigation: the open view switches
 * without a reload, and a new window starts on the right view.
 */
export const ROUTES = {
  overview: '#/',
  settings: '#/settings',
  session: (sessionId: string) => `#/session/${encodeURIComponent(sessionId)}`,
} as const;

export function createMainWindow({ preloadPath, bounds, openExternal }: WindowDeps): MainWindow {
  let win: BrowserWindow | null = null;

  const create = (route: string): BrowserWindow => {
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    const created = new BrowserWindow(windowOptions(preloadPath, restoreBounds(bounds.load(), workAreas)));
    lockDown(created.webContents, openExternal);
    created.once('ready-to-show', () => bringToFront(created));
    created.on('close', () => bounds.save(created.getNormalBounds()));
    created.on('closed', () => {
      win = null;
    });
    load(created, route);
    return created;
  };

  /** `route` null keeps whatever view an open window shows. */
  const open = (route: string | null): void => {
    if (!win) {
      win = create(route ?? ROUTES.overview);
      return;
    }
    if (route !== null) load(win, route);
    if (win.isMinimized()) win.restore();
    bringToFront(win);
  };

  return {
    show: () => open(null),
    showSession: (sessionId) => open(ROUTES.session(sessionId)),
    showSettings: () => open(ROUTES.settings),
    isOurs: (webContentsId) => win !== null && !win.isDestroyed() && win.webContents.id === webContentsId,
    contents: () => (win && !win.isDestroyed() ? [win.webContents] : []),
    close: () => win?.close(),
  };
}

function load(win: BrowserWindow, route: string): void {
  win.loadURL(`${APP_ENTRY_URL}${route}`).catch((error: unknown) => {
    // Most likely the renderer was not built: the protocol answers 404 for a missing index.html.
    console.error(`headroom: the window could not load ${APP_ENTRY_URL} (${String(error)}); is dist/renderer built (npm run build)?`);
  });
}

function bringToFront(win: BrowserWindow): void {
  win.show();
  // A menu-bar app (LSUIElement) is never the active app on macOS, so its window would open behind
  // the one in front; it has to take focus explicitly.
  if (process.platform === 'darwin') app.focus({ steal: true });
  win.focus();
}

/** No new windows, no navigation away from the renderer, no webviews: links go to the one helper. */
function lockDown(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Nothing the page could ask for (camera, notifications, clipboard read...) is granted. */
export function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
