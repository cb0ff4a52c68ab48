import { describe, expect, it } from 'vitest';
import type { Level } from '../../../shared/policy';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { countCrossings, crossedLevels, levelOf, NO_CROSSINGS, transition } from '../../../electron/engine/policies/thresholds';
import { claudeContext, makeSession } from './make-session';

const thresholds = DEFAULT_SETTINGS.thresholds;
const withPercent = (percent: number | null) => makeSession({ context: { percent } });

describe('levelOf', () => {
  it.each([
    [null, 'ok'],
    [0, 'ok'],
    [69.999, 'ok'],
    [70, 'warning'],
    [89.999, 'warning'],
    [90, 'critical'],
    [100, 'critical'],
  ] as const)('percent %s → %s (no auto-compact point known)', (percent, level) => {
    expect(levelOf(withPercent(percent), thresholds)).toBe(level);
  });

  it('is compact-soon from autoCompactAtTokens − margin, whatever the percent', () => {
    // 167,000 − 10,000 = 157,000 tokens = 78.5% of 200k.
    expect(levelOf(makeSession({ context: claudeContext(156_999) }), thresholds)).toBe('warning');
    expect(levelOf(makeSession({ context: claudeContext(157_000) }), thresholds)).toBe('compact-soon');
    expect(levelOf(makeSession({ context: claudeContext(199_000) }), thresholds)).toBe('compact-soon');
  });

  it('honours configured thresholds and margin', () => {
    const custom = { warningPercent: 50, criticalPercent: 60, compactSoonMarginTokens: 0 };
    expect(levelOf(withPercent(49.9), custom)).toBe('ok');
    expect(levelOf(withPercent(50), custom)).toBe('warning');
    expect(levelOf(withPercent(60), custom)).toBe('critical');
    expect(levelOf(makeSession({ context: claudeContext(166_999) }), custom)).toBe('critical');
    expect(levelOf(makeSession({ context: claudeContext(167_000) }), custom)).toBe('compact-soon');
  });

  it('needs both token figures for compact-soon', () => {
    expect(levelOf(makeSession({ context: { usedTokens: 190_000, autoCompactAtTokens: null, percent: 10 } }), thresholds)).toBe('ok');
    expect(levelOf(makeSession({ context: { usedTokens: null, autoCompactAtTokens: 1000, percent: 10 } }), thresholds)).toBe('ok');
  });
});

describe('transition (exhaustive)', () => {
  const levels: Level[] = ['ok', 'warning', 'critical', 'compact-soon'];
  const rank = (level: Level) => levels.indexOf(level);
  const cases: [Level | undefined, Level, string][] = [];
  for (const prev of [undefined, ...levels]) {
    for (const curr of levels) {
      const expected = prev === undefined || prev === curr ? 'none' : rank(curr) > rank(prev) ? 'crossed' : 'recovered';
      cases.push([prev, curr, expected]);
    }
  }

  it('has 20 cases', () => expect(cases).toHaveLength(20));
  it.each(cases)('%s → %s is %s', (prev, curr, expected) => {
    expect(transition(prev, curr)).toBe(expected);
  });

  it('fires once on entry and re-arms only after dropping below', () => {
    const path: Level[] = ['ok', 'warning', 'warning', 'critical', 'critical', 'warning', 'critical', 'ok'];
    const fired = path.slice(1).map((curr, i) => (transition(path[i], curr) === 'crossed' ? curr : null));
    expect(fired).toEqual(['warning', null, 'critical', null, null, 'critical', null]);
  });
});

describe('crossedLevels and countCrossings', () => {
  it('lists every threshold passed on the way up', () => {
    expect(crossedLevels('ok', 'critical')).toEqual(['warning', 'critical']);
    expect(crossedLevels('warning', 'compact-soon')).toEqual(['critical', 'compact-soon']);
    expect(crossedLevels(undefined, 'critical')).toEqual([]);
    expect(crossedLevels('critical', 'ok')).toEqual([]);
  });

  it('counts crossings along a path, none for the start-up state', () => {
    const path: (Level | undefined)[] = [undefined, 'critical', 'ok', 'warning', 'ok', 'compact-soon', 'warning', 'critical'];
    let counts = NO_CROSSINGS;
    for (let i = 1; i < path.length; i += 1) counts = countCrossings(counts, path[i - 1], path[i] as Level);
    // ok→warning (w), ok→compact-soon (w, c, cs), warning→critical (c)
    expect(counts).toEqual({ warning: 2, critical: 2, 'compact-soon': 1 });
    expect(NO_CROSSINGS).toEqual({ warning: 0, critical: 0, 'compact-soon': 0 });
  });
});
