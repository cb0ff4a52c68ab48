/**
 * The composition root of the views: one bridge, one state, one route. Everything below gets what it
 * needs as props; the only contexts are the shortcut hub and the notice line.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Bridge } from '../bridges/pick';
import { HelpOverlay } from '../components/HelpOverlay';
import { TopBar } from '../components/TopBar';
import { worstLevel } from '../model/levels';
import { DEFAULT_SORT, NO_FILTER } from '../model/table';
import { DetailView } from '../views/DetailView';
import { OverviewView, type TableState } from '../views/OverviewView';
import { SettingsView } from '../views/SettingsView';
import { NoticeProvider } from './notice';
import { KeyHubContext, useKeyHub } from './shortcuts';
import { useAppState } from './use-app-state';
import { useNow } from './use-now';
import { navigate, useRoute } from './use-route';
import { useSettings } from './use-settings';

export function App({ bridge }: { bridge: Bridge }) {
  const { api } = bridge;
  const { state, error, connection } = useAppState(api, bridge.onConnection);
  const settingsStore = useSettings(api);
  const route = useRoute();
  const now = useNow();
  const [help, setHelp] = useState(false);
  const [table, setTable] = useState<TableState>({ filter: NO_FILTER, sort: DEFAULT_SORT, selectedId: null });

  const hub = useKeyHub((action) => {
    if (action === 'help') return (setHelp(true), true);
    if (action === 'settings') return (navigate({ view: 'settings' }), true);
    return false;
  });
  const openSession = useCallback((sessionId: string) => navigate({ view: 'session', sessionId }), []);
  const back = useCallback(() => navigate({ view: 'overview' }), []);
  // A clicked notification asks the window to show its session.
  useEffect(() => api.subscribe('ui:focus-session', ({ sessionId }) => openSession(sessionId)), [api, openSession]);

  const settings = settingsStore.settings;
  const sessions = state?.sessions ?? [];
  const alerts = sessions.filter((session) => session.level !== 'ok').length;

  return (
    <KeyHubContext.Provider value={hub}>
      <NoticeProvider>
        <TopBar route={route} worst={worstLevel(sessions.map((session) => session.level))} alerts={alerts} connection={connection} onHelp={() => setHelp(true)} />
        {state === null || settings === null ? (
          <main class="loading">
            <p class="muted">{error ? `Could not reach Headroom: ${error}` : 'Loading sessions…'}</p>
          </main>
        ) : route.view === 'session' ? (
          <DetailView key={route.sessionId} api={api} state={state} sessionId={route.sessionId} thresholds={settings.thresholds} now={now} onBack={back} />
        ) : route.view === 'settings' ? (
          <SettingsView api={api} store={settingsStore} pausedUntil={state.notificationsPausedUntil} roots={state.roots} onBack={back} />
        ) : (
          <OverviewView api={api} state={state} thresholds={settings.thresholds} table={table} onTableChange={setTable} onOpen={openSession} now={now} />
        )}
        {help && <HelpOverlay onClose={() => setHelp(false)} />}
      </NoticeProvider>
    </KeyHubContext.Provider>
  );
}
