/**
 * `headroom app`: starts the desktop tray app by running Electron on this package.
 *
 * Electron 45's npm package downloads its runtime on first use, and `require('electron')` does that
 * download as a side effect, printing a stack trace when it fails. So the runtime is found here
 * without requiring it: a missing display is reported before anything is downloaded, a missing
 * runtime is downloaded once with its installer (stderr kept to its first line), and every failure
 * ends in one message naming the headless ways to run Headroom, with a non-zero exit.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

/** Exit code when the desktop app cannot run here (EX_UNAVAILABLE). */
export const EXIT_UNAVAILABLE = 69;
/** The runtime is ~100 MB; a download that has not finished by then is treated as offline. */
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

export interface AppFlags {
  show?: boolean;
  dataDir?: string;
}

export interface AppDeps {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** node_modules/electron, or null when the package is not installed. */
  electronDir: string | null;
  /** The folder holding this package's package.json and dist/. */
  appRoot: string;
  stderr: (text: string) => void;
  downloadTimeoutMs?: number;
}

export function register(program: Command): void {
  program
    .command('app')
    .description('Start the desktop tray app (needs a display; see `serve` and `watch` otherwise)')
    .option('--show', 'open the window at start instead of waiting in the tray')
    .option('--data-dir <dir>', "Headroom's data folder (default: HEADROOM_DATA_DIR or the app's data folder)")
    .action(async (flags: AppFlags) => {
      process.exitCode = await runApp(flags, defaultDeps());
    });
}

export function defaultDeps(): AppDeps {
  return {
    env: process.env,
    platform: process.platform,
    electronDir: electronPackageDir(),
    appRoot: packageRoot(path.dirname(fileURLToPath(import.meta.url))),
    stderr: (text) => process.stderr.write(text),
  };
}

/** Starts Electron and resolves with the exit code to end with (Electron's own once it ran). */
export async function runApp(flags: AppFlags, deps: AppDeps): Promise<number> {
  const unavailable = (reason: string): number => {
    deps.stderr(unavailableMessage(reason));
    return EXIT_UNAVAILABLE;
  };
  if (!existsSync(path.join(deps.appRoot, 'dist', 'main', 'index.js'))) return unavailable('the desktop app is not built (run `npm run build`)');
  const noDisplay = displayProblem(deps.env, deps.platform);
  if (noDisplay) return unavailable(noDisplay);
  if (!deps.electronDir) return unavailable('the Electron runtime is not installed (`npm install` in the Headroom folder adds it)');

  let executable = locateElectron(deps.electronDir, deps.env, deps.platform);
  if (!executable) {
    deps.stderr('Downloading the Electron runtime (first start only)…\n');
    const failure = await downloadElectron(deps.electronDir, deps.downloadTimeoutMs ?? DOWNLOAD_TIMEOUT_MS);
    executable = locateElectron(deps.electronDir, deps.env, deps.platform);
    if (!executable) return unavailable(`the Electron runtime could not be downloaded (${failure ?? 'no executable after the download'})`);
  }
  return runElectron(executable, flags, deps);
}

export function unavailableMessage(reason: string): string {
  return [
    `headroom: the desktop app cannot start: ${reason}.`,
    'Headroom runs without a desktop too:',
    '  headroom serve   the dashboard in your browser, on 127.0.0.1',
    '  headroom watch   live sessions in this terminal',
    '',
  ].join('\n');
}

/** Linux and the BSDs need an X11 or Wayland display; macOS and Windows always have one for a logged-in user. */
export function displayProblem(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  if (platform === 'darwin' || platform === 'win32') return null;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? null : 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

const EXECUTABLES: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * The Electron executable, found the way node_modules/electron/index.js finds it (path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH) but without its download side effect; null when it is not there.
 */
export function locateElectron(electronDir: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? EXECUTABLES[platform] ?? 'electron')
    : relative && path.join(electronDir, 'dist', relative);
  return executable && existsSync(executable) ? executable : null;
}

/** Runs the electron package's own installer; resolves null on success, else why it failed (one line). */
export function downloadElectron(electronDir: string, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk;
    });
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(null);
      else if (signal) resolve(`gave up after ${Math.round(timeoutMs / 1000)} s without finishing — offline?`);
      else resolve(firstLine(stderr) ?? `installer exited with code ${code}`);
    });
  });
}

/** The message of an error printed with its stack: the first line that is not a stack frame. */
function firstLine(text: string): string | null {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('at ')) ?? null;
}

function runElectron(executable: string, flags: AppFlags, deps: AppDeps): Promise<number> {
  // The app folder, not dist/main/index.js: Electron then reads package.json ("main", productName),
  // so the app's name, data folder and resource paths are the same as when packaged.
  const args = [deps.appRoot, ...(flags.show ? ['--show'] : [])];
  const env: NodeJS.ProcessEnv = { ...deps.env, ...(flags.dataDir ? { HEADROOM_DATA_DIR: path.resolve(flags.dataDir) } : {}) };
  // Inherited from a parent that runs Electron as Node, it would start a Node REPL instead of the app.
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(executable, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, forward(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    let finished = false;
    const done = (code: number) => {
      if (finished) return; // a spawn failure reports 'error' and may report 'close' after it
      finished = true;
      for (const [signal, handler] of handlers) process.off(signal, handler);
      resolve(code);
    };
    child.on('error', (error) => {
      deps.stderr(unavailableMessage(`Electron could not be started (${error.message})`));
      done(EXIT_UNAVAILABLE);
    });
    child.on('close', (code, signal) => done(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
  });
}

function electronPackageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The nearest folder upwards with Headroom's package.json — dist/cli when built, electron/cli/commands in tests. */
export function packageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'headroom') return dir;
    if (path.dirname(dir) === dir) return start;
  }
}
