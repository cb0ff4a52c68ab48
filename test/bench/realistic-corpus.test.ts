/**
 * The benchmark's corpus carries the right ground truth: a small one, scanned by the engine, adds up
 * to exactly the token totals the generator computed while writing, session for session count.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanStatus } from '../../electron/engine/scan';
import { writeRealisticCorpus } from '../support/corpus/realistic';
import { tempDir } from '../support/paths';

const dir = tempDir();
afterAll(() => dir.cleanup());
const corpus = writeRealisticCorpus(dir.path, { seed: 5, bytes: 4e6 });
const report = await scanStatus({ claudeDirs: [corpus.claudeDir], codexDirs: [corpus.codexDir], geminiDirs: [join(dir.path, 'none')] });
const sum = (agent: string) => report.sessions.filter((s) => s.agent === agent).reduce((total, s) => total + s.tokens.total, 0);

describe('realistic corpus', () => {
  it('has the scaled number of sessions of each agent', () => {
    expect(corpus.claudeSessions).toBe(10);
    expect(corpus.codexSessions).toBe(1);
    expect(report.sessions.filter((s) => s.agent === 'claude-code')).toHaveLength(10);
    expect(report.sessions.filter((s) => s.agent === 'codex')).toHaveLength(1);
  });

  it('the engine reports exactly the token totals written', () => {
    expect(sum('claude-code')).toBe(corpus.totals.claude.total);
    expect(sum('codex')).toBe(corpus.totals.codex.total);
  });

  it('is about the requested size, with subagent transcripts', () => {
    const files = readdirSync(dir.path, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const bytes = files.reduce((total, file) => total + statSync(file).size, 0);
    expect(bytes).toBeGreaterThan(4e6 * 0.5);
    expect(bytes).toBeLessThan(4e6 * 2);
    expect(files.some((file) => file.includes('/subagents/'))).toBe(true);
  });

  it('is the same corpus for the same seed', () => {
    const again = tempDir();
    try {
      expect(writeRealisticCorpus(again.path, { seed: 5, bytes: 4e6 }).totals).toEqual(corpus.totals);
    } finally {
      again.cleanup();
    }
  });
});
