/**
 * One session in the overview. Keyed by session id in the table, so a push updates this row's text
 * in place: the element, and with it scroll position, focus and selection, survive every update.
 */
import { memo } from 'preact/compat';
import type { SessionView } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { formatAgo, formatMinutes, formatPercent, formatTokens, formatUsd } from '../../shared/format';
import { projectName } from '../model/table';
import { AgentIcon } from './AgentIcon';
import { ContextBar } from './ContextBar';
import { LevelBadge } from './LevelBadge';

interface Props {
  session: SessionView;
  selected: boolean;
  thresholds: Settings['thresholds'];
  now: number;
  onSelect: (sessionId: string) => void;
  onOpen: (sessionId: string) => void;
}

export const rowDomId = (sessionId: string): string => `row-${sessionId.replace(/[^\w-]/g, '_')}`;

function SessionRowView({ session, selected, thresholds, now, onSelect, onOpen }: Props) {
  const { context } = session;
  return (
    <tr
      id={rowDomId(session.id)}
      class={`session-row level-${session.level}${selected ? ' selected' : ''}`}
      aria-selected={selected}
      data-session-id={session.id}
      data-level={session.level}
      onClick={() => onSelect(session.id)}
      onDblClick={() => onOpen(session.id)}
    >
      <td class="col-agent">
        <AgentIcon agent={session.agent} />
      </td>
      <td class="col-session">
        <a
          class="session-name"
          href={`#/session/${encodeURIComponent(session.id)}`}
          tabIndex={-1}
          title={session.project ?? undefined}
        >
          <span data-col="project">{projectName(session)}</span>
        </a>
        <span class="session-title" title={session.title ?? undefined}>
          {session.title ?? session.details.lastUserPrompt ?? session.id}
        </span>
      </td>
      <td class="col-model muted" data-col="model">
        {session.model ?? '—'}
      </td>
      <td class="col-context">
        <ContextBar context={context} level={session.level} thresholds={thresholds} />
      </td>
      <td class="col-percent num">
        {/* Badge first, so the figures stay right-aligned in one column. */}
        <LevelBadge level={session.level} />
        <span data-col="percent">{formatPercent(context.percent)}</span>
      </td>
      <td class="col-eta num muted">{formatMinutes(context.etaMinutes)}</td>
      <td class="col-tokens num" title={`${formatTokens(session.tokens.total)} tokens in total`}>
        <span data-col="used">{formatTokens(context.usedTokens)}</span>
        <span class="muted">
          {' / '}
          <span data-col="window">{formatTokens(context.windowTokens)}</span>
        </span>
      </td>
      <td class="col-cost num" data-col="cost">
        {formatUsd(session.costUsd)}
      </td>
      <td class={`col-health num health-${session.health.status}`}>{Math.round(session.health.score)}</td>
      <td class="col-status">
        <span class={`status status-${session.status}`} data-col="status">
          {session.status}
        </span>
      </td>
      <td class="col-activity muted" title={session.lastActivityAt ?? undefined}>
        {formatAgo(session.lastActivityAt, now)}
      </td>
      <td class="col-tags">
        {session.tags.map((tag) => (
          <span class="tag" key={tag}>
            {tag}
          </span>
        ))}
      </td>
    </tr>
  );
}

/** Re-renders only when something it shows changed; a push leaves untouched rows alone. */
export const SessionRow = memo(SessionRowView, (previous, next) => {
  return (
    previous.selected === next.selected &&
    previous.now === next.now &&
    previous.thresholds === next.thresholds &&
    previous.onSelect === next.onSelect &&
    previous.onOpen === next.onOpen &&
    JSON.stringify(previous.session) === JSON.stringify(next.session)
  );
});
