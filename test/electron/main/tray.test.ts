import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { createTray, menuTemplate, trayIconPath } from '../../../electron/main/tray';
import { trayModel, type TrayAction } from '../../../electron/main/tray-model';
import { Menu, resetElectronMock, Tray } from '../support/electron-mock';
import { appState, sessionView } from '../support/state';

vi.mock('electron', () => import('../support/electron-mock'));

const NOW = Date.parse('2026-03-02T10:31:00.000Z');
const ICONS = '/app/build/tray';

const model = (percent: number, level: 'ok' | 'warning' = 'ok') => trayModel(appState([sessionView({ id: 'a', level, context: { percent } })]), DEFAULT_SETTINGS, NOW);

beforeEach(resetElectronMock);

describe('trayIconPath', () => {
  it.each([
    ['darwin', 'critical', path.join(ICONS, 'criticalTemplate.png')],
    ['win32', 'warning', path.join(ICONS, 'warning.ico')],
    ['linux', 'compact-soon', path.join(ICONS, 'linux', 'compact-soon.png')],
  ] as const)('on %s, %s uses %s', (platform, level, file) => {
    expect(trayIconPath(ICONS, level, platform)).toBe(file);
  });
});

describe('createTray', () => {
  it('draws everything on the first render', () => {
    const view = createTray({ iconsDir: ICONS, platform: 'darwin', run: vi.fn() });
    const tray = Tray.instances[0]!;
    view.render(model(71.5, 'warning'));
    expect(tray.setImage).toHaveBeenCalledWith(path.join(ICONS, 'warningTemplate.png'));
    expect(tray.setToolTip).toHaveBeenCalledWith('1 session · highest 71% · api-server');
    expect(tray.setTitle).toHaveBeenCalledWith('71%');
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1);
  });

  it('touches nothing when the model did not change, and only what changed otherwise', () => {
    const view = createTray({ iconsDir: ICONS, platform: 'darwin', run: vi.fn() });
    const tray = Tray.instances[0]!;
    view.render(model(40));
    view.render(model(40));
    expect(tray.setContextMenu).toHaveBeenCalledTimes(1);
    expect(tray.setToolTip).toHaveBeenCalledTimes(1);
    expect(tray.setImage).toHaveBeenCalledTimes(1);

    // 40.2% reads 40% everywhere: an equal model, so still nothing is redrawn.
    view.render(model(40.2));
    expect(Menu.buildFromTemplate).toHaveBeenCalledTimes(1);

    view.render(model(41));
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(tray.setToolTip).toHaveBeenLastCalledWith('1 session · highest 41% · api-server');
    expect(tray.setImage).toHaveBeenCalledTimes(1);
  });

  it('sets the title on macOS only, and opens the window on a left click on Windows only', () => {
    const run = vi.fn();
    createTray({ iconsDir: ICONS, platform: 'linux', run }).render(model(50));
    createTray({ iconsDir: ICONS, platform: 'win32', run }).render(model(50));
    const [linux, windows] = Tray.instances;
    expect(linux!.setTitle).not.toHaveBeenCalled();
    expect(windows!.setTitle).not.toHaveBeenCalled();
    linux!.emit('click');
    expect(run).not.toHaveBeenCalled();
    windows!.emit('click');
    expect(run).toHaveBeenCalledWith({ kind: 'open-window' });
  });

  it('stops drawing once destroyed', () => {
    const view = createTray({ iconsDir: ICONS, platform: 'linux', run: vi.fn() });
    view.destroy();
    view.render(model(50));
    expect(Tray.instances[0]!.setContextMenu).not.toHaveBeenCalled();
  });
});

describe('menuTemplate', () => {
  it('maps notes to disabled items, submenus recursively, and clicks to the item action', () => {
    const run = vi.fn<(action: TrayAction) => void>();
    const template = menuTemplate(model(50).items, run);
    expect(template.map((item) => item.type === 'separator' ? '---' : item.label)).toEqual([
      'Claude Code · api-server · 50%',
      '---',
      'Open Headroom',
      'Pause notifications',
      'Settings…',
      '---',
      'Quit Headroom',
    ]);
    const session = template[0]!.submenu as Electron.MenuItemConstructorOptions[];
    expect(session.map((item) => [item.label, item.enabled])).toEqual([
      ['Checkpoint now', true],
      ['Copy resume command', true],
      ['Open project folder', true],
      ['Open transcript', true],
      ['Show details', true],
    ]);
    session[0]!.click?.({} as never, undefined, {} as never);
    expect(run).toHaveBeenCalledWith({ kind: 'checkpoint', sessionId: 'a' });
    expect(menuTemplate([{ type: 'note', label: 'No active sessions' }], run)).toEqual([{ label: 'No active sessions', enabled: false }]);
  });
});
