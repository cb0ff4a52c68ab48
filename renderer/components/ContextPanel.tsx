/** The context in numbers (used, window, ETA to auto-compact, compactions) above its chart. */
import type { SessionDetail } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { formatMinutes, formatPercent, formatTokens } from '../../shared/format';
import { ContextBar } from './ContextBar';
import { ContextChart } from './ContextChart';

export function ContextPanel({ detail, thresholds }: { detail: SessionDetail; thresholds: Settings['thresholds'] }) {
  const { session } = detail;
  const { context } = session;
  return (
    <section class="panel panel-wide" aria-labelledby="context-heading">
      <h3 id="context-heading">Context</h3>
      <div class="context-numbers">
        <div>
          <span class={`big level-text-${session.level}`} data-testid="detail-percent">
            {formatPercent(context.percent)}
          </span>
          <span class="muted">
            {formatTokens(context.usedTokens)} of {formatTokens(context.windowTokens)}
            {context.source === 'estimate' && ' (estimated)'}
          </span>
        </div>
        <div>
          <span class="big">{formatMinutes(context.etaMinutes)}</span>
          <span class="muted">to auto-compact{context.autoCompactAtTokens !== null && ` at ${formatTokens(context.autoCompactAtTokens)}`}</span>
        </div>
        <div>
          <span class="big">{context.compactions}</span>
          <span class="muted">{context.compactions === 1 ? 'compaction' : 'compactions'}</span>
        </div>
      </div>
      <ContextBar context={context} level={session.level} thresholds={thresholds} size="wide" />
      <ContextChart
        history={detail.history}
        compactionsAt={detail.compactionsAt}
        windowTokens={context.windowTokens}
        autoCompactAtTokens={context.autoCompactAtTokens}
        warningPercent={thresholds.warningPercent}
        criticalPercent={thresholds.criticalPercent}
      />
    </section>
  );
}
