/**
 * Screenshots of the overview, a session's detail and the settings in light and dark, saved as test
 * artifacts under test-results/screenshots/. `UPDATE_SCREENSHOTS=1` also refreshes the overview
 * picture the README shows (test/e2e/__screenshots__/overview.png).
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDashboard } from './support/browser';
import type { ServeProcess } from './support/headroom-cli';
import { serveWorkspace } from './support/served-dashboard';
import { appendClaudeTurn, appendCodexTokenCount } from './support/transcripts';
import { REPO_ROOT, type Workspace } from './support/workspace';
import { findTranscript } from './support/find';

const OUT = join(REPO_ROOT, 'test-results', 'screenshots');
const README_SHOT = join(REPO_ROOT, 'test', 'e2e', '__screenshots__', 'overview.png');
const SPOTTER = '4d5611e5-241a-462a-8d15-5122611a9569';
// The page background of each theme (theme.css --bg), as the browser reports it.
const BACKGROUND = { light: 'rgb(246, 247, 249)', dark: 'rgb(17, 20, 24)' } as const;

let workspace: Workspace;
let serve: ServeProcess;
let browser: Browser;
let close = async () => {};

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  ({ workspace, serve, close } = await serveWorkspace());
  browser = await launchChromium();
  // Give the pictures something to show: one session past the warning line (150,005 of 200k = 75%)
  // and one past the critical line (Codex, 90.1%).
  await appendClaudeTurn(await findTranscript(workspace.claudeDir, '6f1039d8-684a-4732-870c-c177ae095f9e'), { prompt: 'refactor the parser', contextTokens: 150_005, at: new Date() });
  await appendCodexTokenCount(await findTranscript(workspace.codexDir, '01a1fddd-208c-7e92-bd2c-7bebf7c40be2'), { lastTurnTokens: 234_000, at: new Date() });
});

afterAll(async () => {
  await browser?.close();
  await close();
});

describe.each(['light', 'dark'] as const)('%s theme', (scheme) => {
  it('follows the OS and captures overview, detail and settings', async () => {
    const { context, page, errors } = await openDashboard(browser, serve.url, { colorScheme: scheme, width: 1440, height: 900 });
    try {
      await page.waitForSelector('tr.session-row[data-level="critical"]');
      await page.waitForSelector('tr.session-row[data-level="warning"]');
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(BACKGROUND[scheme]);
      const shots = {
        overview: join(OUT, `overview-${scheme}.png`),
        detail: join(OUT, `detail-${scheme}.png`),
        settings: join(OUT, `settings-${scheme}.png`),
      };
      await page.screenshot({ path: shots.overview, fullPage: true });

      await page.goto(`${serve.url}#/session/${SPOTTER}`);
      await page.waitForSelector('[data-testid="context-chart"] path.chart-line');
      await page.screenshot({ path: shots.detail, fullPage: true });

      await page.goto(`${serve.url}#/settings`);
      await page.waitForSelector('#setting-thresholds-warningPercent');
      await page.screenshot({ path: shots.settings, fullPage: true });

      for (const file of Object.values(shots)) expect((await stat(file)).size).toBeGreaterThan(20_000);
      if (scheme === 'light' && process.env.UPDATE_SCREENSHOTS === '1') {
        await mkdir(join(README_SHOT, '..'), { recursive: true });
        await copyFile(shots.overview, README_SHOT);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
