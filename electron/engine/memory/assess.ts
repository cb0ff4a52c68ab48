/**
 * Is an agent process using too much memory, or leaking? Pure: the RSS samples and `now` come in.
 *
 * Guarantees:
 * - `overLimit` is exactly "the newest sample is above `warnBytes`" (settings.memory.warnMegabytes).
 * - `leak` needs evidence over a window, never one spike: enough samples (`minSamples`) covering most
 *   of the window (`minCoverage`), memory that keeps growing (at least `minRisingShare` of the steps
 *   between samples do not fall by more than `dipTolerance`), and a total growth of at least
 *   `minGrowthBytes` and `minGrowthShare` of where it started. A process that grows and then releases
 *   memory (a garbage collection, a finished build) is not a leak.
 *
 * Decision table (defaults: 30-minute window, 6 samples, 80% coverage, 80% rising, 100 MB and 25%):
 * | samples in window | covers | rising steps | growth           | leak |
 * |-------------------|--------|--------------|------------------|------|
 * | < 6               | any    | any          | any              | no   |
 * | ≥ 6               | < 80%  | any          | any              | no   |
 * | ≥ 6               | ≥ 80%  | < 80%        | any              | no   |
 * | ≥ 6               | ≥ 80%  | ≥ 80%        | < 100 MB or <25% | no   |
 * | ≥ 6               | ≥ 80%  | ≥ 80%        | ≥ 100 MB and 25% | yes  |
 */
export interface MemorySample {
  at: number;
  rssBytes: number;
}

export interface LeakRule {
  windowMs: number;
  minSamples: number;
  minCoverage: number;
  minRisingShare: number;
  /** A drop smaller than this share of the previous value still counts as not falling. */
  dipTolerance: number;
  minGrowthBytes: number;
  minGrowthShare: number;
}

export const DEFAULT_LEAK_RULE: LeakRule = {
  windowMs: 30 * 60_000,
  minSamples: 6,
  minCoverage: 0.8,
  minRisingShare: 0.8,
  dipTolerance: 0.02,
  minGrowthBytes: 100 * 1024 * 1024,
  minGrowthShare: 0.25,
};

export interface MemoryAssessment {
  rssBytes: number | null;
  overLimit: boolean;
  leak: boolean;
  /** Growth over the window's samples, per hour; null without two samples in the window. */
  growthBytesPerHour: number | null;
  /** Plain words for a warning, or null when all is well. */
  reason: string | null;
}

const MB = 1024 * 1024;

export function assessMemory(samples: readonly MemorySample[], warnBytes: number, now: number, rule: LeakRule = DEFAULT_LEAK_RULE): MemoryAssessment {
  const latest = samples.at(-1) ?? null;
  const rssBytes = latest?.rssBytes ?? null;
  const overLimit = rssBytes !== null && rssBytes > warnBytes;
  const window = samples.filter((s) => s.at >= now - rule.windowMs && s.at <= now);
  const first = window[0];
  const last = window.at(-1);
  const growth = first && last && last.at > first.at ? last.rssBytes - first.rssBytes : null;
  const growthBytesPerHour = growth === null ? null : (growth / (last!.at - first!.at)) * 3_600_000;
  const leak = growth !== null && isLeak(window, growth, rule);

  const reasons: string[] = [];
  if (overLimit) reasons.push(`uses ${Math.round(rssBytes! / MB)} MB, over the ${Math.round(warnBytes / MB)} MB limit`);
  if (leak) reasons.push(`memory grew by ${Math.round(growth! / MB)} MB over the last ${Math.round((last!.at - first!.at) / 60_000)} min without falling back`);
  return { rssBytes, overLimit, leak, growthBytesPerHour, reason: reasons.length > 0 ? reasons.join('; ') : null };
}

function isLeak(window: readonly MemorySample[], growth: number, rule: LeakRule): boolean {
  if (window.length < rule.minSamples) return false;
  const span = window.at(-1)!.at - window[0]!.at;
  if (span < rule.windowMs * rule.minCoverage) return false;
  let rising = 0;
  for (let i = 1; i < window.length; i += 1) {
    if (window[i]!.rssBytes >= window[i - 1]!.rssBytes * (1 - rule.dipTolerance)) rising += 1;
  }
  if (rising / (window.length - 1) < rule.minRisingShare) return false;
  return growth >= rule.minGrowthBytes && growth >= window[0]!.rssBytes * rule.minGrowthShare;
}
