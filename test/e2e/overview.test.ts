/**
 * The overview in real Chromium against `headroom serve` on copies of the fixture transcripts: the
 * same numbers as `headroom status --json`, live updates within a second that keep the row's DOM,
 * focus, selection and scroll, and the critical state in the row and the header.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent, formatTokens, formatUsd, projectLabel } from '../../shared/format';
import { findTranscript } from './support/find';
import type { DashboardPage } from './support/browser';
import { statusJson } from './support/headroom-cli';
import { appendClaudeTurn, appendCodexTokenCount } from './support/transcripts';
import type { Workspace } from './support/workspace';
import { openServedDashboard, type ServedDashboard } from './support/served-dashboard';

const CLAUDE_DEMO = '6f1039d8-684a-4732-870c-c177ae095f9e';
const CODEX_DEMO = '01a1fddd-208c-7e92-bd2c-7bebf7c40be2';

let workspace: Workspace;
let dashboard: DashboardPage;
let app: ServedDashboard | undefined;
let page: Page;

const row = (sessionId: string) => `tr[data-session-id="${sessionId}"]`;
const cell = (sessionId: string, column: string) => `${row(sessionId)} [data-col="${column}"]`;

/** Resolves when the cell shows `text`; returns how long that took after `since` (epoch ms). */
async function waitForText(selector: string, text: string, since: number): Promise<number> {
  await page.waitForFunction(([css, want]) => document.querySelector(css ?? '')?.textContent === want, [selector, text] as const, { polling: 'raf', timeout: 10_000 });
  return Date.now() - since;
}

