/**
 * The warm report from the status cache: it prints exactly what a cold scan prints (byte for byte,
 * any subset, any fresh fields), vouches for the file list by folder stamps without listing again,
 * and gives way to a scan whenever something changed or the cache cannot be trusted.
 */
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { StatusReport } from '../../../shared/session';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { cachedReport } from '../../../electron/engine/cache/warm-report';
import { RACY_MS } from '../../../electron/engine/cache/listing-stamps';
import { statusCachePath, writeStatusCache } from '../../../electron/engine/cache/status-cache';
import type { Header } from '../../../electron/engine/cache/status-cache-format';
import { Engine } from '../../../electron/engine/engine';
import { resolveRoots } from '../../../electron/engine/roots';
import { scanStatus, type ScanOptions } from '../../../electron/engine/scan';
import { writeCorpus } from '../../support/corpus';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, GEMINI_FIXTURES, tempDir } from '../../support/paths';

const dir = tempDir('headroom-warm-');
afterAll(() => dir.cleanup());
afterEach(() => vi.restoreAllMocks());

let count = 0;
/** A fresh copy of the fixtures and a generated corpus, with its own data dir. */
function setup() {
  const base = join(dir.path, `w${(count += 1)}`);
  const claude = join(base, 'claude');
  const codex = join(base, 'codex');
  cpSync(CLAUDE_FIXTURES, claude, { recursive: true });
  cpSync(CODEX_FIXTURES, codex, { recursive: true });
  const gemini = join(base, 'gemini');
  cpSync(GEMINI_FIXTURES, gemini, { recursive: true });
  const corpus = writeCorpus(join(base, 'gen'), { seed: 7, claudeSessions: 8, codexSessions: 4, badLineRate: 0.05, subagentEvery: 3 });
  const dataDir = join(base, 'data');
  const options = (extra: Partial<ScanOptions> = {}): ScanOptions => ({
    claudeDirs: [claude, corpus.claudeDir],
    codexDirs: [codex, corpus.codexDir],
    geminiDirs: [gemini],
    settings: DEFAULT_SETTINGS,
    processes: false,
    now: () => NOW,
    ...extra,
  });
  return { base, claude, corpus, dataDir, options };
}

const NOW = Date.parse('2026-11-21T12:30:00Z');
const printed = (report: StatusReport) => `${JSON.stringify(report, null, 2)}\n`;
/** What writing the chunks one after another prints. */
const text = (chunks: readonly Uint8Array[]) => Buffer.concat(chunks).toString();

/** Writes the status cache as a run long after the transcripts were written would (stamps trusted). */
async function fillTrusted(options: ScanOptions, dataDir: string): Promise<void> {
  const engine = new Engine(options);
  await engine.scan();
  const report = await scanStatus(options);
  writeStatusCache(statusCachePath(dataDir, engine.roots), engine, report.sessions, DEFAULT_SETTINGS, () => Date.now() + 2 * RACY_MS);
}

