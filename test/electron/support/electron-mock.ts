/**
 * A small stand-in for the `electron` module, for main and preload units run in plain Node
 * (`vi.mock('electron', () => import('./support/electron-mock'))`). Each fake records what the code
 * under test asked of Electron; `satisfies` keeps the method names and signatures honest against the
 * real types. Call `resetElectronMock()` in `beforeEach`.
 */
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';
import { vi } from 'vitest';

/** `ipcMain.handle` registrations by channel, as the test drives them. */
export const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => unknown>();

export const ipcMain = {
  handle: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => unknown) => {
    if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    ipcHandlers.set(channel, listener);
  }),
  removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
} satisfies Pick<Electron.IpcMain, 'handle' | 'removeHandler'>;

class IpcRendererMock extends EventEmitter {
  invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
}
export const ipcRenderer = new IpcRendererMock();

export const exposed = new Map<string, unknown>();
export const contextBridge = {
  exposeInMainWorld: vi.fn((key: string, api: unknown) => void exposed.set(key, api)),
} satisfies Pick<Electron.ContextBridge, 'exposeInMainWorld'>;

export class Notification extends EventEmitter {
  static instances: Notification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return Notification.supported;
  }
  readonly show = vi.fn();
  constructor(readonly options: Electron.NotificationConstructorOptions) {
    super();
    Notification.instances.push(this);
  }
}

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  readonly setImage = vi.fn();
  readonly setToolTip = vi.fn();
  readonly setTitle = vi.fn();
  readonly setContextMenu = vi.fn();
  private destroyed = false;
  constructor(readonly image: string) {
    super();
    Tray.instances.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export const Menu = {
  buildFromTemplate: vi.fn((template: Electron.MenuItemConstructorOptions[]) => ({ template })),
};

let nextWebContentsId = 1;
export class WebContentsMock extends EventEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  loading = true;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isLoading(): boolean {
    return this.loading;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new WebContentsMock();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  private destroyed = false;
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    BrowserWindow.instances.push(this);
  }
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Electron.Rectangle {
    return { x: 10, y: 20, width: 900, height: 600 };
  }
  close(): void {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  }
}

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1050 } }]),
};

export const session = {
  defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn(),
} satisfies Pick<Electron.Shell, 'openExternal' | 'openPath' | 'showItemInFolder'>;

export const clipboard = { writeText: vi.fn() } satisfies Pick<Electron.Clipboard, 'writeText'>;

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

class AppMock extends EventEmitter {
  lockAvailable = true;
  readonly quit = vi.fn();
  readonly focus = vi.fn();
  readonly setAppUserModelId = vi.fn();
  readonly setLoginItemSettings = vi.fn();
  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }
}
export const app = new AppMock();

export function resetElectronMock(): void {
  vi.clearAllMocks();
  ipcHandlers.clear();
  exposed.clear();
  ipcRenderer.removeAllListeners();
  app.removeAllListeners();
  app.lockAvailable = true;
  Notification.instances = [];
  Notification.supported = true;
  Tray.instances = [];
  BrowserWindow.instances = [];
}

export default { ipcMain, ipcRenderer, contextBridge, Notification, Tray, Menu, BrowserWindow, screen, session, shell, clipboard, protocol, app };
