/**
 * The context bar: the window's full width, filled to the current usage in the level's colour, with
 * ticks at the warning and critical thresholds and a distinct mark where the agent auto-compacts.
 */
import type { Level } from '../../shared/policy';
import type { Context } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import { formatPercent, formatTokens } from '../../shared/format';
import { contextMarks } from '../model/context-marks';

interface Props {
  context: Context;
  level: Level;
  thresholds: Settings['thresholds'];
  /** `wide` for the detail view. */
  size?: 'row' | 'wide';
}

const at = (share: number): string => `${(share * 100).toFixed(2)}%`;

export function ContextBar({ context, level, thresholds, size = 'row' }: Props) {
  const marks = contextMarks(context, thresholds);
  const label =
    context.usedTokens === null
      ? 'Context usage not known yet'
      : `${formatTokens(context.usedTokens)} of ${formatTokens(context.windowTokens)} tokens (${formatPercent(context.percent)})`;
  return (
    <div
      class={`context-bar context-bar-${size} level-${level}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={context.percent ?? undefined}
      title={label}
    >
      {marks.fill !== null && <div class="context-fill" style={{ width: at(marks.fill) }} />}
      <span class="context-mark mark-warning" style={{ left: at(marks.warning) }} />
      <span class="context-mark mark-critical" style={{ left: at(marks.critical) }} />
      {marks.autoCompact !== null && (
        <span class="context-mark mark-compact" style={{ left: at(marks.autoCompact) }} title="Auto-compact point" />
      )}
    </div>
  );
}
