/**
 * A session's detail (history, compactions, checkpoints), fetched when the view opens and again
 * whenever the pushed snapshot shows the session moved — not on every push for other sessions.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HeadroomApi, SessionDetail, SessionView } from '../../shared/api';

/** What in a session's snapshot means its detail is stale. */
export function detailSignature(session: SessionView | undefined): string {
  if (!session) return 'missing';
  return JSON.stringify([
    session.lastActivityAt,
    session.context.usedTokens,
    session.context.compactions,
    session.checkpoints,
    session.tags,
    session.projectName,
    session.status,
    session.level,
  ]);
}

export interface DetailResult {
  detail: SessionDetail | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

export function useSessionDetail(api: HeadroomApi, sessionId: string, signature: string): DetailResult {
  const [detail, setDetail] = useState<SessionDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [serial, setSerial] = useState(0);
  const reload = useCallback(() => setSerial((value) => value + 1), []);

  useEffect(() => {
    let live = true;
    api.invoke('session:detail', { sessionId }).then(
      (next) => {
        if (!live) return;
        setDetail(next);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(failure instanceof Error ? failure.message : String(failure));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [api, sessionId, signature, serial]);

  return { detail, loading, error, reload };
}
