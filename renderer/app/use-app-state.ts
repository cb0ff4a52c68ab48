/**
 * The one state the views render: fetched once, then replaced by every `state:changed` push (state
 * flows one way, from the host). After a dropped connection it is fetched again, since pushes sent
 * while the socket was down are gone.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AppState, HeadroomApi } from '../../shared/api';
import type { ConnectionState } from '../bridges/websocket';

export interface AppStateResult {
  state: AppState | null;
  error: string | null;
  connection: ConnectionState;
}

export function useAppState(
  api: HeadroomApi,
  onConnection: (listener: (state: ConnectionState) => void) => () => void,
): AppStateResult {
  const [state, setState] = useState<AppState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connection, setConnection] = useState<ConnectionState>('connecting');

  useEffect(() => {
    let live = true;
    const load = (): void => {
      api.invoke('state:get', undefined).then(
        (next) => {
          if (!live) return;
          setState(next);
          setError(null);
        },
        (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
      );
    };
    const stopPushes = api.subscribe('state:changed', (next) => {
      setState(next);
      setError(null);
    });
    const stopConnection = onConnection((next) => {
      setConnection(next);
      if (next === 'open') load();
    });
    return () => {
      live = false;
      stopPushes();
      stopConnection();
    };
  }, [api, onConnection]);

  return { state, error, connection };
}
