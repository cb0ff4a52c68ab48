/**
 * When the usage check tells the agent: once on entering a level above what it was last told, again
 * only after the level fell and rose again. The table covers every (last told, now) pair.
 */
import { describe, expect, it } from 'vitest';
import type { Level } from '../../../shared/policy';
import { refComponent } from '../../../electron/engine/checkpoints/git-snapshot';
import { sessionFileName } from '../../../electron/engine/hooks/file-name';
import { nextWarning } from '../../../electron/engine/hooks/hook-state';

/** [last told, level now, tell?, remembered afterwards] */
const TABLE: [Level, Level, boolean, Level][] = [
  ['ok', 'ok', false, 'ok'],
  ['ok', 'warning', true, 'warning'],
  ['ok', 'critical', true, 'critical'],
  ['ok', 'compact-soon', true, 'compact-soon'],
  ['warning', 'ok', false, 'ok'],
  ['warning', 'warning', false, 'warning'],
  ['warning', 'critical', true, 'critical'],
  ['warning', 'compact-soon', true, 'compact-soon'],
  ['critical', 'ok', false, 'ok'],
  ['critical', 'warning', false, 'warning'],
  ['critical', 'critical', false, 'critical'],
  ['critical', 'compact-soon', true, 'compact-soon'],
  ['compact-soon', 'ok', false, 'ok'],
  ['compact-soon', 'warning', false, 'warning'],
  ['compact-soon', 'critical', false, 'critical'],
  ['compact-soon', 'compact-soon', false, 'compact-soon'],
];

describe('nextWarning', () => {
  it.each(TABLE)('last told %s, now %s: tell %s, remember %s', (told, now, tell, remembered) => {
    expect(nextWarning({ warnedLevel: told, extendedContext: false }, now)).toEqual({ tell, warnedLevel: remembered });
  });

  it('a session that hovers at warning is told once, and again after a compaction brought it back down', () => {
    let state = { warnedLevel: 'ok' as Level, extendedContext: false };
    const told: boolean[] = [];
    for (const level of ['ok', 'warning', 'warning', 'warning', 'ok', 'warning', 'critical', 'critical'] as Level[]) {
      const next = nextWarning(state, level);
      told.push(next.tell);
      state = { ...state, warnedLevel: next.warnedLevel };
    }
    expect(told).toEqual([false, true, false, false, false, true, true, false]);
  });
});

describe('sessionFileName', () => {
  it.each(['0a7c2f5e-1111-4aaa-8bbb-000000000001', '../../etc/passwd', 'a b:c/d\\e', 'ünïcödé', ''])('maps %j exactly as the checkpoints do', (id) => {
    expect(sessionFileName(id)).toBe(refComponent(id));
  });
});
