/** Bench options: sizes with units, defaults, and clear messages for bad input. */
import { describe, expect, it } from 'vitest';
import { parseArgs, parseSize } from './args';

describe('bench arguments', () => {
  it('defaults to the 1 GB corpus, 3 runs, 200 appends and 30 s of idling', () => {
    expect(parseArgs([])).toEqual({ bytes: 1e9, sizeLabel: '1g', seed: 1, runs: 3, appends: 200, idleSeconds: 30, profile: false, out: null });
  });

  it('reads sizes with k/m/g units', () => {
    expect(parseSize('1g')).toBe(1e9);
    expect(parseSize('200m')).toBe(2e8);
    expect(parseSize('1.5G')).toBe(1.5e9);
    expect(parseArgs(['--size', '50m', '--runs', '5', '--profile', '--out', 'r.md'])).toMatchObject({ bytes: 5e7, sizeLabel: '50m', runs: 5, profile: true, out: 'r.md' });
  });

  it('rejects bad values with a message naming the option', () => {
    expect(() => parseArgs(['--size', 'big'])).toThrow(/--size: expected a size/);
    expect(() => parseArgs(['--size', '10k'])).toThrow(/at least 1m/);
    expect(() => parseArgs(['--runs', '0'])).toThrow(/--runs: expected a positive whole number/);
    expect(() => parseArgs(['--runs'])).toThrow(/--runs needs a value/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option --fast/);
  });
});
