import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import {
  autoCheckpointAllowed,
  checkpointQueue,
  decideCheckpoint,
  type CheckpointDecisionInput,
} from '../../../electron/engine/policies/checkpoint-decision';
import { makeSession } from './make-session';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const MIN = 60_000;
const ago = (minutes: number) => new Date(NOW - minutes * MIN).toISOString();
const policy = DEFAULT_SETTINGS.checkpoint;

function input(opts: {
  percent?: number | null;
  files?: number;
  filesAtLast?: number;
  lastCheckpointMinAgo?: number | null;
  activityMinAgo?: number | null;
  startedMinAgo?: number | null;
}): CheckpointDecisionInput {
  const last = opts.lastCheckpointMinAgo ?? null;
  return {
    session: makeSession({
      context: { percent: opts.percent ?? null },
      activity: { filesModified: opts.files ?? 0 },
      lastActivityAt: opts.activityMinAgo === null ? null : ago(opts.activityMinAgo ?? 1),
      startedAt: opts.startedMinAgo == null ? null : ago(opts.startedMinAgo),
    }),
    lastCheckpointAt: last === null ? null : NOW - last * MIN,
    filesModifiedAtLastCheckpoint: opts.filesAtLast ?? 0,
  };
}

describe('decideCheckpoint: single factors at their trigger', () => {
  it('context at 75% triggers, 74.9% alone does not', () => {
    expect(decideCheckpoint(input({ percent: 75, activityMinAgo: 0 }), policy, NOW)).toEqual({
      checkpoint: true,
      reasons: ['context at 75% (trigger 75%)'],
      score: 0.5,
    });
    const below = decideCheckpoint(input({ percent: 74.9, activityMinAgo: 0 }), policy, NOW);
    expect(below.checkpoint).toBe(false);
    expect(below.reasons).toEqual(['weighted score 0.50 is below 1.0']);
  });

  it('counts files since the last checkpoint, not since the start', () => {
    // 60 min since the last checkpoint: time factor 0.5 × 0.3 = 0.15; files 15/15 × 0.4 = 0.4; idle 1/30 × 0.2.
    const due = decideCheckpoint(input({ files: 20, filesAtLast: 5, lastCheckpointMinAgo: 60 }), policy, NOW);
    expect(due.checkpoint).toBe(true);
    expect(due.reasons).toEqual(['15 files modified since the last checkpoint (trigger 15)']);
    expect(due.score).toBeCloseTo(0.15 + 0.4 + 0.2 / 30, 2);
    expect(decideCheckpoint(input({ files: 19, filesAtLast: 5, lastCheckpointMinAgo: 60 }), policy, NOW).checkpoint).toBe(false);
  });

  it('counts time from the session start when there is no checkpoint yet', () => {
    const decision = decideCheckpoint(input({ startedMinAgo: 120 }), policy, NOW);
    expect(decision.checkpoint).toBe(true);
    expect(decision.reasons).toEqual(['2 h since the session started without a checkpoint (trigger 2 h)']);
    expect(decideCheckpoint(input({ startedMinAgo: 119 }), policy, NOW).checkpoint).toBe(false);
  });

  it('idle for 30 min triggers', () => {
    const decision = decideCheckpoint(input({ activityMinAgo: 30 }), policy, NOW);
    expect(decision).toMatchObject({ checkpoint: true, reasons: ['idle for 30 min (trigger 30 min)'] });
  });
});

describe('decideCheckpoint: weighted sum', () => {
  it('triggers at 1.02 and not at 0.98', () => {
    // time 72/120 = 0.6 × 0.3 = 0.18; files 9/15 = 0.6 × 0.4 = 0.24; idle 24/30 = 0.8 × 0.2 = 0.16
    // context 66/75 = 0.88 × 0.5 = 0.44 → 1.02;  context 60/75 = 0.8 × 0.5 = 0.40 → 0.98
    const base = { files: 9, lastCheckpointMinAgo: 72, activityMinAgo: 24 };
    expect(decideCheckpoint(input({ ...base, percent: 66 }), policy, NOW)).toEqual({
      checkpoint: true,
      reasons: ['weighted score 1.02 reached 1.0'],
      score: 1.02,
    });
    expect(decideCheckpoint(input({ ...base, percent: 60 }), policy, NOW)).toMatchObject({ checkpoint: false, score: 0.98 });
  });

  it('uses configured weights and triggers', () => {
    const custom = { ...policy, contextPercent: 50, weights: { time: 0, files: 0, context: 2, idle: 0 } };
    // 30/50 × 2 = 1.2
    expect(decideCheckpoint(input({ percent: 30 }), custom, NOW)).toMatchObject({ checkpoint: true, score: 1.2 });
  });
});

