/**
 * Where the marks sit on a context bar. The bar's full width is the model's window; the warning and
 * critical marks are the user's thresholds, the auto-compact mark is where the agent will compact on
 * its own (for Claude Code, window − buffer), which is the point that really matters.
 */
import type { Context } from '../../shared/session';
import type { Settings } from '../../shared/settings';

export interface ContextMarks {
  /** Filled share of the bar, 0–1; null when the usage is not known yet. */
  fill: number | null;
  warning: number;
  critical: number;
  /** null when the agent's compaction point is unknown. */
  autoCompact: number | null;
}

const clamp = (value: number): number => Math.min(1, Math.max(0, value));

export function contextMarks(context: Context, thresholds: Settings['thresholds']): ContextMarks {
  const window = context.windowTokens;
  const autoCompact =
    window !== null && window > 0 && context.autoCompactAtTokens !== null ? clamp(context.autoCompactAtTokens / window) : null;
  return {
    fill: context.percent === null ? null : clamp(context.percent / 100),
    warning: clamp(thresholds.warningPercent / 100),
    critical: clamp(thresholds.criticalPercent / 100),
    autoCompact,
  };
}
