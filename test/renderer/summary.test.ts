import { describe, expect, it } from 'vitest';
import { summarize } from '../../renderer/model/summary';
import { worstLevel } from '../../renderer/model/levels';
import { sessionView } from './session-view';

const dayStart = Date.parse('2026-11-21T00:00:00.000Z');

describe('summarize', () => {
  const sessions = [
    sessionView('a', { status: 'running', level: 'critical', context: { percent: 91.2 }, costUsd: 2.5, lastActivityAt: '2026-11-21T09:00:00.000Z', tokens: { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 1_200_000 } }),
    sessionView('b', { status: 'running', level: 'warning', context: { percent: 75 }, costUsd: null, lastActivityAt: '2026-11-21T10:00:00.000Z', tokens: { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 300_000 } }),
    sessionView('c', { status: 'idle', context: { percent: 20 }, costUsd: 9, lastActivityAt: '2026-11-20T23:59:59.000Z', tokens: { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 5_000_000 } }),
    sessionView('d', { status: 'ended', context: { percent: null }, lastActivityAt: null }),
  ];

  it('counts statuses and alerts, finds the fullest context and the worst level', () => {
    const summary = summarize(sessions, dayStart);
    expect(summary).toMatchObject({ total: 4, running: 2, idle: 1, ended: 1, alerts: 2, worst: 'critical' });
    expect(summary.highest).toEqual({ sessionId: 'a', percent: 91.2, level: 'critical' });
  });

  it('totals only sessions active since local midnight; cost sums the known prices', () => {
    // a and b were active today (1.2M + 300k tokens); c's last activity was one second before midnight.
    expect(summarize(sessions, dayStart).today).toEqual({ sessions: 2, tokens: 1_500_000, costUsd: 2.5 });
  });

  it('has no highest and no cost when nothing is known', () => {
    const summary = summarize([sessionView('x', { lastActivityAt: '2026-11-21T08:00:00.000Z' })], dayStart);
    expect(summary.highest).toBeNull();
    expect(summary.today).toEqual({ sessions: 1, tokens: 0, costUsd: null });
    expect(summary.worst).toBe('ok');
  });
});

describe('worstLevel', () => {
  it('ranks compact-soon above critical above warning', () => {
    expect(worstLevel(['warning', 'compact-soon', 'critical'])).toBe('compact-soon');
    expect(worstLevel(['ok', 'warning'])).toBe('warning');
    expect(worstLevel([])).toBe('ok');
  });
});
