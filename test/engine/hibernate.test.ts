/**
 * Sleeping sessions (SessionState): putting every session to sleep changes nothing a snapshot shows,
 * and a session whose transcript grows while asleep wakes with exactly the state it had.
 */
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { scanStatus } from '../../electron/engine/scan';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, GEMINI_FIXTURES, tempDir } from '../support/paths';

const NOW = Date.parse('2026-11-21T12:30:00Z');
const dir = tempDir();
afterAll(() => dir.cleanup());
const roots = { claudeDirs: [join(dir.path, 'claude')], codexDirs: [join(dir.path, 'codex')], geminiDirs: [join(dir.path, 'gemini')], now: () => NOW };
cpSync(CLAUDE_FIXTURES, roots.claudeDirs[0]!, { recursive: true });
cpSync(CODEX_FIXTURES, roots.codexDirs[0]!, { recursive: true });
cpSync(GEMINI_FIXTURES, roots.geminiDirs[0]!, { recursive: true });

describe('sleeping sessions', () => {
  it('sleep changes no snapshot, and a woken session continues exactly', async () => {
    const engine = new Engine(roots);
    await engine.scan();
    const before = engine.list();
    expect(engine.hibernate(0)).toBe(10);
    expect(engine.list()).toEqual(before);
    expect(engine.history('claude-code:4d5611e5-241a-462a-8d15-5122611a9569').length).toBeGreaterThan(10);

    for (const [file, agent] of [
      [join(roots.claudeDirs[0]!, 'projects', '-home-marco-projects-spotter', '4d5611e5-241a-462a-8d15-5122611a9569.jsonl'), 'claude'],
      [join(roots.codexDirs[0]!, 'sessions', '2026', '11', '21', 'rollout-2026-11-21T11-28-09-01a1fddd-208c-7e92-bd2c-7bebf7c40be2.jsonl'), 'codex'],
    ] as const) {
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      // Re-append the file's own last usage record with new ids: the dedupe maps must have survived sleep.
      const last = lines.findLast((l) => (agent === 'claude' ? l.includes('"type":"assistant"') && l.includes('"usage"') : l.includes('"token_count"') && !l.includes('"info":null')))!;
      appendFileSync(file, `${last}\n${agent === 'claude' ? last.replace(/"id":"msg_[^"]+"/, '"id":"msg_after_sleep"') : last}\n`);
      await engine.update(file);
    }
    engine.hibernate(0);
    const cold = await scanStatus({ ...roots, processes: false });
    expect(engine.list()).toEqual(cold.sessions);
  });

  it('a scan that puts quiet sessions to sleep as it goes (the Monitor) shows exactly what a plain scan shows', async () => {
    const plain = new Engine(roots);
    await plain.scan();
    const sleepy = new Engine(roots);
    await sleepy.scan(undefined, { sleepAfterMs: 60 * 60_000 });
    const keys = sleepy.keys();
    expect(keys.length).toBeGreaterThan(5);
    // Every fixture session was last active more than an hour before NOW. Claude Code and Codex files
    // name their session, so each sleeps right after its files are read; a Gemini chat names it only
    // inside, so it is read last and left for the hibernate that follows the scan.
    const awake = keys.filter((key) => !sleepy.entry(key)!.state.asleep);
    expect(awake.length).toBeGreaterThan(0);
    expect(awake.every((key) => key.startsWith('gemini-cli:'))).toBe(true);
    expect(keys.filter((key) => !key.startsWith('gemini-cli:')).length).toBeGreaterThan(5);
    expect(sleepy.list()).toEqual(plain.list());
  });
});
