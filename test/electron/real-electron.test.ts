/**
 * The one test against a real Electron: launches the app with Playwright's `_electron`, opens the
 * window and talks to it through the preload. It needs the Electron runtime (downloaded on first
 * `headroom app`) and a display; where either is missing it is reported as skipped with the reason.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState, HeadroomApi } from '../../shared/api';
import { displayProblem, locateElectron } from '../../electron/cli/commands/app';
import { tempDir } from '../support/paths';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const runtime = locateElectron(electronDir, process.env, process.platform);
const skipReason = !runtime
  ? 'no Electron runtime in node_modules/electron/dist (it is downloaded on first start; this machine is offline)'
  : displayProblem(process.env, process.platform);

declare global {
  interface Window {
    headroom?: HeadroomApi;
  }
}

let home: ReturnType<typeof tempDir> | null = null;
beforeAll(() => {
  home = tempDir('headroom-electron-');
  mkdirSync(path.join(home.path, 'data'));
});
afterAll(() => home?.cleanup());

describe('the desktop app in a real Electron', () => {
  it('opens a locked-down window whose only bridge is window.headroom', async (context) => {
    if (skipReason || !runtime || !home) return context.skip(skipReason ?? undefined);
    // A fresh HOME: no real agent transcripts are read, and the single-instance lock is our own.
    const app = await electron.launch({
      executablePath: runtime,
      args: [ROOT, '--show'],
      env: { ...process.env, HOME: home.path, HEADROOM_DATA_DIR: path.join(home.path, 'data') },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toMatch(/^app:\/\/headroom\/index\.html#\//);

      const bridge = await page.evaluate(() => ({
        api: Object.keys(window.headroom ?? {}).sort(),
        node: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(bridge).toEqual({ api: ['invoke', 'subscribe'], node: 'undefined', process: 'undefined' });

      const state = await page.evaluate(() => window.headroom!.invoke('state:get', undefined));
      expect((state as AppState).sessions).toEqual([]);
      const refused = await page.evaluate(() => (window.headroom!.invoke as (c: string, r: unknown) => Promise<unknown>)('nope', undefined).catch((error: Error) => error.message));
      expect(refused).toBe('unknown channel nope');
      const csp = await page.evaluate(() => fetch('app://headroom/index.html').then((response) => response.headers.get('content-security-policy')));
      expect(csp).toContain("default-src 'self'");
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    } finally {
      await app.close();
    }
  }, 120_000);
});
