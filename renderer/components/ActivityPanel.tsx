/**
 * What the agent has been doing: the last prompt, its todo list, the files it changed, the tools it
 * used most and its recent errors. Each list is capped by the engine already.
 */
import type { ComponentChildren } from 'preact';
import type { SessionView } from '../../shared/api';

function Section({ title, count, children }: { title: string; count?: number; children: ComponentChildren }) {
  return (
    <div class="activity-section">
      <h4>
        {title}
        {count !== undefined && <span class="muted"> {count}</span>}
      </h4>
      {children}
    </div>
  );
}

/** A path inside the project reads better relative to it. */
function shortPath(file: string, project: string | null): string {
  return project && file.startsWith(`${project}/`) ? file.slice(project.length + 1) : file;
}

export function ActivityPanel({ session }: { session: SessionView }) {
  const { details, activity } = session;
  const tools = Object.entries(details.toolCounts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return (
    <section class="panel panel-wide" aria-labelledby="activity-heading">
      <h3 id="activity-heading">Activity</h3>
      <p class="muted small">
        {activity.userMessages} prompts · {activity.assistantMessages} replies · {activity.toolCalls} tool calls · {activity.errors} errors
      </p>
      <Section title="Last prompt">
        <blockquote class="prompt">{details.lastUserPrompt ?? '—'}</blockquote>
      </Section>
      {details.todos.length > 0 && (
        <Section title="Todo" count={details.todos.length}>
          <ul class="todos">
            {details.todos.map((todo, index) => (
              <li key={index} class={`todo todo-${todo.status}`}>
                <span class="todo-status">{todo.status === 'completed' ? '✓' : todo.status === 'in_progress' ? '◐' : '○'}</span> {todo.content}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <div class="activity-columns">
        <Section title="Files modified" count={activity.filesModified}>
          {details.filesModified.length === 0 ? (
            <p class="muted">None</p>
          ) : (
            <ul class="files">
              {details.filesModified.map((file) => (
                <li key={file} title={file}>
                  <code>{shortPath(file, session.project)}</code>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Tools used" count={activity.toolCalls}>
          {tools.length === 0 ? (
            <p class="muted">None</p>
          ) : (
            <ul class="tools">
              {tools.map(([tool, count]) => (
                <li key={tool}>
                  <span>{tool}</span> <span class="num muted">{count}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      {details.recentErrors.length > 0 && (
        <Section title="Recent errors" count={activity.errors}>
          <ul class="errors">
            {details.recentErrors.map((error, index) => (
              <li key={index}>
                <code>{error}</code>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </section>
  );
}
