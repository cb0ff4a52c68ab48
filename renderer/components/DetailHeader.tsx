/** Who this session is: agent, project, title, model and branch, status, level and health. */
import type { SessionView } from '../../shared/api';
import { formatAgo } from '../../shared/format';
import { projectName } from '../model/table';
import { AgentIcon, AGENT_NAME } from './AgentIcon';
import { LevelBadge } from './LevelBadge';

export function DetailHeader({ session, now }: { session: SessionView; now: number }) {
  return (
    <header class="detail-header">
      <a class="back" href="#/" aria-label="Back to all sessions">
        ← All sessions
      </a>
      <div class="detail-title">
        <AgentIcon agent={session.agent} />
        <div>
          <h2 data-testid="detail-project">{projectName(session)}</h2>
          <p class="muted">{session.title ?? session.details.firstPrompt ?? session.id}</p>
        </div>
      </div>
      <dl class="facts">
        <div>
          <dt>Agent</dt>
          <dd>{AGENT_NAME[session.agent]}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>{session.model ?? '—'}</dd>
        </div>
        <div>
          <dt>Branch</dt>
          <dd>{session.gitBranch ?? '—'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span class={`status status-${session.status}`}>{session.status}</span>
            {session.pid !== null && <span class="muted"> · pid {session.pid}</span>}
          </dd>
        </div>
        <div>
          <dt>Active</dt>
          <dd title={session.lastActivityAt ?? undefined}>{formatAgo(session.lastActivityAt, now)}</dd>
        </div>
        <div>
          <dt>Context</dt>
          <dd>
            <LevelBadge level={session.level} always />
          </dd>
        </div>
        <div>
          <dt>Health</dt>
          <dd class={`health-${session.health.status}`}>
            {Math.round(session.health.score)} · {session.health.status}
          </dd>
        </div>
      </dl>
      <p class="path muted" title="Working directory">
        {session.project ?? 'Working directory unknown'}
      </p>
    </header>
  );
}
