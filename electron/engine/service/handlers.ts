/**
 * One handler per API channel (the `Handlers` type makes a missing one a compile error). Payloads
 * arrive already parsed by the transport with `RequestSchemas`; a session id that matches nothing is
 * answered plainly (`not-found` / null), never with an exception.
 */
import type { AppState, CheckpointRecord, ContextPoint, Handlers } from '../../../shared/api';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { AnnotationStore } from '../annotations/store';
import type { CheckpointCoordinator, CheckpointOutcome } from '../checkpoints/coordinator';
import { resumeCommand } from '../checkpoints/resume';
import type { Monitor } from '../monitor';
import { recommend } from '../policies/recommendations';
import type { SettingsStore } from '../settings/store';
import { exportSession } from '../export/export';
import { endListedLeftover, listLeftovers } from './leftovers';
import type { DesktopActions } from './index';

export interface HandlerDeps {
  getState: () => AppState;
  monitor: Monitor;
  coordinator: Pick<CheckpointCoordinator, 'checkpoint'>;
  settingsStore: SettingsStore;
  annotationStore: AnnotationStore;
  desktop: DesktopActions | undefined;
  now: () => number;
  readHistory: (session: Session) => CheckpointRecord[];
  onCheckpoint: (session: Session, result: CheckpointOutcome) => void;
  onSettings: (settings: Settings) => void;
  onAnnotations: () => void;
}

const HOUR = 3_600_000;

export function createHandlers(deps: HandlerDeps): Handlers {
  const find = (sessionId: string): Session | null => deps.monitor.sessions().find((s) => s.id === sessionId) ?? null;
  const view = (sessionId: string) => deps.getState().sessions.find((s) => s.id === sessionId) ?? null;
  const annotate = <T>(change: () => T): T => {
    const result = change();
    deps.onAnnotations();
    return result;
  };
  const applySetting = (key: string, value: unknown) => {
    const result = deps.settingsStore.set(key, value);
    if (result.ok) deps.onSettings(result.settings);
    return result;
  };

  return {
    'state:get': async () => deps.getState(),
    'session:detail': async ({ sessionId }) => {
      const session = view(sessionId);
      if (!session) return null;
      const events = deps.monitor.history(`${session.agent}:${session.id}`);
      const history: ContextPoint[] = events.flatMap((e) => (e.usedTokens === null ? [] : [{ at: e.at, usedTokens: e.usedTokens }]));
      return { session, history, compactionsAt: events.filter((e) => e.compaction).map((e) => e.at), checkpoints: deps.readHistory(session) };
    },
    'session:checkpoint': async ({ sessionId, reason, force }) => {
      const session = find(sessionId);
      if (!session) return { ok: false, reason: 'not-found', message: `no session ${sessionId}` };
      const result = await deps.coordinator.checkpoint(session, { reason: reason ?? 'manual checkpoint', force: force ?? true });
      deps.onCheckpoint(session, result);
      return result.ok ? { ok: true, checkpoint: result.checkpoint } : { ok: false, reason: result.reason, message: result.message };
    },
    'session:history': async ({ sessionId }) => {
      const session = find(sessionId);
      return session ? deps.readHistory(session) : [];
    },
    'session:tag': async ({ sessionId, tags }) => annotate(() => deps.annotationStore.tag(sessionId, tags)),
    'session:untag': async ({ sessionId, tags }) => annotate(() => deps.annotationStore.untag(sessionId, tags)),
    'session:set-project': async ({ sessionId, name }) => annotate(() => deps.annotationStore.setProject(sessionId, name)),
    'session:export': async ({ sessionId, format }) => {
      const session = find(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const annotations = deps.annotationStore.get(session.id);
      return exportSession({ session, annotations, checkpoints: deps.readHistory(session), now: deps.now() }, format);
    },
    'session:resume-command': async ({ sessionId }) => {
      const session = find(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      return { command: resumeCommand(session.agent, session.id, session.project) };
    },
    'session:copy-resume': async ({ sessionId }) => {
      const session = find(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      const command = resumeCommand(session.agent, session.id, session.project);
      deps.desktop?.copyText(command);
      return { command };
    },
    'session:open-folder': async ({ sessionId }) => {
      const project = find(sessionId)?.project;
      return { opened: project && deps.desktop ? await deps.desktop.openPath(project) : false };
    },
    'session:open-transcript': async ({ sessionId }) => {
      const file = find(sessionId)?.files[0];
      return { opened: file && deps.desktop ? await deps.desktop.openPath(file) : false };
    },
    'settings:get': async () => deps.settingsStore.get(),
    'settings:set': async ({ key, value }) => applySetting(key, value),
    'notifications:pause': async ({ until }) => {
      const at = until === 'off' ? null : until === '1h' ? new Date(deps.now() + HOUR).toISOString() : startOfTomorrow(deps.now());
      const result = applySetting('notifications.pausedUntil', at);
      return { pausedUntil: result.ok ? result.settings.notifications.pausedUntil : null };
    },
    'processes:leftovers': async () => listLeftovers(deps.monitor.sessions(), deps.now()),
    'processes:end-leftover': async ({ pid }) =>
      endListedLeftover(deps.monitor.sessions(), pid, deps.settingsStore.get().termination.graceSeconds * 1000, deps.now()),
    'recommendations:get': async () => {
      const state = deps.getState();
      const inputs = state.sessions.map((session) => ({ session, level: session.level, decision: session.decision }));
      return recommend(inputs, deps.settingsStore.get().idleAfterMinutes, deps.now());
    },
  };
}

/** Local midnight after `now`: "until tomorrow" means until the user's next day starts. */
function startOfTomorrow(now: number): string {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.toISOString();
}
