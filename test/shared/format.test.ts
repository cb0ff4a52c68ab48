import { describe, expect, it } from 'vitest';
import { formatAgo, formatBytes, formatCount, formatMinutes, formatPercent, formatTokens, formatUsd, projectLabel, UNKNOWN } from '../../shared/format';

describe('formatTokens', () => {
  it.each([
    [0, '0'],
    [950, '950'],
    [999.4, '999'],
    [999.6, '1k'],
    [1_000, '1k'],
    [12_345, '12.3k'],
    [99_940, '99.9k'],
    [99_960, '100k'],
    [123_456, '123k'],
    [999_400, '999k'],
    [999_600, '1M'],
    [1_234_567, '1.2M'],
    [33_900_000, '33.9M'],
    [2_500_000_000, '2.5B'],
    [-12_345, '-12.3k'],
  ])('%d → %s', (count, text) => expect(formatTokens(count)).toBe(text));

  it('prints unknown as a dash, never 0', () => {
    expect(formatTokens(null)).toBe(UNKNOWN);
    expect(formatTokens(Number.NaN)).toBe(UNKNOWN);
  });
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1_234_567, '1,234,567'],
    [-4_200, '-4,200'],
  ])('%d → %s', (count, text) => expect(formatCount(count)).toBe(text));
});

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.004, '<$0.01'],
    [0.005, '$0.01'],
    [4.561, '$4.56'],
    [999.99, '$999.99'],
    [1_234.5, '$1,235'],
  ])('%d → %s', (amount, text) => expect(formatUsd(amount)).toBe(text));

  it('prints an unknown price as a dash', () => expect(formatUsd(null)).toBe(UNKNOWN));
});

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [10, '10%'],
    [0.57 * 100, '57%'],
    [82.44, '82.4%'],
    [89.96, '89.9%'],
    [90, '90%'],
    [100, '100%'],
  ])('%d → %s', (percent, text) => expect(formatPercent(percent)).toBe(text));

  it('never rounds up past a threshold', () => expect(formatPercent(89.999)).toBe('89.9%'));
});

describe('formatMinutes', () => {
  it.each([
    [0.4, '<1 min'],
    [12.4, '12 min'],
    [60, '1 h'],
    [80, '1 h 20 min'],
    [24 * 60, '1 d'],
    [3 * 24 * 60 + 4 * 60 + 10, '3 d 4 h'],
  ])('%d → %s', (minutes, text) => expect(formatMinutes(minutes)).toBe(text));

  it('prints no estimate as a dash', () => {
    expect(formatMinutes(null)).toBe(UNKNOWN);
    expect(formatMinutes(-1)).toBe(UNKNOWN);
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');
  it.each([
    ['2026-11-21T11:59:30Z', 'just now'],
    ['2026-11-21T12:00:10Z', 'just now'],
    ['2026-11-21T11:57:00Z', '3 min ago'],
    ['2026-11-21T10:00:00Z', '2 h ago'],
    ['2026-11-20T10:00:00Z', 'yesterday'],
    ['2026-11-16T12:00:00Z', '5 days ago'],
    ['2026-09-03T08:00:00Z', '2026-09-03'],
  ])('%s → %s', (iso, text) => expect(formatAgo(iso, now)).toBe(text));

  it('prints a missing or unreadable time as a dash', () => {
    expect(formatAgo(null, now)).toBe(UNKNOWN);
    expect(formatAgo('not a time', now)).toBe(UNKNOWN);
  });
});

describe('formatBytes and projectLabel', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(2.3 * 1024 ** 3)).toBe('2.3 GiB');
  });

  it('names a project by its folder', () => {
    expect(projectLabel('/home/dev/work/spotter')).toBe('spotter');
    expect(projectLabel('C:\\Users\\dev\\api\\')).toBe('api');
    expect(projectLabel(null)).toBe(UNKNOWN);
  });
});
