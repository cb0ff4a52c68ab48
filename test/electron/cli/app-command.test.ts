/**
 * `headroom app` against a fake `electron` package in a temp folder: its "binary" is a Node script
 * that records the arguments and environment it was started with, and its installer either fails
 * the way an offline download does (a stack trace on stderr) or "downloads" by writing the binary.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayProblem, EXIT_UNAVAILABLE, locateElectron, packageRoot, runApp, type AppDeps } from '../../../electron/cli/commands/app';
import { tempDir } from '../../support/paths';

const FAKE_BINARY = `#!/usr/bin/env node
require('node:fs').writeFileSync(process.env.FAKE_RECORD, JSON.stringify({ argv: process.argv.slice(2), dataDir: process.env.HEADROOM_DATA_DIR ?? null, runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));
process.exit(Number(process.env.FAKE_EXIT ?? 0));
`;
const OFFLINE_INSTALLER = `console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async FetchDownloader.download (file:///x.js:46:30)');
process.exit(1);
`;
const WORKING_INSTALLER = `const fs = require('node:fs'), path = require('node:path');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(FAKE_BINARY)}, { mode: 0o755 });
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`;

let dir: ReturnType<typeof tempDir>;
let electronDir: string;
let appRoot: string;
let record: string;
let stderr: string;

function deps(env: NodeJS.ProcessEnv = {}): AppDeps {
  return {
    env: { PATH: process.env.PATH, DISPLAY: ':0', FAKE_RECORD: record, ...env },
    platform: 'linux',
    electronDir,
    appRoot,
    stderr: (text) => (stderr += text),
  };
}

function installBinary(): void {
  mkdirSync(path.join(electronDir, 'dist'), { recursive: true });
  writeFileSync(path.join(electronDir, 'dist', 'electron'), FAKE_BINARY, { mode: 0o755 });
  writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
}

beforeEach(() => {
  dir = tempDir();
  electronDir = path.join(dir.path, 'node_modules', 'electron');
  appRoot = path.join(dir.path, 'app');
  record = path.join(dir.path, 'record.json');
  mkdirSync(electronDir, { recursive: true });
  mkdirSync(path.join(appRoot, 'dist', 'main'), { recursive: true });
  writeFileSync(path.join(appRoot, 'dist', 'main', 'index.js'), '');
  writeFileSync(path.join(electronDir, 'install.js'), OFFLINE_INSTALLER);
  stderr = '';
});
afterEach(() => dir.cleanup());

const started = () => JSON.parse(readFileSync(record, 'utf8')) as { argv: string[]; dataDir: string | null; runAsNode: string | null };

describe('headroom app', () => {
  it('starts Electron on the app folder with an argument array and ends with its exit code', async () => {
    installBinary();
    const code = await runApp({ show: true, dataDir: 'relative data' }, deps({ FAKE_EXIT: '3', ELECTRON_RUN_AS_NODE: '1' }));
    expect(code).toBe(3);
    expect(started()).toEqual({ argv: [appRoot, '--show'], dataDir: path.resolve('relative data'), runAsNode: null });
    expect(stderr).toBe('');
  });

  it('refuses without a display before downloading anything, naming the headless commands', async () => {
    const code = await runApp({}, deps({ DISPLAY: undefined }));
    expect(code).toBe(EXIT_UNAVAILABLE);
    expect(stderr).toBe(
      [
        'headroom: the desktop app cannot start: there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set).',
        'Headroom runs without a desktop too:',
        '  headroom serve   the dashboard in your browser, on 127.0.0.1',
        '  headroom watch   live sessions in this terminal',
        '',
      ].join('\n'),
    );
    expect(existsSync(record)).toBe(false);
  });

  it('reports a failed download in one line, without the installer’s stack trace', async () => {
    const code = await runApp({}, deps());
    expect(code).toBe(EXIT_UNAVAILABLE);
    expect(stderr).toContain('Downloading the Electron runtime (first start only)…\n');
    expect(stderr).toContain('headroom: the desktop app cannot start: the Electron runtime could not be downloaded (TypeError: fetch failed).\n');
    expect(stderr).toContain('headroom serve');
    expect(stderr).toContain('headroom watch');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('gives up on a download that hangs, as offline', async () => {
    writeFileSync(path.join(electronDir, 'install.js'), 'setInterval(() => {}, 1000);');
    const code = await runApp({}, { ...deps(), downloadTimeoutMs: 300 });
    expect(code).toBe(EXIT_UNAVAILABLE);
    expect(stderr).toContain('the Electron runtime could not be downloaded (gave up after 0 s without finishing — offline?)');
  });

  it('downloads the runtime once when it is missing, then starts it', async () => {
    writeFileSync(path.join(electronDir, 'install.js'), WORKING_INSTALLER);
    const code = await runApp({}, deps());
    expect(code).toBe(0);
    expect(started().argv).toEqual([appRoot]);
  });

  it('says so when the app is not built or Electron is not installed at all', async () => {
    expect(await runApp({}, { ...deps(), appRoot: dir.path })).toBe(EXIT_UNAVAILABLE);
    expect(stderr).toContain('the desktop app is not built (run `npm run build`)');
    stderr = '';
    expect(await runApp({}, { ...deps(), electronDir: null })).toBe(EXIT_UNAVAILABLE);
    expect(stderr).toContain('the Electron runtime is not installed');
  });

  it('reports a runtime that cannot be executed', async () => {
    installBinary();
    chmodSync(path.join(electronDir, 'dist', 'electron'), 0o644);
    expect(await runApp({}, deps())).toBe(EXIT_UNAVAILABLE);
    expect(stderr).toMatch(/^headroom: the desktop app cannot start: Electron could not be started \(spawn .+ EACCES\)\./);
  });
});

describe('runtime lookup', () => {
  const NO_DISPLAY = 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)';
  it.each([
    ['linux', {}, NO_DISPLAY],
    ['linux', { DISPLAY: ':0' }, null],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, null],
    ['freebsd', {}, NO_DISPLAY],
    ['darwin', {}, null],
    ['win32', {}, null],
  ] as const)('display on %s with %j', (platform, env, problem) => {
    expect(displayProblem(env, platform)).toBe(problem);
  });

  it('finds the binary through path.txt or ELECTRON_OVERRIDE_DIST_PATH, never by downloading', () => {
    expect(locateElectron(electronDir, {}, 'linux')).toBeNull();
    installBinary();
    expect(locateElectron(electronDir, {}, 'linux')).toBe(path.join(electronDir, 'dist', 'electron'));
    const override = path.join(dir.path, 'custom');
    expect(locateElectron(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toBeNull();
    mkdirSync(override);
    writeFileSync(path.join(override, 'electron'), '');
    expect(locateElectron(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: override }, 'linux')).toBe(path.join(override, 'electron'));
  });

  it('finds the package root from the source tree as from dist/cli', () => {
    const root = packageRoot(path.join(process.cwd(), 'electron', 'cli', 'commands'));
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).name).toBe('headroom');
    expect(packageRoot(path.join(root, 'dist', 'cli'))).toBe(root);
  });
});
