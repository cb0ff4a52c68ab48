/**
 * A generated corpus with streamed duplicates, subagents, progress replays, compactions, Codex's
 * doubled token_count events and garbage lines: every session's figures equal the ground truth the
 * generator computed while writing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { scanStatus } from '../../electron/engine/scan';
import { writeCorpus } from '../support/corpus';
import { tempDir } from '../support/paths';

const dir = tempDir();
afterAll(() => dir.cleanup());
const corpus = writeCorpus(dir.path, { seed: 7, claudeSessions: 40, codexSessions: 20, turns: [1, 30], growth: 8000, badLineRate: 0.02 });
const report = await scanStatus({ claudeDirs: [corpus.claudeDir], codexDirs: [corpus.codexDir], geminiDirs: [dir.path] });

describe('generated corpus', () => {
  it('finds every session', () => {
    expect(report.sessions).toHaveLength(60);
  });

  it.each(corpus.expected.map((e) => [`${e.agent} ${e.id}`, e] as const))('%s matches its ground truth', (_name, expected) => {
    const session = report.sessions.find((s) => s.id === expected.id)!;
    expect(session.context).toMatchObject({ usedTokens: expected.usedTokens, windowTokens: expected.windowTokens, compactions: expected.compactions });
    expect(session.tokens).toEqual(expected.tokens);
    expect(session.activity).toMatchObject({ toolCalls: expected.toolCalls, filesModified: expected.filesModified, userMessages: expected.userMessages, errors: expected.errors });
    expect(session.badLines).toBe(expected.badLines);
    expect(session.files).toEqual(expected.files);
  });
});
