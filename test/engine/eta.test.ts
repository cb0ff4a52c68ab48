/** Burn rate and time-to-full from a context series, with an injected clock. */
import { describe, expect, it } from 'vitest';
import { burnRate, etaMinutes } from '../../electron/engine/history/eta';

const MIN = 60_000;
const T0 = Date.parse('2026-11-21T10:00:00Z');
const point = (minute: number, usedTokens: number | null, compaction = false) => ({ at: T0 + minute * MIN, usedTokens, compaction });

describe('burn rate and ETA', () => {
  const growing = [point(0, 10_000), point(10, 30_000), point(20, 50_000)];

  it('measures tokens per minute over the recent window', () => {
    expect(burnRate(growing)).toBe(2000);
    // Points older than 30 minutes before the newest one do not count.
    expect(burnRate([point(0, 0), point(40, 100_000), point(50, 110_000)])).toBe(1000);
  });

  it('starts the window after the latest compaction', () => {
    expect(burnRate([point(0, 150_000), point(5, 160_000), point(6, 8_000, true), point(7, 9_000), point(9, 13_000)])).toBe(2000);
  });

  it('gives minutes to the limit while growing', () => {
    expect(etaMinutes(growing, 50_000, 167_000, T0 + 21 * MIN)).toBe(58.5);
  });

  it.each([
    ['not growing', [point(0, 50_000), point(10, 50_000)], 50_000, T0 + 11 * MIN, null],
    ['shrinking', [point(0, 60_000), point(10, 50_000)], 50_000, T0 + 11 * MIN, null],
    ['one point', [point(0, 50_000)], 50_000, T0 + MIN, null],
    ['quiet for longer than the window', growing, 50_000, T0 + 51 * MIN, null],
    ['already past the limit', growing, 170_000, T0 + 90 * MIN, 0],
    ['unknown usage', growing, null, T0 + 21 * MIN, null],
  ])('%s', (_name, events, used, now, expected) => {
    expect(etaMinutes(events, used, 167_000, now)).toBe(expected);
  });
});
