/**
 * Where the app's own files are, relative to the app folder (`app.getAppPath()`: the project folder
 * in development, `resources/app.asar` when packaged — Electron reads inside the archive for us).
 * The layout is what electron/build.mjs and vite write, and what package.json `build.files` packs.
 */
import path from 'node:path';

export interface AppPaths {
  preload: string;
  renderer: string;
  trayIcons: string;
  /** Shown in notifications on Linux and Windows. */
  appIcon: string;
}

export function appPaths(appDir: string): AppPaths {
  return {
    preload: path.join(appDir, 'dist', 'preload', 'index.cjs'),
    renderer: path.join(appDir, 'dist', 'renderer'),
    trayIcons: path.join(appDir, 'build', 'tray'),
    appIcon: path.join(appDir, 'build', 'icons', '256x256.png'),
  };
}
