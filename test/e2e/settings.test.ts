/**
 * Settings in real Chromium: an invalid threshold is refused with the reason next to the field and
 * changes nothing; a valid one is saved and changes the sessions' state on the overview.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardPage } from './support/browser';
import { openServedDashboard, type ServedDashboard } from './support/served-dashboard';

// spotter-dov sits at 53.03% of its window: `ok` under the default 70% warning, `warning` under 50%.
const SPOTTER = '4d5611e5-241a-462a-8d15-5122611a9569';
const WARNING_INPUT = '#setting-thresholds-warningPercent';

let dashboard: DashboardPage;
let app: ServedDashboard | undefined;
let page: Page;

async function enter(selector: string, value: string): Promise<void> {
  await page.fill(selector, value);
  await page.press(selector, 'Enter');
}

beforeAll(async () => {
  app = await openServedDashboard(`tr[data-session-id="${SPOTTER}"]`);
  ({ dashboard, page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('settings', () => {
  it('refuses a warning threshold above the critical one, with the reason next to the field', async () => {
    expect(await page.getAttribute(`tr[data-session-id="${SPOTTER}"]`, 'data-level')).toBe('ok');
    await page.keyboard.press(',');
    await page.waitForSelector(WARNING_INPUT);
    expect(await page.inputValue(WARNING_INPUT)).toBe('70');

    await enter(WARNING_INPUT, '95');
    const error = await page.waitForSelector('[data-testid="error-thresholds.warningPercent"]');
    expect(await error.textContent()).toMatch(/warningPercent must be below criticalPercent/);
    expect(await page.getAttribute(WARNING_INPUT, 'aria-invalid')).toBe('true');
    // The refused value stays in the field to be corrected.
    expect(await page.inputValue(WARNING_INPUT)).toBe('95');
  });

  it('refuses a value out of range and text that is not a number', async () => {
    await enter(WARNING_INPUT, '150');
    await page.waitForFunction(() => /100/.test(document.querySelector('[data-testid="error-thresholds.warningPercent"]')?.textContent ?? ''));
    await enter(WARNING_INPUT, 'lots');
    expect(await page.textContent('[data-testid="error-thresholds.warningPercent"]')).toBe('“lots” is not a number.');
  });

  it('saves a valid threshold, and the row’s state changes on the overview', async () => {
    await enter(WARNING_INPUT, '50');
    await page.waitForSelector('[data-testid="error-thresholds.warningPercent"]', { state: 'detached' });
    await page.waitForSelector('.field[data-key="thresholds.warningPercent"] .saved');

    await page.keyboard.press('Escape'); // leaves the field
    await page.keyboard.press('Escape'); // back to the overview
    await page.waitForSelector(`tr[data-session-id="${SPOTTER}"]`);
    await page.waitForFunction((id) => document.querySelector(`tr[data-session-id="${id}"]`)?.getAttribute('data-level') === 'warning', SPOTTER);
    expect(await page.textContent(`tr[data-session-id="${SPOTTER}"] .level-badge`)).toBe('Warning');

    // And it was stored: a fresh page load shows the saved value.
    await page.reload();
    await page.waitForSelector(`tr[data-session-id="${SPOTTER}"]`); // rendered, shortcuts listening
    await page.keyboard.press(',');
    await page.waitForSelector(WARNING_INPUT);
    expect(await page.inputValue(WARNING_INPUT)).toBe('50');
    expect(dashboard.errors).toEqual([]);
  });
  it('adds a model window that the sessions of that model are then measured against', async () => {
    // proj-claude-demo-…112759 uses 20,005 tokens of claude-sonnet-4-5's 200k (10%); with a 1M window
    // configured for that model it is 2%.
    const demo = '6f1039d8-684a-4732-870c-c177ae095f9e';
    await page.click('nav a[href="#/"]');
    expect(await page.textContent(`tr[data-session-id="${demo}"] [data-col="percent"]`)).toBe('10%');
    await page.keyboard.press(',');
    await page.fill('input[aria-label="Model id or prefix"]', 'claude-sonnet-4-5');
    await page.fill('input[aria-label="Window in tokens"]', '1,000,000');
    await page.press('input[aria-label="Window in tokens"]', 'Enter');
    await page.waitForSelector('.windows li code');
    expect(await page.textContent('.windows li')).toContain('1M');

    await page.click('nav a[href="#/"]');
    await page.waitForFunction((id) => document.querySelector(`tr[data-session-id="${id}"] [data-col="percent"]`)?.textContent === '2%', demo);
    expect(await page.textContent(`tr[data-session-id="${demo}"] [data-col="window"]`)).toBe('1M');
    expect(dashboard.errors).toEqual([]);
  });
});
