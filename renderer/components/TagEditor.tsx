/**
 * Labels and a project name for a session, stored by Headroom (never written into the transcript).
 * Tags filter the overview; the project name replaces the folder name in the table.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HeadroomApi, SessionView } from '../../shared/api';
import { useNotify } from '../app/notice';

export function TagEditor({ api, session }: { api: HeadroomApi; session: SessionView }) {
  const notify = useNotify();
  const [draftTag, setDraftTag] = useState('');
  const [name, setName] = useState(session.projectName ?? '');
  useEffect(() => setName(session.projectName ?? ''), [session.projectName]);

  const run = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    }
  };

  const addTag = (event: Event): void => {
    event.preventDefault();
    const tags = draftTag.split(',').map((tag) => tag.trim()).filter((tag) => tag.length > 0);
    if (tags.length === 0) return;
    void run(() => api.invoke('session:tag', { sessionId: session.id, tags })).then(() => setDraftTag(''));
  };

  const saveName = (event: Event): void => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === (session.projectName ?? '')) return;
    void run(() => api.invoke('session:set-project', { sessionId: session.id, name: trimmed === '' ? null : trimmed }));
  };

  return (
    <section class="panel" aria-labelledby="labels-heading">
      <h3 id="labels-heading">Labels</h3>
      <div class="tags" data-testid="tags">
        {session.tags.length === 0 && <span class="muted">No tags</span>}
        {session.tags.map((tag) => (
          <span class="tag" key={tag}>
            {tag}
            <button class="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => void run(() => api.invoke('session:untag', { sessionId: session.id, tags: [tag] }))}>
              ×
            </button>
          </span>
        ))}
      </div>
      <form class="inline-form" onSubmit={addTag}>
        <input aria-label="Add tags" placeholder="Add tags, comma separated" maxLength={200} value={draftTag} onInput={(event) => setDraftTag(event.currentTarget.value)} />
        <button type="submit">Add</button>
      </form>
      <form class="inline-form" onSubmit={saveName}>
        <input aria-label="Project name" placeholder="Project name" maxLength={100} value={name} onInput={(event) => setName(event.currentTarget.value)} onBlur={saveName} />
        <button type="submit">Rename</button>
      </form>
    </section>
  );
}
