/** CPU share over the interval between samples, and when it falls back to ps's figure. */
import { describe, expect, it } from 'vitest';
import { CpuMeter } from '../../../electron/engine/processes/cpu';

describe('CpuMeter', () => {
  it('first sample uses the fallback; later ones the CPU seconds used over the interval', () => {
    const meter = new CpuMeter();
    expect(meter.percent(7, { identity: 'a', cpuSeconds: 10, atMs: 1_000, fallbackPercent: 3.5 })).toBe(3.5);
    // 1.5 CPU seconds in 5 wall seconds = 30% of one core.
    expect(meter.percent(7, { identity: 'a', cpuSeconds: 11.5, atMs: 6_000, fallbackPercent: 3.5 })).toBeCloseTo(30, 10);
    // Two cores' worth: 4 CPU seconds in 2 s.
    expect(meter.percent(7, { identity: 'a', cpuSeconds: 15.5, atMs: 8_000, fallbackPercent: 3.5 })).toBeCloseTo(200, 10);
  });

  it('a new process with a reused pid starts over from the fallback', () => {
    const meter = new CpuMeter();
    meter.percent(7, { identity: 'a', cpuSeconds: 10, atMs: 1_000, fallbackPercent: null });
    expect(meter.percent(7, { identity: 'b', cpuSeconds: 0.2, atMs: 2_000, fallbackPercent: 1 })).toBe(1);
  });

  it('forgets processes it no longer sees', () => {
    const meter = new CpuMeter();
    meter.percent(7, { identity: 'a', cpuSeconds: 10, atMs: 1_000, fallbackPercent: null });
    meter.keepOnly(new Set());
    expect(meter.percent(7, { identity: 'a', cpuSeconds: 11, atMs: 2_000, fallbackPercent: null })).toBeNull();
  });

  it('without CPU seconds (macOS, Windows) reports the fallback', () => {
    expect(new CpuMeter().percent(7, { identity: 'a', cpuSeconds: null, atMs: 1, fallbackPercent: 12 })).toBe(12);
  });
});