beforeAll(async () => {
  app = await openServedDashboard('tr.session-row');
  ({ workspace, dashboard, page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('the overview', () => {
  it('lists every session with the numbers `headroom status --json` gives', async () => {
    const report = await statusJson(workspace.flags);
    expect(report.sessions.length).toBeGreaterThanOrEqual(9);
    await page.waitForFunction((count) => document.querySelectorAll('tr.session-row').length === count, report.sessions.length);

    for (const session of report.sessions) {
      const shown = await page.$eval(row(session.id), (element) =>
        Object.fromEntries(Array.from(element.querySelectorAll<HTMLElement>('[data-col]')).map((node) => [node.dataset.col, node.textContent?.trim()])),
      );
      expect(shown, session.id).toEqual({
        project: session.projectName ?? projectLabel(session.project),
        model: session.model ?? '—',
        percent: formatPercent(session.context.percent),
        used: formatTokens(session.context.usedTokens),
        window: formatTokens(session.context.windowTokens),
        cost: formatUsd(session.costUsd),
        status: session.status,
      });
    }

    // Two rows checked by hand against the transcripts: spotter-dov's last usage is 106,060 of a 200k
    // window (53.03%) at $9.98; the Codex demo's last turn is 40,042 of 258,400 with a 12k baseline.
    expect(await page.textContent(cell('4d5611e5-241a-462a-8d15-5122611a9569', 'percent'))).toBe('53%');
    expect(await page.textContent(cell('4d5611e5-241a-462a-8d15-5122611a9569', 'used'))).toBe('106k');
    expect(await page.textContent(cell('4d5611e5-241a-462a-8d15-5122611a9569', 'cost'))).toBe('$9.98');
    expect(await page.textContent(cell(CODEX_DEMO, 'percent'))).toBe('11.3%');
  });

  it('moves a row’s percentage within a second of a turn, keeping the row, focus, selection and scroll', async () => {
    const file = await findTranscript(workspace.claudeDir, CLAUDE_DEMO);
    await page.setViewportSize({ width: 1400, height: 420 });
    await page.click(cell(CLAUDE_DEMO, 'model')); // selects the row
    await page.focus('table.sessions');
    await page.evaluate(() => window.scrollTo(0, 120));
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.$eval(row(CLAUDE_DEMO), (element) => (element.dataset.probe = 'same-node'));
    expect(await page.textContent(cell(CLAUDE_DEMO, 'percent'))).toBe('10%');

    // Five turns growing the context to 120,005 … 136,005 tokens of a 200k window: 60%, 62%, 64%, 66%,
    // 68% (each reply's usage is input 5 + cache read + cache write = the context chosen), all under
    // the 70% warning line, so only the numbers change while the row moves up the sorted table.
    const latencies: number[] = [];
    for (const [index, tokens] of [120_005, 124_005, 128_005, 132_005, 136_005].entries()) {
      const started = Date.now();
      await appendClaudeTurn(file, { prompt: `turn ${index + 7}`, contextTokens: tokens, at: new Date() });
      latencies.push(await waitForText(cell(CLAUDE_DEMO, 'percent'), formatPercent((tokens / 200_000) * 100), started));
    }
    console.log(`append → screen latency (ms): ${latencies.join(', ')}`);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    expect(await page.textContent(cell(CLAUDE_DEMO, 'percent'))).toBe('68%');

    expect(await page.$eval(row(CLAUDE_DEMO), (element) => element.dataset.probe)).toBe('same-node');
    expect(await page.getAttribute(row(CLAUDE_DEMO), 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.matches('table.sessions'))).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  it('shows the critical state in the row and the header when a session crosses 90%', async () => {
    const file = await findTranscript(workspace.codexDir, CODEX_DEMO);
    expect(await page.getAttribute(row(CODEX_DEMO), 'data-level')).toBe('ok');
    expect(await page.getAttribute('[data-testid="summary-alerts"]', 'data-level')).not.toBe('critical');

    // Codex counts from a 12,000-token baseline: (234,000 − 12,000) / (258,400 − 12,000) = 90.097%,
    // critical but still under the compact-soon point (244,800 − 10,000 = 234,800).
    const started = Date.now();
    await appendCodexTokenCount(file, { lastTurnTokens: 234_000, at: new Date() });
    const latency = await waitForText(cell(CODEX_DEMO, 'percent'), '90%', started);
    console.log(`critical crossing → screen latency (ms): ${latency}`);

    expect(await page.getAttribute(row(CODEX_DEMO), 'data-level')).toBe('critical');
    expect(await page.textContent(`${row(CODEX_DEMO)} .level-badge`)).toBe('Critical');
    expect(await page.getAttribute('[data-testid="summary-alerts"]', 'data-level')).toBe('critical');
    expect(await page.textContent('[data-testid="topbar-alert"]')).toContain('Critical');
    expect(await page.textContent('[data-testid="summary-highest"]')).toBe('90%');
    const report = await statusJson(workspace.flags);
    expect(report.sessions.find((session) => session.id === CODEX_DEMO)?.context.percent).toBeCloseTo(90.0974, 3);
    expect(dashboard.errors).toEqual([]);
  });
  it('is driven from the keyboard: / search, j/k move, Enter open, Esc back, ? help, c checkpoint', async () => {
    const report = await statusJson(workspace.flags);
    const spotterIds = report.sessions.filter((session) => session.project?.includes('spotter')).map((session) => session.id);
    expect(spotterIds).toHaveLength(2);
    const visibleIds = () => page.$$eval('tr.session-row', (rows) => rows.map((element) => (element as HTMLElement).dataset.sessionId));
    const selectedId = () => page.$eval('tr.session-row[aria-selected="true"]', (element) => (element as HTMLElement).dataset.sessionId);

    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('spotter');
    await page.waitForFunction((count) => document.querySelectorAll('tr.session-row').length === count, spotterIds.length);
    // Sorted by context: spotter-dov (53%) above spotter (13.8%).
    expect(await visibleIds()).toEqual(['4d5611e5-241a-462a-8d15-5122611a9569', 'd6e0bada-1959-4eec-a9d2-0bfade768d8f']);

    await page.keyboard.press('Escape'); // leaves the search box, keeps the filter
    await page.click(cell(spotterIds[0] ?? '', 'model')); // a known starting row
    await page.keyboard.press('j');
    expect(await selectedId()).toBe('d6e0bada-1959-4eec-a9d2-0bfade768d8f');
    await page.keyboard.press('k');
    expect(await selectedId()).toBe('4d5611e5-241a-462a-8d15-5122611a9569');

    await page.keyboard.press('Enter');
    await page.waitForSelector('main.detail[data-session-id="4d5611e5-241a-462a-8d15-5122611a9569"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('tr.session-row');
    expect(await visibleIds()).toHaveLength(2); // the filter survived the visit
    expect(await selectedId()).toBe('4d5611e5-241a-462a-8d15-5122611a9569');

    await page.keyboard.press('?');
    await page.waitForSelector('[role="dialog"]');
    expect(await page.$$eval('[role="dialog"] kbd', (keys) => keys.map((key) => key.textContent))).toEqual(['/', 'j', '↓', 'k', '↑', 'Enter', 'c', ',', 'Esc', '?']);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });

    await page.keyboard.press('c');
    await page.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent?.startsWith('Checkpoint saved: '));
    expect(await page.textContent('[data-testid="notice"]')).toContain(workspace.dataDir);
    expect(dashboard.errors).toEqual([]);
  });
});
