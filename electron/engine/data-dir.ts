/**
 * Where Headroom keeps its own files (settings, annotations, checkpoints, caches).
 *
 * The CLI and the desktop app must agree on this folder without the CLI loading Electron, so the
 * default is worked out the way Electron computes `app.getPath('userData')` for an app named
 * "Headroom": `appData` (XDG config home / Application Support / %APPDATA%) joined with the name.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Headroom';
export const DATA_DIR_ENV = 'HEADROOM_DATA_DIR';

export interface DataDirOptions {
  /** `--data-dir`; wins over everything. */
  explicit?: string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
  platform?: NodeJS.Platform;
  home?: string;
}

/** Resolves the data dir: explicit option > `HEADROOM_DATA_DIR` > Electron's userData for "Headroom". */
export function resolveDataDir(options: DataDirOptions = {}): string {
  const env = options.env ?? process.env;
  if (options.explicit) return resolve(options.explicit);
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv) return resolve(fromEnv);
  return defaultDataDir(options.platform ?? process.platform, env, options.home ?? homedir());
}

/** Electron's `appData` + app name, per platform (see Electron's `app.getPath` docs). */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  // Chromium's GetXDGDirectory: a non-empty XDG_CONFIG_HOME is taken as is, else ~/.config.
  const xdg = env.XDG_CONFIG_HOME;
  return join(xdg ? xdg : join(home, '.config'), APP_NAME);
}
