/**
 * A machine with no transcripts yet: instead of an empty table, the dashboard says where it looked
 * and how to point it elsewhere.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDashboard } from './support/browser';
import type { ServeProcess } from './support/headroom-cli';
import { serveWorkspace } from './support/served-dashboard';
import type { Workspace } from './support/workspace';

let workspace: Workspace;
let serve: ServeProcess;
let browser: Browser;
let close = async () => {};

beforeAll(async () => {
  ({ workspace, serve, close } = await serveWorkspace({ empty: true }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await close();
});

describe('with no sessions', () => {
  it('names the folders it reads and how to change them', async () => {
    const { context, page, errors } = await openDashboard(browser, serve.url);
    try {
      const empty = await page.waitForSelector('[data-testid="empty-state"]');
      const text = (await empty.textContent()) ?? '';
      for (const folder of [workspace.claudeDir, workspace.codexDir, workspace.geminiDir]) expect(text).toContain(folder);
      expect(text).toContain('Settings → Source folders');
      expect(text).toContain('headroom serve --claude-dir DIR');
      expect(await page.$$('tr.session-row')).toHaveLength(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
