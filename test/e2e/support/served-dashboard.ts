/**
 * The usual end-to-end setup: the fixture transcripts in a temp workspace, `headroom serve` on them,
 * Chromium with the dashboard open and its table showing `readySelector`; `close()` undoes it all.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openDashboard, type DashboardPage } from './browser';
import { assertBuilt, startServe, type ServeProcess } from './headroom-cli';
import { createWorkspace, type Workspace } from './workspace';

export interface ServedDashboard {
  workspace: Workspace;
  serve: ServeProcess;
  browser: Browser;
  dashboard: DashboardPage;
  page: Page;
  close(): Promise<void>;
}

export async function openServedDashboard(readySelector: string): Promise<ServedDashboard> {
  assertBuilt();
  const workspace = await createWorkspace();
  const serve = await startServe(workspace.flags);
  const browser = await launchChromium();
  const dashboard = await openDashboard(browser, serve.url);
  await dashboard.page.waitForSelector(readySelector);
  return {
    workspace,
    serve,
    browser,
    dashboard,
    page: dashboard.page,
    async close() {
      await dashboard.context.close();
      await browser.close();
      await serve.stop();
      await workspace.remove();
    },
  };
}
