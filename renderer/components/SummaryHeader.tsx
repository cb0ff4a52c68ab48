/**
 * The fleet at a glance, above the table: what runs, the fullest context, how many need attention,
 * and what today has cost. The alert figure takes the worst level's colour.
 */
import type { SessionView } from '../../shared/api';
import { formatPercent, formatTokens, formatUsd } from '../../shared/format';
import { summarize } from '../model/summary';
import { LEVEL_LABEL } from '../model/levels';
import { projectName } from '../model/table';

interface Props {
  sessions: readonly SessionView[];
  dayStart: number;
  onOpen: (sessionId: string) => void;
}

export function SummaryHeader({ sessions, dayStart, onOpen }: Props) {
  const summary = summarize(sessions, dayStart);
  const highest = summary.highest;
  const highestSession = highest ? sessions.find((session) => session.id === highest.sessionId) : undefined;
  return (
    <section class="summary" aria-label="Summary" data-testid="summary" data-worst={summary.worst}>
      <div class="stat">
        <span class="stat-label">Sessions</span>
        <span class="stat-value" data-testid="summary-running">
          {summary.running} running
        </span>
        <span class="stat-sub">
          {summary.idle} idle · {summary.ended} ended
        </span>
      </div>
      <div class="stat">
        <span class="stat-label">Highest context</span>
        {highest && highestSession ? (
          <button class={`stat-value link level-text-${highest.level}`} data-testid="summary-highest" onClick={() => onOpen(highest.sessionId)}>
            {formatPercent(highest.percent)}
          </button>
        ) : (
          <span class="stat-value">—</span>
        )}
        <span class="stat-sub">{highestSession ? projectName(highestSession) : 'no usage yet'}</span>
      </div>
      <div class={`stat stat-alerts level-${summary.worst}`} data-testid="summary-alerts" data-level={summary.worst}>
        <span class="stat-label">Alerts</span>
        <span class={`stat-value level-text-${summary.worst}`}>{summary.alerts === 0 ? 'None' : summary.alerts}</span>
        <span class="stat-sub">{summary.alerts === 0 ? 'all sessions have room' : `worst: ${LEVEL_LABEL[summary.worst]}`}</span>
      </div>
      <div class="stat">
        <span class="stat-label">Today</span>
        <span class="stat-value" data-testid="summary-tokens">
          {formatTokens(summary.today.tokens)} tokens
        </span>
        <span class="stat-sub">
          {formatUsd(summary.today.costUsd)} · {summary.today.sessions} active
        </span>
      </div>
    </section>
  );
}
