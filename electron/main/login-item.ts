/**
 * "Launch at login". macOS and Windows have an OS login-item list that `app.setLoginItemSettings`
 * manages; Linux has none in Electron (the API is darwin/win32 only), so there the freedesktop
 * autostart spec is used: a `.desktop` entry in `$XDG_CONFIG_HOME/autostart`, removed when turned off.
 * The app starts as a tray icon with no window either way, so no "start hidden" flag is needed.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const AUTOSTART_FILE = 'headroom.desktop';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  /** The command that starts this app: the packaged executable, or Electron plus the app folder in development. */
  command: string[];
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

export async function applyLaunchAtLogin(enabled: boolean, deps: LoginItemDeps): Promise<void> {
  if (deps.platform !== 'linux') {
    deps.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  const file = autostartPath(deps.env, deps.home);
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  // Write beside it and rename, so a session manager reading at login never sees half an entry.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, autostartEntry(deps.command), 'utf8');
  await rename(temporary, file);
}

/** `$XDG_CONFIG_HOME/autostart/headroom.desktop`, with the spec's `~/.config` default. */
export function autostartPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(configHome, 'autostart', AUTOSTART_FILE);
}

export function autostartEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Headroom',
    'Comment=Context-window monitor for coding agents',
    `Exec=${command.map(quoteExecArgument).join(' ')}`,
    'Icon=headroom',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Quotes one `Exec` argument by the Desktop Entry spec: arguments with reserved characters go in
 * double quotes, inside which `"`, `` ` ``, `$` and `\` are backslash-escaped; `%` is doubled
 * everywhere because it introduces field codes. Then the whole value is escaped as a string value, which
 * doubles every backslash again.
 */
export function quoteExecArgument(argument: string): string {
  const percent = argument.replaceAll('%', '%%');
  const quoted = /^[A-Za-z0-9_@%+=:,./-]+$/.test(percent) ? percent : `"${percent.replace(/["`$\\]/g, '\\$&')}"`;
  return quoted.replaceAll('\\', '\\\\');
}

/**
 * How to start this very app at login: the AppImage file itself when running from one (the
 * executable inside is on a temporary mount that changes every run), the packaged executable
 * otherwise, and Electron plus the app folder in development.
 */
export function launchCommand(app: { isPackaged: boolean; execPath: string; appPath: string; env: Readonly<Record<string, string | undefined>> }): string[] {
  if (app.env.APPIMAGE) return [app.env.APPIMAGE];
  return app.isPackaged ? [app.execPath] : [app.execPath, app.appPath];
}
