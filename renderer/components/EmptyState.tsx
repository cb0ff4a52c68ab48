/**
 * No sessions: say where Headroom looked (and which folders are missing) and how to point it
 * elsewhere, instead of an empty table that looks broken.
 */
import type { AppState } from '../../shared/api';
import { AGENT_NAME } from './AgentIcon';

export function EmptyState({ roots }: { roots: AppState['roots'] }) {
  return (
    <section class="empty" data-testid="empty-state">
      <h2>No agent sessions found</h2>
      <p>Headroom reads the transcripts Claude Code, Codex CLI and Gemini CLI write. It looked in:</p>
      <ul class="roots">
        {roots.map((root) => (
          <li key={`${root.agent}:${root.path}`}>
            <span class={root.exists ? 'root-ok' : 'root-missing'} aria-hidden="true">
              {root.exists ? '✓' : '✗'}
            </span>{' '}
            <strong>{AGENT_NAME[root.agent]}</strong> <code>{root.path}</code>
            {!root.exists && <span class="muted"> — folder does not exist</span>}
          </li>
        ))}
      </ul>
      <p>
        Start a session with one of the agents and it appears here within a second. If your transcripts live somewhere
        else, add the folder under <a href="#/settings">Settings → Source folders</a>, or start the dashboard with{' '}
        <code>headroom serve --claude-dir DIR --codex-dir DIR --gemini-dir DIR</code>.
      </p>
    </section>
  );
}

export function NoMatch({ onClear }: { onClear: () => void }) {
  return (
    <section class="empty empty-small">
      <p>No session matches the search and filters.</p>
      <button onClick={onClear}>Clear filters</button>
    </section>
  );
}
