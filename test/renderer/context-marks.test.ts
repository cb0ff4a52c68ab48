import { describe, expect, it } from 'vitest';
import { contextMarks } from '../../renderer/model/context-marks';
import { sessionView } from './session-view';

const thresholds = { warningPercent: 70, criticalPercent: 90, compactSoonMarginTokens: 10_000 };

describe('contextMarks', () => {
  it('fills to the percentage and marks the thresholds and the auto-compact point', () => {
    const { context } = sessionView('a', { context: { percent: 41.5, usedTokens: 83_000, windowTokens: 200_000, autoCompactAtTokens: 167_000 } });
    expect(contextMarks(context, thresholds)).toEqual({ fill: 0.415, warning: 0.7, critical: 0.9, autoCompact: 0.835 });
  });

  it('has no fill before the first usage and no compact mark when the point is unknown', () => {
    const { context } = sessionView('a', { context: { percent: null, windowTokens: null, autoCompactAtTokens: null } });
    expect(contextMarks(context, thresholds)).toEqual({ fill: null, warning: 0.7, critical: 0.9, autoCompact: null });
  });
});
