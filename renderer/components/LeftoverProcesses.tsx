/**
 * Processes that ended sessions left running (a dev server whose agent is gone…), folded into one line
 * above the table. Ending one is always the user's click, by its exact process id; the host checks it is
 * still a leftover and who it is before any signal. Looked up again at most every 15 s.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HeadroomApi, LeftoverProcess } from '../../shared/api';
import { formatBytes, formatMinutes, projectLabel } from '../../shared/format';

interface Props {
  api: HeadroomApi;
  /** Changes with every new state; the list is refreshed on it, throttled. */
  stateStamp: string;
}

const REFRESH_MS = 15_000;

export function LeftoverProcesses({ api, stateStamp }: Props) {
  const [items, setItems] = useState<LeftoverProcess[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const lastAsked = useRef(0);

  const refresh = () => {
    lastAsked.current = Date.now();
    api.invoke('processes:leftovers', undefined).then(setItems, () => undefined);
  };
  useEffect(() => {
    if (Date.now() - lastAsked.current >= REFRESH_MS) refresh();
  }, [api, stateStamp]);

  const end = (item: LeftoverProcess) => {
    if (!window.confirm(`End process ${item.pid} (${item.command})?`)) return;
    api.invoke('processes:end-leftover', { pid: item.pid }).then(
      (result) => {
        setNotice(result.message);
        refresh();
      },
      (error: unknown) => setNotice(error instanceof Error ? error.message : String(error)),
    );
  };

  if (items.length === 0 && notice === null) return null;
  return (
    <details class="recommendations" data-testid="leftovers">
      <summary>
        <strong>{items.length === 1 ? '1 leftover process' : `${items.length} leftover processes`}</strong>
        <span class="muted"> · still running after their session ended</span>
      </summary>
      {notice && <p class="muted" data-testid="leftover-notice">{notice}</p>}
      <ul>
        {items.map((item) => (
          <li key={item.pid} data-testid="leftover">
            <code>{item.command}</code>{' '}
            <span class="muted">
              pid {item.pid} · {projectLabel(item.session.project ?? item.cwd)} · {formatMinutes(item.ageMs === null ? null : item.ageMs / 60_000)} · {formatBytes(item.rssBytes)}
            </span>{' '}
            <button class="link" onClick={() => end(item)}>
              End
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
