/**
 * What Headroom suggests doing now (checkpoint and restart, close an idle session…), folded into one
 * line above the table so advice never pushes the sessions off screen; open it for the list. Asked for
 * again whenever the state changes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HeadroomApi, SessionView } from '../../shared/api';
import type { Recommendation } from '../../shared/policy';
import { projectName } from '../model/table';

const KIND_LABEL: Readonly<Record<Recommendation['kind'], string>> = {
  'checkpoint-and-restart': 'Checkpoint and restart',
  'close-idle': 'Close idle',
  'fast-burn': 'Fast burn',
  checkpoint: 'Checkpoint',
};

interface Props {
  api: HeadroomApi;
  sessions: readonly SessionView[];
  /** Changes with every new state, which is when the advice may change. */
  stateStamp: string;
  onOpen: (sessionId: string) => void;
}

export function Recommendations({ api, sessions, stateStamp, onOpen }: Props) {
  const [items, setItems] = useState<Recommendation[]>([]);
  useEffect(() => {
    let live = true;
    api.invoke('recommendations:get', undefined).then(
      (next) => live && setItems(next),
      () => undefined, // Advice is optional; the table still says everything that matters.
    );
    return () => {
      live = false;
    };
  }, [api, stateStamp]);

  if (items.length === 0) return null;
  const nameOf = (sessionId: string): string => {
    const session = sessions.find((entry) => entry.id === sessionId);
    return session ? projectName(session) : sessionId;
  };
  return (
    <details class="recommendations" data-testid="recommendations">
      <summary>
        <strong>{items.length === 1 ? '1 suggestion' : `${items.length} suggestions`}</strong>
        <span class="muted"> · {KIND_LABEL[items[0]?.kind ?? 'checkpoint']}: {nameOf(items[0]?.sessionId ?? '')}</span>
      </summary>
      <ul>
        {items.map((item) => (
          <li key={`${item.sessionId}:${item.kind}`}>
            <span class={`badge rec-${item.kind}`}>{KIND_LABEL[item.kind]}</span>{' '}
            <button class="link" onClick={() => onOpen(item.sessionId)}>
              <strong>{nameOf(item.sessionId)}</strong>
            </button>{' '}
            <span class="muted">{item.message}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
