/**
 * The warm-start cache: a warm start gives exactly the figures of a cold scan, reads only what was
 * appended since, and survives a corrupted, foreign or outdated cache file.
 */
import { appendFileSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachePath } from '../../electron/engine/cache/engine-cache';
import { statusCachePath } from '../../electron/engine/cache/status-cache';
import { resolveRoots } from '../../electron/engine/roots';
import { scanStatus, type ScanOptions } from '../../electron/engine/scan';
import { writeCorpus } from '../support/corpus';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, GEMINI_FIXTURES, tempDir } from '../support/paths';

const dir = tempDir();
afterAll(() => dir.cleanup());
const claude = join(dir.path, 'claude');
const codex = join(dir.path, 'codex');
const gemini = join(dir.path, 'gemini');
cpSync(CLAUDE_FIXTURES, claude, { recursive: true });
cpSync(CODEX_FIXTURES, codex, { recursive: true });
cpSync(GEMINI_FIXTURES, gemini, { recursive: true });
const corpus = writeCorpus(join(dir.path, 'gen'), { seed: 3, claudeSessions: 10, codexSessions: 5, badLineRate: 0.05 });
const NOW = Date.parse('2026-11-21T12:30:00Z');
const dataDir = join(dir.path, 'data');
const options = (extra: Partial<ScanOptions> = {}): ScanOptions => ({
  claudeDirs: [claude, corpus.claudeDir],
  codexDirs: [codex, corpus.codexDir],
  geminiDirs: [gemini],
  processes: false,
  now: () => NOW,
  ...extra,
});

const cacheFile = () => cachePath(dataDir, resolveRoots(options()));
const statusFile = () => statusCachePath(dataDir, resolveRoots(options()));

describe('warm-start cache', () => {
  it('a warm start equals a cold scan exactly', async () => {
    const cold = await scanStatus(options());
    const first = await scanStatus(options({ cacheDir: dataDir }));
    expect(first).toEqual(cold);
    const problems: string[] = [];
    const warm = await scanStatus(options({ cacheDir: dataDir, onCacheProblem: (p) => problems.push(p) }));
    expect(warm).toEqual(cold);
    expect(problems).toEqual([]);
  });

  it('answers from the last report when no transcript changed, with the clock-dependent fields redone', async () => {
    await scanStatus(options({ cacheDir: dataDir }));
    rmSync(cacheFile()); // only the report cache is left: if it were not used, this would be a cold scan
    const later = NOW + 3 * 3_600_000;
    const fast = await scanStatus(options({ cacheDir: dataDir, now: () => later }));
    expect(existsSync(cacheFile())).toBe(false); // the engine was never used, so it saved nothing
    expect(fast).toEqual(await scanStatus(options({ now: () => later })));
  });

  it('continues from the cached cursors: appended lines count once, deleted files disappear', async () => {
    await scanStatus(options({ cacheDir: dataDir }));
    const file = corpus.expected.find((e) => e.agent === 'claude-code')!.files[0]!;
    const last = readFileSync(file, 'utf8').trim().split('\n').filter((l) => l.includes('"type":"assistant"')).at(-1)!;
    const extra = JSON.parse(last);
    extra.requestId = 'req_extra';
    extra.message.id = 'msg_extra';
    extra.message.usage = { input_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 4242, output_tokens: 7 };
    appendFileSync(file, `${JSON.stringify(extra)}\n`);
    const gone = corpus.expected.find((e) => e.agent === 'codex')!;
    rmSync(gone.files[0]!);
    const warm = await scanStatus(options({ cacheDir: dataDir }));
    const cold = await scanStatus(options());
    expect(warm).toEqual(cold);
    expect(warm.sessions.find((s) => s.files[0] === file)!.context.usedTokens).toBe(4243);
    expect(warm.sessions.some((s) => s.id === gone.id)).toBe(false);
  });

  it.each([
    ['garbage', 'not json {'],
    ['other folders', () => JSON.stringify({ ...JSON.parse(readFileSync(cacheFile(), 'utf8')), roots: ['claude-code:/elsewhere'] })],
    ['another version', JSON.stringify({ version: 999, roots: [], savedAt: 'x', engine: { files: [], sessions: [] } })],
    ['a wrong shape', () => JSON.stringify({ ...JSON.parse(readFileSync(cacheFile(), 'utf8')), engine: { files: [{ path: '/x', agent: 'claude-code', sessionKey: 'nope' }], sessions: [] } })],
    ['a JSON array', '[1, 2]'],
    ['roots that are not strings', () => JSON.stringify({ ...JSON.parse(readFileSync(cacheFile(), 'utf8')), roots: [5] })],
    ['no engine state', () => JSON.stringify({ ...JSON.parse(readFileSync(cacheFile(), 'utf8')), engine: null })],
  ])('survives a cache file with %s and rebuilds it', async (_name, content) => {
    await scanStatus(options({ cacheDir: dataDir }));
    writeFileSync(cacheFile(), typeof content === 'function' ? content() : content);
    // The report cache would answer without the engine cache: drop it, as a changed file would.
    rmSync(statusFile());
    const problems: string[] = [];
    const warm = await scanStatus(options({ cacheDir: dataDir, onCacheProblem: (p) => problems.push(p) }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/reading everything again$/);
    expect(warm).toEqual(await scanStatus(options()));
    const again: string[] = [];
    await scanStatus(options({ cacheDir: dataDir, onCacheProblem: (p) => again.push(p) }));
    expect(again).toEqual([]);
  });
});