describe('decideCheckpoint: cooldown and clock edges', () => {
  it('never checkpoints within the cooldown, and does at exactly its end', () => {
    const inside = decideCheckpoint(input({ percent: 80, lastCheckpointMinAgo: 29.99, activityMinAgo: 1 }), policy, NOW);
    expect(inside.checkpoint).toBe(false);
    expect(inside.reasons).toEqual(['cooldown: last checkpoint 29 min ago (cooldown 30 min)', 'context at 80% (trigger 75%)']);
    expect(decideCheckpoint(input({ percent: 80, lastCheckpointMinAgo: 30, activityMinAgo: 1 }), policy, NOW).checkpoint).toBe(true);
  });

  it('treats a checkpoint in the future (clock moved back) as just now', () => {
    const decision = decideCheckpoint(input({ percent: 95, lastCheckpointMinAgo: -10, activityMinAgo: 1 }), policy, NOW);
    expect(decision.checkpoint).toBe(false);
    expect(decision.reasons[0]).toBe('cooldown: last checkpoint 0 min ago (cooldown 30 min)');
  });

  it('does not checkpoint again when nothing happened since the last one', () => {
    const decision = decideCheckpoint(input({ lastCheckpointMinAgo: 180, activityMinAgo: 185 }), policy, NOW);
    expect(decision.checkpoint).toBe(false);
    expect(decision.reasons[0]).toBe('nothing happened since the last checkpoint');
  });

  it('with a zero cooldown, only the "nothing new" rule holds it back', () => {
    const noCooldown = { ...policy, cooldownMinutes: 0 };
    expect(decideCheckpoint(input({ percent: 80, lastCheckpointMinAgo: 0.5, activityMinAgo: 0.1 }), noCooldown, NOW).checkpoint).toBe(true);
  });
});

describe('autoCheckpointAllowed', () => {
  const yes = { checkpoint: true, reasons: [], score: 1 };
  const no = { checkpoint: false, reasons: [], score: 0 };
  it.each([
    ['due, critical', yes, 'critical', policy, true],
    ['due, compact-soon', yes, 'compact-soon', policy, true],
    ['due, warning, only-critical on', yes, 'warning', policy, false],
    ['due, warning, only-critical off', yes, 'warning', { ...policy, autoOnlyCritical: false }, true],
    ['due, critical, auto off', yes, 'critical', { ...policy, auto: false }, false],
    ['not due, critical', no, 'critical', policy, false],
  ] as const)('%s → %s', (_label, decision, level, p, expected) => {
    expect(autoCheckpointAllowed(decision, level, p)).toBe(expected);
  });
});

describe('checkpointQueue', () => {
  it('puts the oldest checkpoint first, never-checkpointed before all, and drops sessions not due', () => {
    const due = (score: number) => ({ checkpoint: true, reasons: [], score });
    const queue = checkpointQueue([
      { sessionId: 'recent', lastCheckpointAt: NOW - 40 * MIN, decision: due(1) },
      { sessionId: 'not-due', lastCheckpointAt: null, decision: { checkpoint: false, reasons: [], score: 0.2 } },
      { sessionId: 'old', lastCheckpointAt: NOW - 300 * MIN, decision: due(1) },
      { sessionId: 'never-b', lastCheckpointAt: null, decision: due(1) },
      { sessionId: 'never-a', lastCheckpointAt: null, decision: due(1) },
      { sessionId: 'never-high', lastCheckpointAt: null, decision: due(1.3) },
    ]);
    expect(queue.map((c) => c.sessionId)).toEqual(['never-high', 'never-a', 'never-b', 'old', 'recent']);
  });
});
