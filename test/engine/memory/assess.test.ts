/**
 * The memory policy as a table: RSS series sampled every 5 minutes (the values in MB), a 2 GB limit,
 * `now` at the last sample. Each row states its expected verdict, worked out from the rule by hand.
 */
import { describe, expect, it } from 'vitest';
import { assessMemory, type MemorySample } from '../../../electron/engine/memory/assess';
import { MemoryWatch } from '../../../electron/engine/memory/watch';

const MB = 1024 * 1024;
const MIN = 60_000;
const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const LIMIT = 2048 * MB;

/** Samples ending at NOW, `stepMin` minutes apart, values in MB. */
function series(mb: number[], stepMin = 5): MemorySample[] {
  return mb.map((value, i) => ({ at: NOW - (mb.length - 1 - i) * stepMin * MIN, rssBytes: value * MB }));
}

describe('assessMemory', () => {
  it.each([
    ['steady growth of 300 MB from 1 GB over 30 min', true, series([1000, 1050, 1100, 1150, 1200, 1250, 1300])],
    ['the same growth in only 5 samples', false, series([1000, 1075, 1150, 1225, 1300], 7.5)],
    ['growth over 20 of the 30 minutes only (too little of the window)', false, series([1000, 1060, 1120, 1180, 1240, 1300], 4)],
    ['growth with two collections on the way (falls back twice)', false, series([1000, 1200, 900, 1100, 850, 1150, 1300])],
    ['one dip in seven steps still counts as growing', true, series([1000, 1100, 1200, 900, 1000, 1100, 1300])],
    ['growth of only 80 MB', false, series([1000, 1010, 1030, 1040, 1060, 1070, 1080])],
    ['150 MB on a 1 GB process (under 25 %)', false, series([1000, 1025, 1050, 1075, 1100, 1125, 1150])],
    ['120 MB on a 200 MB process (over 100 MB and 25 %)', true, series([200, 220, 240, 260, 280, 300, 320])],
    ['flat now, although it grew an hour ago (outside the window)', false, series([500, 600, 700, 800, 900, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000])],
  ])('%s → leak: %s', (_what, leak, samples) => {
    expect(assessMemory(samples, LIMIT, NOW).leak).toBe(leak);
  });

  it('reports the growth rate and both reasons for a large, growing process', () => {
    const result = assessMemory(series([1600, 1680, 1760, 1850, 1930, 2020, 2100]), LIMIT, NOW);
    expect(result).toEqual({
      rssBytes: 2100 * MB,
      overLimit: true,
      leak: true,
      growthBytesPerHour: 1000 * MB,
      reason: 'uses 2100 MB, over the 2048 MB limit; memory grew by 500 MB over the last 30 min without falling back',
    });
  });

  it('says nothing without samples', () => {
    expect(assessMemory([], LIMIT, NOW)).toEqual({ rssBytes: null, overLimit: false, leak: false, growthBytesPerHour: null, reason: null });
  });
});

describe('MemoryWatch', () => {
  const live = (pid: number, mb: number) => ({ agent: 'claude-code' as const, id: 's1', pid, process: { rssBytes: mb * MB, cpuPercent: 1 } });

  it('builds a series per session from snapshots and flags the leak once 6 samples cover 80 % of the window', () => {
    const watch = new MemoryWatch();
    const verdicts: boolean[] = [];
    [1000, 1050, 1100, 1150, 1200, 1250, 1300].forEach((mb, i) => {
      verdicts.push(watch.observe([live(42, mb)], LIMIT, NOW + i * 5 * MIN).get('claude-code:s1')!.leak);
    });
    // The 6th sample (25 min, +250 MB = 25 % of 1 GB) is the first that meets every condition.
    expect(verdicts).toEqual([false, false, false, false, false, true, true]);
  });

  it('starts over when the session gets a new process, and forgets sessions no longer seen', () => {
    const watch = new MemoryWatch();
    [1000, 1050, 1100, 1150, 1200, 1250].forEach((mb, i) => watch.observe([live(42, mb)], LIMIT, NOW + i * 5 * MIN));
    expect(watch.observe([live(43, 1300)], LIMIT, NOW + 30 * MIN).get('claude-code:s1')).toMatchObject({ leak: false, growthBytesPerHour: null });
    expect(watch.observe([], LIMIT, NOW + 35 * MIN).size).toBe(0);
    expect(watch.observe([live(43, 1300)], LIMIT, NOW + 40 * MIN).get('claude-code:s1')).toMatchObject({ growthBytesPerHour: null });
  });

  it('merges samples closer than 5 s (the newest wins)', () => {
    const watch = new MemoryWatch();
    watch.observe([live(42, 1000)], LIMIT, NOW);
    watch.observe([live(42, 1100)], LIMIT, NOW + 1000);
    expect(watch.observe([live(42, 1200)], LIMIT, NOW + 10_000).get('claude-code:s1')!.growthBytesPerHour).toBe(((100 * MB) / 9000) * 3_600_000);
  });
});
