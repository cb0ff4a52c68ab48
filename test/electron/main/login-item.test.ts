import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLaunchAtLogin, autostartEntry, autostartPath, launchCommand, quoteExecArgument } from '../../../electron/main/login-item';
import { tempDir } from '../../support/paths';

let home: ReturnType<typeof tempDir>;
beforeEach(() => {
  home = tempDir();
});
afterEach(() => home.cleanup());

describe('Exec quoting (Desktop Entry spec)', () => {
  it.each([
    ['/opt/Headroom/headroom', '/opt/Headroom/headroom'],
    ['/home/me/My Apps/Headroom.AppImage', '"/home/me/My Apps/Headroom.AppImage"'],
    ['/tmp/100%', '/tmp/100%%'],
    ['/tmp/$HOME', '"/tmp/\\\\$HOME"'],
    ['/tmp/a"b', '"/tmp/a\\\\"b"'],
    ['/tmp/back\\slash', '"/tmp/back\\\\\\\\slash"'],
    ['/tmp/`x`', '"/tmp/\\\\`x\\\\`"'],
  ])('%s → %s', (argument, quoted) => {
    expect(quoteExecArgument(argument)).toBe(quoted);
  });
});

describe('launch at login', () => {
  const deps = (platform: NodeJS.Platform, env: Record<string, string | undefined> = {}) => ({
    platform,
    command: ['/home/me/Apps/Headroom 0.1.0.AppImage'],
    env,
    home: home.path,
    setLoginItemSettings: vi.fn(),
  });

  it.each(['darwin', 'win32'] as const)('uses the OS login items on %s', async (platform) => {
    const on = deps(platform);
    await applyLaunchAtLogin(true, on);
    await applyLaunchAtLogin(false, on);
    expect(on.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false }]]);
    expect(existsSync(path.join(home.path, '.config', 'autostart'))).toBe(false);
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const linux = deps('linux');
    const file = path.join(home.path, '.config', 'autostart', 'headroom.desktop');
    await applyLaunchAtLogin(true, linux);
    expect(readFileSync(file, 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Headroom',
        'Comment=Context-window monitor for coding agents',
        'Exec="/home/me/Apps/Headroom 0.1.0.AppImage"',
        'Icon=headroom',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    await applyLaunchAtLogin(false, linux);
    expect(existsSync(file)).toBe(false);
    await expect(applyLaunchAtLogin(false, linux)).resolves.toBeUndefined();
    expect(linux.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('honours an absolute XDG_CONFIG_HOME and ignores a relative one, as the spec says', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/xdg' }, '/home/me')).toBe(path.join('/xdg', 'autostart', 'headroom.desktop'));
    expect(autostartPath({ XDG_CONFIG_HOME: 'relative' }, '/home/me')).toBe(path.join('/home/me', '.config', 'autostart', 'headroom.desktop'));
  });

  it('starts the AppImage file, the packaged executable, or Electron with the app folder', () => {
    expect(launchCommand({ isPackaged: true, execPath: '/tmp/.mount_Head/headroom', appPath: '/x', env: { APPIMAGE: '/home/me/Headroom.AppImage' } })).toEqual(['/home/me/Headroom.AppImage']);
    expect(launchCommand({ isPackaged: true, execPath: '/opt/Headroom/headroom', appPath: '/x', env: {} })).toEqual(['/opt/Headroom/headroom']);
    expect(launchCommand({ isPackaged: false, execPath: '/repo/node_modules/electron/dist/electron', appPath: '/repo', env: {} })).toEqual([
      '/repo/node_modules/electron/dist/electron',
      '/repo',
    ]);
    expect(autostartEntry(['/repo/electron', '/repo'])).toContain('Exec=/repo/electron /repo\n');
  });
});
