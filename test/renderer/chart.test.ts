import { describe, expect, it } from 'vitest';
import { CHART_PADDING, chartGeometry, niceStep, type ChartInput } from '../../renderer/model/chart';

// A 400×140 chart: the plot spans x 44…392 (348 px) and y 8…120 (112 px).
const base: ChartInput = {
  history: [
    { at: 0, usedTokens: 0 },
    { at: 600_000, usedTokens: 100_000 },
    { at: 1_200_000, usedTokens: 200_000 },
  ],
  compactionsAt: [900_000],
  windowTokens: 200_000,
  autoCompactAtTokens: 167_000,
  warningPercent: 70,
  criticalPercent: 90,
  width: 400,
  height: 140,
};

describe('chartGeometry', () => {
  it('maps time to x and tokens to y within the padding, the window at the top', () => {
    const geometry = chartGeometry(base);
    expect(CHART_PADDING).toEqual({ left: 44, right: 8, top: 8, bottom: 20 });
    expect(geometry.yMax).toBe(200_000);
    // (0,0) → bottom left; (10 min, 100k) → middle; (20 min, 200k) → top right.
    expect(geometry.line).toBe('M44,120L218,64L392,8');
    expect(geometry.area).toBe('M44,120L218,64L392,8L392,120L44,120Z');
  });

  it('draws warning and critical at their share of the window and auto-compact at its tokens', () => {
    const lines = chartGeometry(base).lines;
    // 70% of 200k = 140k → y = 8 + 112 − 0.7 × 112 = 41.6; 90% → 19.2; 167k → 26.5.
    expect(lines.map(({ kind, y, tokens }) => ({ kind, y, tokens }))).toEqual([
      { kind: 'warning', y: 41.6, tokens: 140_000 },
      { kind: 'critical', y: 19.2, tokens: 180_000 },
      { kind: 'auto-compact', y: 26.5, tokens: 167_000 },
    ]);
  });

  it('moves a label below its line when the label above would overlap it', () => {
    const byKind = Object.fromEntries(chartGeometry(base).lines.map((line) => [line.kind, line.labelY]));
    // critical (top) sits above its line at 16.2; auto-compact's 23.5 would overlap, so it goes under at 37.5;
    // warning's 38.6 would overlap that, so it goes under its own line too, at 52.6.
    expect(byKind).toEqual({ critical: 16.2, 'auto-compact': 37.5, warning: 52.6 });
  });

  it('puts a compaction marker at its time', () => {
    expect(chartGeometry(base).compactions).toEqual([{ x: 305, at: 900_000 }]);
  });

  it('scales to the peak when the window is unknown, and gives one point a two-minute span', () => {
    const geometry = chartGeometry({ ...base, windowTokens: null, autoCompactAtTokens: null, history: [{ at: 120_000, usedTokens: 50_000 }], compactionsAt: [] });
    expect(geometry.yMax).toBe(55_000);
    expect(geometry.lines).toEqual([]);
    expect(geometry.line).toBe('M218,18.2');
    expect(geometry.xTicks.map((tick) => tick.at)).toEqual([60_000, 120_000, 180_000]);
  });

  it('has empty paths with no history', () => {
    const geometry = chartGeometry({ ...base, history: [], compactionsAt: [] });
    expect(geometry.line).toBe('');
    expect(geometry.area).toBe('');
  });

  it('labels the y axis in 1-2-5 steps', () => {
    expect(niceStep(200_000, 4)).toBe(50_000);
    expect(niceStep(1_048_576, 4)).toBe(500_000);
    expect(niceStep(55_000, 4)).toBe(20_000);
    expect(chartGeometry(base).yTicks.map((tick) => tick.tokens)).toEqual([0, 50_000, 100_000, 150_000, 200_000]);
  });
});
