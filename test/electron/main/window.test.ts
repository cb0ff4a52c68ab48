import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routeHash } from '../../../renderer/app/use-route';
import { createMainWindow, denyPermissions, ROUTES, webPreferences, windowOptions } from '../../../electron/main/window';
import { BrowserWindow, resetElectronMock, screen, session } from '../support/electron-mock';

vi.mock('electron', () => import('../support/electron-mock'));

const PRELOAD = '/app/dist/preload/index.cjs';

beforeEach(resetElectronMock);

describe('window options', () => {
  it('writes out every security setting of the renderer', () => {
    expect(webPreferences(PRELOAD)).toStrictEqual({
      preload: PRELOAD,
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
    });
  });

  it('opens hidden (shown when ready), at the restored bounds, with those preferences', () => {
    expect(windowOptions(PRELOAD, { x: 5, y: 6, width: 800, height: 500 })).toStrictEqual({
      x: 5,
      y: 6,
      width: 800,
      height: 500,
      minWidth: 640,
      minHeight: 420,
      title: 'Headroom',
      show: false,
      autoHideMenuBar: true,
      webPreferences: webPreferences(PRELOAD),
    });
  });
});

describe('routes', () => {
  it.each(['abc', 'rollout-2026-03-02T10:00:00-abc', 'id with spaces/and#hash?x=1'])('the session route for %j is the renderer’s own', (sessionId) => {
    expect(ROUTES.session(sessionId)).toBe(routeHash({ view: 'session', sessionId }));
  });
  it('the overview and settings routes are the renderer’s own', () => {
    expect(ROUTES.overview).toBe(routeHash({ view: 'overview' }));
    expect(ROUTES.settings).toBe(routeHash({ view: 'settings' }));
  });
});

describe('createMainWindow', () => {
  const setup = (saved: unknown = undefined) => {
    const bounds = { load: vi.fn(() => saved), save: vi.fn() };
    const openExternal = vi.fn();
    const window = createMainWindow({ preloadPath: PRELOAD, bounds, openExternal });
    return { window, bounds, openExternal };
  };

  it('creates one window lazily, on the requested view, at the saved bounds', () => {
    const { window } = setup({ x: 100, y: 80, width: 1000, height: 700 });
    expect(BrowserWindow.instances).toHaveLength(0);
    window.showSession('abc');
    window.show();
    expect(BrowserWindow.instances).toHaveLength(1);
    const [win] = BrowserWindow.instances;
    expect(win!.options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700, show: false });
    expect(win!.loadURL.mock.calls[0]).toEqual(['app://headroom/index.html#/session/abc']);
    // An open window switches view by loading the new route; `show()` keeps the current one.
    window.showSettings();
    expect(win!.loadURL.mock.calls.map(([url]) => url)).toEqual(['app://headroom/index.html#/session/abc', 'app://headroom/index.html#/settings']);
    expect(screen.getAllDisplays).toHaveBeenCalled();
  });

  it('knows its own webContents, and forgets them once closed, saving the bounds', () => {
    const { window, bounds } = setup();
    window.show();
    const [win] = BrowserWindow.instances;
    expect(window.isOurs(win!.webContents.id)).toBe(true);
    expect(window.isOurs(win!.webContents.id + 1000)).toBe(false);
    expect(window.contents()).toEqual([win!.webContents]);
    window.close();
    expect(bounds.save).toHaveBeenCalledWith({ x: 10, y: 20, width: 900, height: 600 });
    expect(window.isOurs(win!.webContents.id)).toBe(false);
    expect(window.contents()).toEqual([]);
    window.show();
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('denies new windows and navigation, sending the URL to the external-link helper', () => {
    const { window, openExternal } = setup();
    window.show();
    const contents = BrowserWindow.instances[0]!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://docs.example/x' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenLastCalledWith('https://docs.example/x');

    const navigation = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation, 'https://evil.example/');
    expect(navigation.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenLastCalledWith('https://evil.example/');

    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('grants the page no permission at all', () => {
    denyPermissions();
    const [[onRequest]] = session.defaultSession.setPermissionRequestHandler.mock.calls as [[(c: unknown, p: string, cb: (ok: boolean) => void) => void]];
    const callback = vi.fn();
    onRequest({}, 'notifications', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const [[onCheck]] = session.defaultSession.setPermissionCheckHandler.mock.calls as [[() => boolean]];
    expect(onCheck()).toBe(false);
  });
});
