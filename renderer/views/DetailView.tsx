/**
 * One session in depth: why it is where it is, what it did, and the actions (checkpoint, resume,
 * export). Refreshes itself when the pushed snapshot shows this session changed.
 */
import type { AppState, HeadroomApi } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { checkpointNow } from '../app/actions';
import { useNotify } from '../app/notice';
import { useKeys } from '../app/shortcuts';
import { detailSignature, useSessionDetail } from '../app/use-session-detail';
import { ActivityPanel } from '../components/ActivityPanel';
import { CheckpointHistory } from '../components/CheckpointHistory';
import { ContextPanel } from '../components/ContextPanel';
import { DetailActions } from '../components/DetailActions';
import { DetailHeader } from '../components/DetailHeader';
import { TagEditor } from '../components/TagEditor';
import { TokenBreakdown } from '../components/TokenBreakdown';
import { WhyPanel } from '../components/WhyPanel';

interface Props {
  api: HeadroomApi;
  state: AppState;
  sessionId: string;
  thresholds: Settings['thresholds'];
  now: number;
  onBack: () => void;
}

export function DetailView({ api, state, sessionId, thresholds, now, onBack }: Props) {
  const notify = useNotify();
  const live = state.sessions.find((session) => session.id === sessionId);
  const { detail, loading, error, reload } = useSessionDetail(api, sessionId, detailSignature(live));

  useKeys((action) => {
    if (action === 'back') {
      onBack();
      return true;
    }
    if (action === 'checkpoint') {
      void checkpointNow(api, sessionId, notify).then((result) => result?.ok && reload());
      return true;
    }
    return false;
  });

  if (error) return <main class="detail"><p class="error-text">Could not load this session: {error}</p></main>;
  if (!detail) {
    return (
      <main class="detail">
        <a class="back" href="#/">← All sessions</a>
        <p class="muted">{loading ? 'Loading…' : 'This session is no longer known to Headroom.'}</p>
      </main>
    );
  }
  // The pushed snapshot is newer than the fetched detail between a push and the refetch.
  const session = live ?? detail.session;
  return (
    <main class="detail" data-session-id={session.id}>
      <DetailHeader session={session} now={now} />
      <DetailActions api={api} sessionId={session.id} onCheckpointed={reload} />
      <div class="panels">
        <ContextPanel detail={{ ...detail, session }} thresholds={thresholds} />
        <TokenBreakdown session={session} />
        <WhyPanel session={session} />
        <TagEditor api={api} session={session} />
        <CheckpointHistory checkpoints={detail.checkpoints} now={now} />
        <ActivityPanel session={session} />
      </div>
    </main>
  );
}
