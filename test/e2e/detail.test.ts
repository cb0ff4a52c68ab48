/**
 * The session detail in real Chromium: "Checkpoint now" writes the checkpoint files and lists them in
 * the history, and the exports download as valid JSON, YAML and Markdown with the session's numbers.
 */
import { access, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Session } from '../../shared/session';
import { SessionExportSchema, type SessionExport } from '../../electron/engine/export/schema';
import type { DashboardPage } from './support/browser';
import { statusJson } from './support/headroom-cli';
import type { Workspace } from './support/workspace';
import { openServedDashboard, type ServedDashboard } from './support/served-dashboard';

const SPOTTER = '4d5611e5-241a-462a-8d15-5122611a9569';

let workspace: Workspace;
let dashboard: DashboardPage;
let app: ServedDashboard | undefined;
let page: Page;
let reference: Session;
/** The handoff the checkpoint test made, as the history lists it. */
let markdownPath = '';

beforeAll(async () => {
  app = await openServedDashboard(`tr[data-session-id="${SPOTTER}"]`);
  ({ workspace, dashboard, page } = app);
  const found = (await statusJson(workspace.flags)).sessions.find((session) => session.id === SPOTTER);
  if (!found) throw new Error(`fixture session ${SPOTTER} is missing`);
  reference = found;
});

afterAll(async () => {
  await app?.close();
});

describe('the session detail', () => {
  it('opens from the table with Enter and shows the session’s context', async () => {
    await page.click(`tr[data-session-id="${SPOTTER}"] [data-col="model"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`main.detail[data-session-id="${SPOTTER}"]`);
    expect(await page.textContent('[data-testid="detail-percent"]')).toBe('53%');
    expect(await page.textContent('[data-testid="detail-project"]')).toBe('spotter-dov');
    await page.waitForSelector('[data-testid="context-chart"] path.chart-line');
  });

  it('checkpoints on click, writes the files and lists them in the history', async () => {
    expect(await page.$('[data-testid="checkpoint-history"]')).toBeNull();
    await page.click('[data-testid="checkpoint-now"]');
    await page.waitForSelector('[data-testid="checkpoint-history"] li');

    const listed = await page.$$eval('[data-testid="checkpoint-markdown"]', (nodes) => nodes.map((node) => node.textContent ?? ''));
    expect(listed).toHaveLength(1);
    markdownPath = listed[0] ?? '';
    expect(markdownPath.startsWith(workspace.dataDir)).toBe(true);
    await access(markdownPath);
    const handoff = await readFile(markdownPath, 'utf8');
    expect(handoff).toContain('spotter-dov');
    expect(await page.textContent('[data-testid="notice"]')).toContain(markdownPath);
  });

  it('exports JSON, YAML and Markdown that validate against the export schema and carry the session’s numbers', async () => {
    const download = async (format: 'json' | 'yaml' | 'md') => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="export-${format}"]`)]);
      const path = await file.path();
      return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
    };
    const withoutTime = ({ exportedAt: _exportedAt, ...rest }: SessionExport) => rest;

    const json = await download('json');
    expect(json.name).toBe(`headroom-claude-code-${SPOTTER}.json`);
    const fromJson = SessionExportSchema.parse(JSON.parse(json.text));
    expect(fromJson.session.id).toBe(SPOTTER);
    expect(fromJson.session.context).toEqual(reference.context);
    expect(fromJson.session.tokens).toEqual(reference.tokens);
    // The checkpoint made above travels with the export, and its JSON record is on disk too.
    expect(fromJson.checkpoints.map((checkpoint) => checkpoint.markdownPath)).toEqual([markdownPath]);
    const record = JSON.parse(await readFile(fromJson.checkpoints[0]?.jsonPath ?? '', 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(record)).toContain(SPOTTER);

    const yaml = await download('yaml');
    expect(yaml.name).toBe(`headroom-claude-code-${SPOTTER}.yaml`);
    expect(withoutTime(SessionExportSchema.parse(parseYaml(yaml.text)))).toEqual(withoutTime(fromJson));

    const markdown = await download('md');
    expect(markdown.name).toBe(`headroom-claude-code-${SPOTTER}.md`);
    const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown.text) ?? [];
    expect(withoutTime(SessionExportSchema.parse(parseYaml(frontMatter)))).toEqual(withoutTime(fromJson));
    expect(body).toMatch(/^\n# \S/);
    expect(body).toContain('## Checkpoints');
    expect(dashboard.errors).toEqual([]);
  });
  it('adds tags and a project name that the overview then shows', async () => {
    await page.fill('input[aria-label="Add tags"]', 'release, api');
    await page.press('input[aria-label="Add tags"]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="tags"]')?.textContent?.includes('api×'));
    expect(await page.$$eval('[data-testid="tags"] .tag', (tags) => tags.map((tag) => tag.firstChild?.textContent))).toEqual(['release', 'api']);

    await page.fill('input[aria-label="Project name"]', 'Spotter (dov)');
    await page.press('input[aria-label="Project name"]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="detail-project"]')?.textContent === 'Spotter (dov)');

    await page.keyboard.press('Escape'); // leaves the field
    await page.keyboard.press('Escape'); // back to the overview
    const row = `tr[data-session-id="${SPOTTER}"]`;
    await page.waitForSelector(row);
    expect(await page.textContent(`${row} [data-col="project"]`)).toBe('Spotter (dov)');
    expect(await page.$$eval(`${row} .col-tags .tag`, (tags) => tags.map((tag) => tag.textContent))).toEqual(['release', 'api']);
    const stored = (await statusJson(workspace.flags)).sessions.find((session) => session.id === SPOTTER);
    expect(stored?.tags).toEqual(['release', 'api']);
    expect(stored?.projectName).toBe('Spotter (dov)');
    expect(dashboard.errors).toEqual([]);
  });
});
