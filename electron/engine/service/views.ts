/**
 * Session snapshots → what the views show: level, health, checkpoint decision and checkpoint summary
 * per session, and the whole `AppState`. Pure: settings, histories and `now` come in as arguments.
 */
import type { AppState, SessionView } from '../../../shared/api';
import type { Problem, Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { HistorySummary } from '../checkpoints/history';
import { evaluateSession } from '../policies/evaluate';
import type { Root } from '../roots';

export function sessionView(session: Session, history: HistorySummary, settings: Settings, now: number): SessionView {
  return { ...session, ...evaluateSession(session, settings, history, now), checkpoints: { count: history.count, lastAt: history.lastAt } };
}

export interface StateInput {
  sessions: readonly Session[];
  history: (session: Session) => HistorySummary;
  problems: readonly Problem[];
  roots: readonly (Root & { exists: boolean })[];
  settings: Settings;
  now: number;
}

export function appState(input: StateInput): AppState {
  return {
    generatedAt: new Date(input.now).toISOString(),
    sessions: input.sessions.map((session) => sessionView(session, input.history(session), input.settings, input.now)),
    problems: [...input.problems],
    roots: input.roots.map((root) => ({ agent: root.agent, path: root.path, exists: root.exists })),
    notificationsPausedUntil: pausedUntil(input.settings, input.now),
  };
}

function pausedUntil(settings: Settings, now: number): string | null {
  const until = settings.notifications.pausedUntil;
  return until && Date.parse(until) > now ? until : null;
}