describe('warm report', () => {
  it('prints what a cold scan prints, byte for byte, from the stamps alone', async () => {
    const { dataDir, options } = setup();
    await fillTrusted(options(), dataDir);
    const discover = vi.spyOn(Engine.prototype, 'discover');
    const warm = await cachedReport(options(), dataDir);
    expect(discover).not.toHaveBeenCalled();
    const cold = await scanStatus(options());
    expect(text(warm!.json(warm!.sessions))).toBe(printed(cold));
    expect(warm!.report()).toEqual(cold);
    expect(cold.sessions.length).toBeGreaterThan(15);
    expect(cold.problems.badLines).toBeGreaterThan(0);
  });

  it('lists the folders again when the stamps are recent, and still answers', async () => {
    const { dataDir, options } = setup();
    await scanStatus(options({ cacheDir: dataDir })); // stamps taken right after the copy: too recent
    const discover = vi.spyOn(Engine.prototype, 'discover');
    const warm = await cachedReport(options(), dataDir);
    expect(discover).toHaveBeenCalledTimes(1);
    expect(text(warm!.json(warm!.sessions))).toBe(printed(await scanStatus(options())));
  });

  it('prints any subset and fresh fields (clock, tags, processes) exactly', async () => {
    const { dataDir, options } = setup();
    await fillTrusted(options(), dataDir);
    const later = NOW + 90 * 24 * 3_600_000;
    const first = (await scanStatus(options())).sessions[0]!;
    const annotate = (_agent: string, id: string) => (id === first.id ? { tags: ['api', 'Ünï'], projectName: 'Shop' } : null);
    const live = { match: async () => new Map([[`${first.agent}:${first.id}`, { pid: 4242, process: { rssBytes: 1_000_000, cpuPercent: 3.5 } }]]) };
    const extra = { now: () => later, annotate, processes: live };
    const warm = (await cachedReport(options(extra), dataDir))!;
    const cold = await scanStatus(options(extra));
    expect(cold.sessions[0]).toMatchObject({ status: 'idle', pid: 4242, tags: ['api', 'Ünï'], projectName: 'Shop' });
    expect(text(warm.json(warm.sessions))).toBe(printed(cold));
    const odd = warm.sessions.filter((_, i) => i % 3 === 1);
    expect(text(warm.json(odd))).toBe(printed({ ...cold, sessions: cold.sessions.filter((_, i) => i % 3 === 1) }));
    expect(text(warm.json([]))).toBe(printed({ ...cold, sessions: [] }));
    expect(warm.session(warm.sessions[0]!)).toEqual(cold.sessions[0]);
  });

  it('works out the ETA from the cached context series', async () => {
    const { base, dataDir, options } = setup();
    // Sessions still filling up: their last records a few minutes before now (the real clock, which
    // the cache's writer reads too).
    const start = Date.now() - 40 * 60_000;
    const recent = writeCorpus(join(base, 'recent'), { seed: 11, claudeSessions: 3, codexSessions: 0, startMs: start, turns: [12, 12] });
    const opts = (extra: Partial<ScanOptions> = {}) => options({ claudeDirs: [recent.claudeDir], codexDirs: [join(base, 'none')], geminiDirs: [join(base, 'none')], ...extra });
    await fillTrusted(opts(), dataDir);
    const at = Date.now() + 60_000;
    const cold = await scanStatus(opts({ now: () => at }));
    expect(cold.sessions.some((s) => s.context.etaMinutes !== null && s.context.etaMinutes > 0)).toBe(true);
    const warm = (await cachedReport(opts({ now: () => at }), dataDir))!;
    expect(text(warm.json(warm.sessions))).toBe(printed(cold));
  });

  it.each([
    ['a line appended', (s: ReturnType<typeof setup>) => appendFileSync(s.corpus.expected[0]!.files[0]!, '{"type":"user"}\n')],
    ['a new transcript', (s: ReturnType<typeof setup>) => cpSync(s.corpus.expected[0]!.files[0]!, s.corpus.expected[0]!.files[0]!.replace(/[0-9a-f]{4}(\.jsonl)$/, 'beef$1'))],
  ])('gives way to a scan after %s', async (_name, change) => {
    const s = setup();
    await fillTrusted(s.options(), s.dataDir);
    change(s);
    expect(await cachedReport(s.options(), s.dataDir)).toBeNull();
    const warm = await scanStatus(s.options({ cacheDir: s.dataDir }));
    expect(warm).toEqual(await scanStatus(s.options()));
  });

  it.each([
    ['roots that are not a list', (h: Header) => ({ ...h, listing: { ...h.listing, roots: 'x' } })],
    ['a folder row that is not a list', (h: Header) => ({ ...h, dirs: [7, ...h.dirs.slice(1)] })],
    ['a session id that is a number', (h: Header) => ({ ...h, sessions: { ...h.sessions, id: [1, ...h.sessions.id.slice(1)] } })],
    ['a project that is a number', (h: Header) => ({ ...h, sessions: { ...h.sessions, project: h.sessions.project.map(() => 5) } })],
    ['an unknown slot', (h: Header) => ({ ...h, sessions: { ...h.sessions, slots: [99, ...h.sessions.slots.slice(1)] } })],
    ['pieces that do not add up', (h: Header) => ({ ...h, sessions: { ...h.sessions, pieces: [h.sessions.pieces[0]! + 1, ...h.sessions.pieces.slice(1)] } })],
    ['a column cut short', (h: Header) => ({ ...h, files: { ...h.files, ino: h.files.ino.slice(1) } })],
  ])('answers "changed" for a header with %s, never crashes', async (_name, damage) => {
    const { dataDir, options } = setup();
    await fillTrusted(options(), dataDir);
    const path = statusCachePath(dataDir, resolveRoots(options()));
    const original = readFileSync(path);
    const header = JSON.parse(original.toString('utf8', 0, original.indexOf(10))) as Header;
    writeFileSync(path, Buffer.concat([Buffer.from(JSON.stringify(damage(header))), original.subarray(original.indexOf(10))]));
    expect(await cachedReport(options(), dataDir)).toBeNull();
    expect(await scanStatus(options({ cacheDir: dataDir }))).toEqual(await scanStatus(options()));
  });

  it('is not used with other settings, by another build, from a damaged file, or with a clock set back', async () => {
    const { dataDir, options } = setup();
    await fillTrusted(options(), dataDir);
    const path = statusCachePath(dataDir, resolveRoots(options()));
    const original = readFileSync(path);
    const windows = { ...DEFAULT_SETTINGS, modelWindows: { 'claude-x': 1 } };
    expect(await cachedReport(options({ settings: windows }), dataDir)).toBeNull();
    expect(await cachedReport(options({ now: () => Date.parse('2026-11-01T09:00:00Z') }), dataDir)).toBeNull();
    const header = JSON.parse(original.toString('utf8', 0, original.indexOf(10)));
    writeFileSync(path, Buffer.concat([Buffer.from(JSON.stringify({ ...header, build: 'another' })), original.subarray(original.indexOf(10))]));
    expect(await cachedReport(options(), dataDir)).toBeNull();
    writeFileSync(path, original.subarray(0, original.length - 10)); // cut short
    expect(await cachedReport(options(), dataDir)).toBeNull();
    writeFileSync(path, 'not json\n');
    expect(await cachedReport(options(), dataDir)).toBeNull();
    writeFileSync(path, original);
    expect(await cachedReport(options(), dataDir)).not.toBeNull();
  });
});
