import { describe, expect, it } from 'vitest';
import { recommend, type RecommendationInput } from '../../../electron/engine/policies/recommendations';
import { makeSession } from './make-session';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const notDue = { checkpoint: false, reasons: [], score: 0 };

function entry(
  id: string,
  level: RecommendationInput['level'],
  opts: Partial<{ percent: number; eta: number; status: 'running' | 'idle' | 'ended'; idleMin: number; due: string[] }> = {},
): RecommendationInput {
  return {
    session: makeSession({
      id,
      title: `task ${id}`,
      status: opts.status ?? 'running',
      lastActivityAt: ago(opts.idleMin ?? 1),
      context: { percent: opts.percent ?? 10, etaMinutes: opts.eta ?? null },
    }),
    level,
    decision: opts.due ? { checkpoint: true, reasons: opts.due, score: 1 } : notDue,
  };
}

describe('recommend', () => {
  it('advises restart for critical, warns on fast burn, checkpoints what is due and closes idle sessions', () => {
    const recs = recommend(
      [
        entry('idle', 'ok', { status: 'idle', idleMin: 150 }),
        entry('due', 'warning', { percent: 72, due: ['context at 72% (trigger 70%)'] }),
        entry('burn', 'warning', { percent: 80, eta: 12.4 }),
        entry('full', 'critical', { percent: 93.6 }),
        entry('done', 'critical', { percent: 99, status: 'ended' }),
        entry('calm', 'ok', { eta: 31 }),
      ],
      60,
      NOW,
    );
    expect(recs).toEqual([
      { sessionId: 'full', kind: 'checkpoint-and-restart', message: 'Session "task full" is at 94% of its context: checkpoint it and continue in a fresh session.' },
      { sessionId: 'burn', kind: 'fast-burn', message: 'Session "task burn" is burning context fast: auto-compact in about 12 min at the current rate.' },
      { sessionId: 'due', kind: 'checkpoint', message: 'Session "task due" is due a checkpoint: context at 72% (trigger 70%).' },
      { sessionId: 'idle', kind: 'close-idle', message: 'Session "task idle" has been idle for 2 h: close it to free memory, or resume it later.' },
    ]);
  });

  it('says compact-soon plainly and does not add a plain checkpoint on top of a restart', () => {
    const recs = recommend([entry('soon', 'compact-soon', { percent: 80, eta: 3, due: ['context at 80% (trigger 75%)'] })], 60, NOW);
    expect(recs).toEqual([
      { sessionId: 'soon', kind: 'checkpoint-and-restart', message: 'Session "task soon" is about to auto-compact and lose detail: checkpoint it and continue in a fresh session.' },
    ]);
  });

  it('counts a running session without activity for idleAfterMinutes as idle, not one minute earlier', () => {
    expect(recommend([entry('a', 'ok', { idleMin: 59 })], 60, NOW)).toEqual([]);
    expect(recommend([entry('a', 'ok', { idleMin: 60 })], 60, NOW)).toEqual([
      { sessionId: 'a', kind: 'close-idle', message: 'Session "task a" has been idle for 60 min: close it to free memory, or resume it later.' },
    ]);
  });
});
