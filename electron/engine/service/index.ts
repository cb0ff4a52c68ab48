/**
 * The engine host: monitor + policies + checkpoint coordinator + settings + annotations behind the one
 * API contract (shared/api.ts). The desktop app serves it over IPC, `headroom serve` over a WebSocket;
 * both get the same object, so the views behave the same in either.
 *
 * State flows one way: file changes → monitor → one `AppState` → pushed to every view (debounced, so
 * a burst of writes is one push). Automatic checkpoints run here, one at a time, when the decision
 * policy asks for them and the settings allow it.
 */
import type { AlertSink } from '../alerts/alert';
import { AlertPlanner } from '../alerts/planner';
import { wireNotifications } from '../alerts/wire';
import { AnnotationStore, EMPTY_ANNOTATION, type SessionAnnotation } from '../annotations/store';
import { CheckpointCoordinator } from '../checkpoints/coordinator';
import { readHistory, summarizeHistory, type HistorySummary } from '../checkpoints/history';
import { Monitor, type ProcessMatcher, sessionKey } from '../monitor';
import type { RootOptions } from '../roots';
import { SettingsStore } from '../settings/store';
import type { ApiHost, AppState, PushChannel, Pushes } from '../../../shared/api';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import { createHandlers } from './handlers';
import { appState } from './views';
import { createAutoCheckpointer } from './auto-checkpoint';
import { createMemoryAlerts } from './memory-alerts';
import { rootsWithExistence } from './roots-state';
import { startTerminationHandler } from '../termination/start';
import { metricsSwitch } from '../../server/metrics';

export interface DesktopActions {
  copyText(text: string): void;
  openPath(target: string): Promise<boolean>;
}

export interface ServiceOptions extends Pick<RootOptions, 'claudeDirs' | 'codexDirs' | 'geminiDirs'> {
  dataDir: string;
  desktop?: DesktopActions | undefined;
  alerts?: AlertSink | undefined;
  processes?: ProcessMatcher | undefined;
  now?: () => number;
  /** Debounce of state pushes. */
  pushDelayMs?: number;
  /** How often running agents' memory is checked for alerts. */
  memoryCheckMs?: number;
  /** Serve /metrics while settings.metrics.enabled is on (default); false when the caller runs its own. */
  metricsEndpoint?: boolean;
}

export interface HeadroomService extends ApiHost {
  getState(): AppState;
  readonly monitor: Monitor;
  close(): Promise<void>;
}

type Listener = <P extends PushChannel>(channel: P, payload: Pushes[P]) => void;

export async function createHeadroomService(options: ServiceOptions): Promise<HeadroomService> {
  const now = options.now ?? Date.now;
  const settingsStore = new SettingsStore(options.dataDir);
  let settings: Settings = settingsStore.get();
  const annotationStore = new AnnotationStore(options.dataDir);
  let annotations: Record<string, SessionAnnotation> = annotationStore.load().sessions;
  const histories = new Map<string, HistorySummary>();
  const listeners = new Set<Listener>();

  const monitor = new Monitor({
    claudeDirs: options.claudeDirs,
    codexDirs: options.codexDirs,
    geminiDirs: options.geminiDirs,
    settings,
    now,
    processes: options.processes,
    cacheDir: options.dataDir,
    dataDir: options.dataDir,
    annotate: (_agent, id) => annotations[id] ?? EMPTY_ANNOTATION,
  });
  const coordinator = new CheckpointCoordinator({ dataDir: options.dataDir, settings: () => settings, now });
  const planner = new AlertPlanner({ settings: () => settings, now });
  const autoCheckpoint = createAutoCheckpointer();

  const history = (session: Session): HistorySummary => {
    const key = sessionKey(session);
    let summary = histories.get(key);
    if (!summary) {
      summary = summarizeHistory(readHistory(options.dataDir, session.id, session.agent).checkpoints);
      histories.set(key, summary);
    }
    return summary;
  };

  let state: AppState = buildState();
  function buildState(): AppState {
    return appState({
      sessions: monitor.sessions(),
      history,
      problems: monitor.engine.problemList().items,
      roots: rootsWithExistence(monitor.engine.roots),
      settings,
      now: now(),
    });
  }

  let pushTimer: NodeJS.Timeout | null = null;
  const publish = () => {
    pushTimer = null;
    state = buildState();
    for (const listener of listeners) listener('state:changed', state);
    void autoCheckpoint({ state, settings, monitor, coordinator, onDone: afterCheckpoint });
  };
  const schedulePublish = () => {
    pushTimer ??= setTimeout(publish, options.pushDelayMs ?? 50);
  };
  function afterCheckpoint(session: Session, result: Awaited<ReturnType<CheckpointCoordinator['checkpoint']>>): void {
    histories.delete(sessionKey(session));
    if (options.alerts) {
      const alert = result.ok ? planner.checkpointWritten(session, result.checkpoint.resumeCommand) : result.reason === 'failed' ? planner.checkpointFailed(session, result.message) : null;
      if (alert) options.alerts.show(alert);
    }
    schedulePublish();
  }

  await monitor.start();
  state = buildState();
  for (const event of ['session-added', 'session-updated', 'session-removed', 'problem'] as const) monitor.on(event, schedulePublish);
  const stopAlerts = options.alerts ? wireNotifications(monitor, planner, options.alerts) : () => {};

  const handlers = createHandlers({
    getState: () => state,
    monitor,
    coordinator,
    settingsStore,
    annotationStore,
    desktop: options.desktop,
    now,
    readHistory: (session) => readHistory(options.dataDir, session.id, session.agent).checkpoints.map((c) => c.record),
    onCheckpoint: afterCheckpoint,
    onSettings: (next) => {
      settings = next;
      monitor.setSettings(next);
      schedulePublish();
      void metrics?.apply(next);
    },
    onAnnotations: () => {
      annotations = annotationStore.load().sessions;
      schedulePublish();
    },
  });

  const service: HeadroomService = {
    handlers,
    monitor,
    getState: () => state,
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (pushTimer) clearTimeout(pushTimer);
      stopAlerts();
      await stopIntegrations();
      listeners.clear();
      await monitor.close();
    },
  };

  // Integrations: termination requests are carried out where the user can be told (there is an alert
  // sink); the Prometheus endpoint runs while the settings ask for it.
  const stopTerminations = options.alerts
    ? startTerminationHandler({
        dataDir: options.dataDir,
        monitor,
        coordinator,
        settings: () => settings,
        notify: (session, detail) => {
          const alert = planner.terminationRequested(session, detail);
          if (alert) options.alerts?.show(alert);
        },
        onHandled: (handled) => {
          histories.delete(`${handled.agent}:${handled.sessionId}`);
          schedulePublish();
        },
      })
    : async () => undefined;
  const metrics = options.metricsEndpoint === false ? null : metricsSwitch(service, () => settings, (message) => process.stderr.write(`headroom: ${message}\n`));
  await metrics?.apply(settings);
  // Agent memory: RSS moves without any transcript change, so it is checked on its own slow clock.
  const checkMemory = options.alerts ? createMemoryAlerts(planner, options.alerts) : null;
  const memoryTimer = checkMemory ? setInterval(() => checkMemory(monitor.sessions(), settings, now()), options.memoryCheckMs ?? 30_000) : null;
  memoryTimer?.unref();
  checkMemory?.(monitor.sessions(), settings, now());
  async function stopIntegrations(): Promise<void> {
    if (memoryTimer) clearInterval(memoryTimer);
    await stopTerminations();
    await metrics?.close();
  }

  return service;
}
