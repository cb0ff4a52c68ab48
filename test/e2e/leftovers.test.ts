/**
 * Leftover processes in the dashboard: a real "dev server" that an ended session left running in its
 * project shows in the overview's leftover panel, and clicking End (after the confirmation) ends
 * exactly that process.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openDashboard } from './support/browser';
import type { ServeProcess } from './support/headroom-cli';
import { serveWorkspace } from './support/served-dashboard';
import type { Workspace } from './support/workspace';

/** Alive and not a zombie waiting to be reaped by whoever adopted it. */
const isRunning = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

let serve: ServeProcess;
let browser: Browser;
let pid = 0;
let close = async () => {};

beforeAll(async () => {
  ({ serve, close } = await serveWorkspace({}, prepareLeftover));
  browser = await launchChromium();
});

/** A Claude session in a project folder, and a stray `dev-server` process started there. */
function prepareLeftover(workspace: Workspace): void {
  const project = join(workspace.root, 'shop');
  mkdirSync(project);
  const sessionId = '1eft0000-1111-4222-8333-444444444444';
  const transcripts = join(workspace.claudeDir, 'projects', '-shop');
  mkdirSync(transcripts, { recursive: true });
  const record = { type: 'assistant', isSidechain: false, cwd: project, sessionId, timestamp: new Date(Date.now() - 60_000).toISOString(), requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-5', role: 'assistant', content: [], usage: { input_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 1000, output_tokens: 1 } } };
  writeFileSync(join(transcripts, `${sessionId}.jsonl`), `${JSON.stringify(record)}\n`);
  const server = join(workspace.root, 'dev-server');
  copyFileSync('/bin/sleep', server);
  pid = Number(spawnSync('/bin/sh', ['-c', '"$0" 600 >/dev/null 2>&1 & echo $!', server], { cwd: project, encoding: 'utf8' }).stdout.trim());
}

afterAll(async () => {
  if (pid && isRunning(pid)) process.kill(pid, 'SIGKILL');
  await browser?.close();
  await close();
});

describe.runIf(process.platform === 'linux')('leftover processes', () => {
  it('lists the process an ended session left running and ends it on request', async () => {
    const { page, context, errors } = await openDashboard(browser, serve.url);
    try {
      const panel = page.locator('[data-testid="leftovers"]');
      await panel.waitFor();
      expect(await panel.locator('summary').textContent()).toContain('1 leftover process');
      await panel.locator('summary').click();
      const row = panel.locator('[data-testid="leftover"]');
      expect(await row.textContent()).toContain(`pid ${pid}`);
      page.once('dialog', (dialog) => void dialog.accept());
      await row.locator('button', { hasText: 'End' }).click();
      await page.locator('[data-testid="leftover-notice"]', { hasText: `process ${pid} ended (SIGTERM)` }).waitFor();
      expect(isRunning(pid)).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
