/**
 * The usual end-to-end setup: the fixture transcripts in a temp workspace, `headroom serve` on them
 * (`serveWorkspace`), and for most suites Chromium with the dashboard open and its table showing
 * `readySelector` (`openServedDashboard`); `close()` undoes it all.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openDashboard, type DashboardPage } from './browser';
import { assertBuilt, startServe, type ServeProcess } from './headroom-cli';
import { createWorkspace, type Workspace, type WorkspaceOptions } from './workspace';

export interface ServedWorkspace {
  workspace: Workspace;
  serve: ServeProcess;
  close(): Promise<void>;
}

/** A workspace, set up further by `prepare` before `headroom serve` starts on it. */
export async function serveWorkspace(options?: WorkspaceOptions, prepare?: (workspace: Workspace) => void | Promise<void>): Promise<ServedWorkspace> {
  assertBuilt();
  const workspace = await createWorkspace(options);
  await prepare?.(workspace);
  const serve = await startServe(workspace.flags);
  return {
    workspace,
    serve,
    async close() {
      await serve.stop();
      await workspace.remove();
    },
  };
}

export interface ServedDashboard {
  workspace: Workspace;
  serve: ServeProcess;
  browser: Browser;
  dashboard: DashboardPage;
  page: Page;
  close(): Promise<void>;
}

export async function openServedDashboard(readySelector: string): Promise<ServedDashboard> {
  const { workspace, serve, close } = await serveWorkspace();
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
      await close();
    },
  };
}
