/**
 * The engine host end to end in plain Node: real transcripts in a temp folder, a real data dir, the
 * real monitor, coordinator, settings and annotation stores behind the API handlers.
 */
import { appendFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../../shared/api';
import { createHeadroomService } from '../../../electron/engine/service';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, tempDir } from '../../support/paths';

const dir = tempDir();
const claude = join(dir.path, 'claude');
const codex = join(dir.path, 'codex');
cpSync(CLAUDE_FIXTURES, claude, { recursive: true });
cpSync(CODEX_FIXTURES, codex, { recursive: true });
const service = await createHeadroomService({ dataDir: join(dir.path, 'data'), claudeDirs: [claude], codexDirs: [codex], geminiDirs: [join(dir.path, 'none')], pushDelayMs: 5 });
afterAll(async () => {
  await service.close();
  dir.cleanup();
});
const { handlers } = service;
const SPOTTER = '4d5611e5-241a-462a-8d15-5122611a9569';

function nextState(accept: (state: AppState) => boolean): Promise<AppState> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error('no matching state push within 5 s')), 5000);
    const stop = service.onPush((channel, payload) => {
      if (channel !== 'state:changed' || !accept(payload as AppState)) return;
      clearTimeout(deadline);
      stop();
      resolve(payload as AppState);
    });
  });
}

describe('Headroom service', () => {
  it('serves every session with its level, health and checkpoint decision', async () => {
    const state = await handlers['state:get'](undefined);
    expect(state.sessions).toHaveLength(9);
    const spotter = state.sessions.find((s) => s.id === SPOTTER)!;
    expect(spotter.context.usedTokens).toBe(106_060);
    expect(spotter.level).toBe('ok');
    expect(spotter.health.score).toBeGreaterThanOrEqual(0);
    expect(spotter.checkpoints).toEqual({ count: 0, lastAt: null });
    expect(state.roots.map((r) => [r.agent, r.exists])).toEqual([['claude-code', true], ['codex', true], ['gemini-cli', false]]);
  });

  it('tags a session and pushes the new state', async () => {
    const pushed = nextState((s) => s.sessions.some((x) => x.id === SPOTTER && x.tags.includes('api')));
    expect(await handlers['session:tag']({ sessionId: SPOTTER, tags: ['api', 'urgent'] })).toEqual(['api', 'urgent']);
    await pushed;
    expect(await handlers['session:set-project']({ sessionId: SPOTTER, name: 'Spotter' })).toBe('Spotter');
  });

  it('checkpoints on request and lists it in the history', async () => {
    const result = await handlers['session:checkpoint']({ sessionId: SPOTTER, reason: 'before lunch' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(existsSync(result.checkpoint.markdownPath)).toBe(true);
    expect(result.checkpoint.contextTokens).toBe(106_060);
    const history = await handlers['session:history']({ sessionId: SPOTTER });
    expect(history.map((h) => h.reason)).toEqual(['before lunch']);
    const detail = await handlers['session:detail']({ sessionId: SPOTTER });
    expect(detail!.checkpoints).toHaveLength(1);
    expect(detail!.history.at(-1)!.usedTokens).toBe(106_060);
    expect(detail!.compactionsAt).toHaveLength(1);
    expect(await handlers['session:checkpoint']({ sessionId: 'nope' })).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('validates settings by key and applies a valid change to the levels', async () => {
    const bad = await handlers['settings:set']({ key: 'thresholds.warningPercent', value: 250 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.key).toBe('thresholds.warningPercent');
    const pushed = nextState((s) => s.sessions.find((x) => x.id === SPOTTER)?.level === 'warning');
    const good = await handlers['settings:set']({ key: 'thresholds.warningPercent', value: 50 });
    expect(good.ok).toBe(true);
    await pushed;
  });

  it('exports JSON, YAML and Markdown', async () => {
    const json = await handlers['session:export']({ sessionId: SPOTTER, format: 'json' });
    expect(JSON.parse(json.content).session.tokens.total).toBe(12_802_638);
    const yaml = await handlers['session:export']({ sessionId: SPOTTER, format: 'yaml' });
    expect(parseYaml(yaml.content).session.context.usedTokens).toBe(106_060);
    const md = await handlers['session:export']({ sessionId: SPOTTER, format: 'md' });
    const frontMatter = md.content.split('\n---\n')[0]!.replace(/^---\n/, '');
    expect(parseYaml(frontMatter).session.tags).toEqual(['api', 'urgent']);
    expect(md.filename).toBe(`headroom-claude-code-${SPOTTER}.md`);
  });

  it('pushes a session update when its transcript grows', async () => {
    const file = join(claude, 'projects', '-home-dev-work-proj-claude-demo-20261121-112759', '6f1039d8-684a-4732-870c-c177ae095f9e.jsonl');
    const last = readFileSync(file, 'utf8').trim().split('\n').filter((l) => l.includes('"type":"assistant"')).at(-1)!;
    const grown = JSON.parse(last);
    grown.message.id = 'msg_new';
    grown.requestId = 'req_new';
    grown.message.usage = { input_tokens: 5, cache_creation_input_tokens: 100_000, cache_read_input_tokens: 90_000, output_tokens: 10 };
    // claude-sonnet-4-5: 190,005 of 200,000 is past Claude Code's auto-compact point (167,000), the worst level.
    const pushed = nextState((s) => s.sessions.find((x) => x.id.startsWith('6f1039d8'))?.level === 'compact-soon');
    appendFileSync(file, `${JSON.stringify(grown)}\n`);
    const state = await pushed;
    expect(state.sessions.find((x) => x.id.startsWith('6f1039d8'))!.context.usedTokens).toBe(190_005);
  });
});
