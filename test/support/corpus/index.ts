/**
 * Synthetic transcript corpora for tests and the benchmark: reproducible from a seed, in each agent's
 * real folder layout, each session carrying the figures the engine must report for it.
 */
import { join } from 'node:path';
import { writeClaudeSession } from './claude';
import { writeCodexSession } from './codex';
import type { ExpectedSession } from './expected';
import { Random } from './random';

export type { ExpectedSession } from './expected';

export interface CorpusOptions {
  seed?: number;
  claudeSessions?: number;
  codexSessions?: number;
  turns?: [min: number, max: number];
  growth?: number;
  badLineRate?: number;
  toolResultBytes?: number;
  /** Every Nth Claude session gets a subagent (0 = none). */
  subagentEvery?: number;
  startMs?: number;
}

export interface Corpus {
  claudeDir: string;
  codexDir: string;
  expected: ExpectedSession[];
}

export function writeCorpus(dir: string, options: CorpusOptions = {}): Corpus {
  const random = new Random(options.seed ?? 1);
  const claudeDir = join(dir, 'claude');
  const codexDir = join(dir, 'codex');
  const [minTurns, maxTurns] = options.turns ?? [3, 12];
  const startMs = options.startMs ?? Date.parse('2026-11-01T09:00:00Z');
  const expected: ExpectedSession[] = [];
  for (let i = 0; i < (options.claudeSessions ?? 5); i += 1) {
    const turns = random.int(minTurns, maxTurns);
    expected.push(
      writeClaudeSession(claudeDir, random, {
        turns,
        growth: options.growth ?? 9000,
        compactEvery: turns > 6 ? random.int(3, 6) : 0,
        subagent: (options.subagentEvery ?? 2) > 0 && i % (options.subagentEvery ?? 2) === 0,
        badLineRate: options.badLineRate ?? 0,
        toolResultBytes: options.toolResultBytes ?? 400,
        startMs: startMs + i * 3_600_000,
      }),
    );
  }
  for (let i = 0; i < (options.codexSessions ?? 3); i += 1) {
    const turns = random.int(minTurns, maxTurns);
    expected.push(
      writeCodexSession(codexDir, random, {
        turns,
        growth: options.growth ?? 9000,
        compactEvery: turns > 6 ? random.int(3, 6) : 0,
        toolOutputBytes: options.toolResultBytes ?? 400,
        startMs: startMs + i * 3_600_000 + 1_800_000,
      }),
    );
  }
  return { claudeDir, codexDir, expected };
}
