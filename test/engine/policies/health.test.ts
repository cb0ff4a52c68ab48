import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { healthOf, healthStatus } from '../../../electron/engine/policies/health';
import { makeSession } from './make-session';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const weights = DEFAULT_SETTINGS.health;

describe('healthOf', () => {
  it('puts every factor at its midpoint → 50 (warning)', () => {
    // context 50% → 50; 4.5 h running: (4.5−1)/(8−1) = ½ → 50; idle 62.5 min: (62.5−5)/(120−5) = ½ → 50;
    // 5 errors in 40 tool calls = 12.5% of the 25% limit → 50.
    const session = makeSession({
      context: { percent: 50 },
      startedAt: ago(270),
      lastActivityAt: ago(62.5),
      activity: { toolCalls: 40, errors: 5 },
    });
    expect(healthOf(session, weights, NOW)).toEqual({
      score: 50,
      status: 'warning',
      breakdown: { context: 50, duration: 50, idle: 50, errors: 50 },
    });
  });

  it('scores a fresh, active, clean session by its context only', () => {
    const session = makeSession({ context: { percent: 20 }, startedAt: ago(30), lastActivityAt: ago(1) });
    // 80 × 0.4 + 100 × 0.6 = 92
    expect(healthOf(session, weights, NOW)).toMatchObject({ score: 92, status: 'healthy' });
  });

  it.each([
    [75, 70, 'healthy'], // 25 × 0.4 + 60 = 70
    [76.3, 69, 'warning'], // 23.7 × 0.4 + 60 = 69.48
    [100, 60, 'warning'],
  ] as const)('context %s%% alone → score %s (%s)', (percent, score, status) => {
    const session = makeSession({ context: { percent }, startedAt: ago(0), lastActivityAt: ago(0) });
    expect(healthOf(session, weights, NOW)).toMatchObject({ score, status });
  });

  it('falls to critical when everything is stale', () => {
    const session = makeSession({
      context: { percent: 95 },
      startedAt: ago(8 * 60),
      lastActivityAt: ago(120),
      activity: { toolCalls: 4, errors: 1 },
    });
    // 5 × 0.4 + 0 + 0 + 0 = 2
    expect(healthOf(session, weights, NOW)).toEqual({
      score: 2,
      status: 'critical',
      breakdown: { context: 5, duration: 0, idle: 0, errors: 0 },
    });
  });

  it('treats unknown figures as healthy and future times as now (clock skew)', () => {
    expect(healthOf(makeSession(), weights, NOW)).toMatchObject({ score: 100, breakdown: { context: 100, duration: 100, idle: 100, errors: 100 } });
    const skewed = makeSession({ startedAt: ago(-600), lastActivityAt: ago(-5) });
    expect(healthOf(skewed, weights, NOW).breakdown).toMatchObject({ duration: 100, idle: 100 });
  });

  it('keeps the fresh bounds inclusive', () => {
    const session = makeSession({ startedAt: ago(60), lastActivityAt: ago(5) });
    expect(healthOf(session, weights, NOW).breakdown).toMatchObject({ duration: 100, idle: 100 });
    const later = makeSession({ startedAt: ago(60 + 42), lastActivityAt: ago(5 + 11.5) });
    // 42 min past the 1 h bound of a 7 h slope = 10% down; 11.5 min past 5 min of a 115 min slope = 10% down.
    const breakdown = healthOf(later, weights, NOW).breakdown;
    expect(breakdown.duration).toBeCloseTo(90, 10);
    expect(breakdown.idle).toBeCloseTo(90, 10);
  });

  it('rates errors per assistant message when no tool ran, and errors without attempts as 0', () => {
    expect(healthOf(makeSession({ activity: { assistantMessages: 8, errors: 1 } }), weights, NOW).breakdown.errors).toBe(50);
    expect(healthOf(makeSession({ activity: { errors: 2 } }), weights, NOW).breakdown.errors).toBe(0);
  });

  it('uses the configured weights', () => {
    const session = makeSession({ context: { percent: 30 }, startedAt: ago(8 * 60) });
    expect(healthOf(session, { context: 1, duration: 0, idle: 0, errors: 0 }, NOW).score).toBe(70);
    expect(healthOf(session, { context: 1, duration: 1, idle: 0, errors: 0 }, NOW).score).toBe(35);
    expect(healthOf(session, { context: 0, duration: 0, idle: 0, errors: 0 }, NOW).score).toBe(100);
  });
});

describe('healthStatus boundaries', () => {
  it.each([
    [100, 'healthy'],
    [70, 'healthy'],
    [69, 'warning'],
    [40, 'warning'],
    [39, 'critical'],
    [0, 'critical'],
  ] as const)('%s → %s', (score, status) => expect(healthStatus(score)).toBe(status));
});
