/**
 * The tray as a view model: `trayModel(state, settings, now)` computes the icon, title, tooltip and
 * menu from the one `AppState` snapshot. It is pure (no Electron, no clock — `now` is passed in) and
 * its output is plain JSON, so `tray.ts` can rebuild the native menu only when the model changed and
 * the tests can compare whole models.
 *
 * Guarantees:
 * - ended sessions are left out: they cannot grow, so they must not keep the icon red;
 * - the icon is the worst level among the others (`LEVEL_ORDER`), `ok` when there are none;
 * - sessions are listed by context percentage, highest first, unknown percentages last;
 * - an expired pause reads as not paused.
 */
import type { AppState, SessionView } from '../../shared/api';
import { LEVEL_ORDER, type Level } from '../../shared/policy';
import type { Settings } from '../../shared/settings';
import { agentName, etaLabel, percentLabel, projectLabel } from './session-label';

/** More than this and the menu stops being glanceable; the rest are one "Open Headroom" away. */
export const TRAY_MAX_SESSIONS = 8;

export type PauseUntil = '1h' | 'tomorrow' | 'off';

/** What a menu item does, as data; `tray.ts` maps each kind to one handler. */
export type TrayAction =
  | { kind: 'checkpoint'; sessionId: string }
  | { kind: 'copy-resume'; sessionId: string }
  | { kind: 'open-folder'; sessionId: string }
  | { kind: 'open-transcript'; sessionId: string }
  | { kind: 'show-details'; sessionId: string }
  | { kind: 'open-window' }
  | { kind: 'pause'; until: PauseUntil }
  | { kind: 'settings' }
  | { kind: 'quit' };

export type TrayItem =
  | { type: 'action'; label: string; action: TrayAction; enabled: boolean }
  | { type: 'submenu'; label: string; items: TrayItem[] }
  | { type: 'note'; label: string }
  | { type: 'separator' };

export interface TrayModel {
  icon: Level;
  /** The highest percentage, shown next to the icon where the platform has room (macOS); '' when none. */
  title: string;
  tooltip: string;
  items: TrayItem[];
}

type TraySettings = Pick<Settings, 'notifications'>;

export function trayModel(state: AppState, settings: TraySettings, now: number): TrayModel {
  const live = state.sessions.filter((session) => session.status !== 'ended').sort(byContextDescending);
  const top = live[0];
  const pausedUntil = activePause(state.notificationsPausedUntil, now);
  return {
    icon: worstLevel(live),
    title: top?.context.percent != null ? percentLabel(top.context.percent) : '',
    tooltip: tooltip(live, pausedUntil),
    items: [
      ...sessionItems(live),
      { type: 'separator' },
      action('Open Headroom', { kind: 'open-window' }),
      notificationItem(settings, pausedUntil, now),
      action('Settings…', { kind: 'settings' }),
      { type: 'separator' },
      action('Quit Headroom', { kind: 'quit' }),
    ],
  };
}

function byContextDescending(a: SessionView, b: SessionView): number {
  return (b.context.percent ?? -1) - (a.context.percent ?? -1);
}

function worstLevel(sessions: SessionView[]): Level {
  const present = new Set(sessions.map((session) => session.level));
  return LEVEL_ORDER.find((level) => present.has(level)) ?? 'ok';
}

function activePause(pausedUntil: string | null, now: number): Date | null {
  if (pausedUntil === null) return null;
  const until = new Date(pausedUntil);
  return until.getTime() > now ? until : null;
}

function tooltip(live: SessionView[], pausedUntil: Date | null): string {
  const parts = live.length === 0 ? ['Headroom', 'no active sessions'] : [`${live.length} ${live.length === 1 ? 'session' : 'sessions'}`];
  const top = live[0];
  if (top) {
    if (top.context.percent !== null) parts.push(`highest ${percentLabel(top.context.percent)}`);
    parts.push(projectLabel(top));
  }
  if (pausedUntil) parts.push('notifications paused');
  return parts.join(' · ');
}

function sessionItems(live: SessionView[]): TrayItem[] {
  if (live.length === 0) return [{ type: 'note', label: 'No active sessions' }];
  const items: TrayItem[] = live.slice(0, TRAY_MAX_SESSIONS).map(sessionItem);
  const hidden = live.length - TRAY_MAX_SESSIONS;
  if (hidden > 0) items.push(action(`${hidden} more in Headroom…`, { kind: 'open-window' }));
  return items;
}

function sessionItem(session: SessionView): TrayItem {
  const eta = etaLabel(session.context.etaMinutes);
  const label = [agentName(session.agent), projectLabel(session), percentLabel(session.context.percent), ...(eta ? [eta] : [])].join(' · ');
  const sessionId = session.id;
  return {
    type: 'submenu',
    label,
    items: [
      action('Checkpoint now', { kind: 'checkpoint', sessionId }),
      action('Copy resume command', { kind: 'copy-resume', sessionId }),
      action('Open project folder', { kind: 'open-folder', sessionId }, session.project !== null),
      action('Open transcript', { kind: 'open-transcript', sessionId }, session.files.length > 0),
      action('Show details', { kind: 'show-details', sessionId }),
    ],
  };
}

function notificationItem(settings: TraySettings, pausedUntil: Date | null, now: number): TrayItem {
  const { warning, critical, compactSoon, checkpoint, termination } = settings.notifications;
  if (![warning, critical, compactSoon, checkpoint, termination].some(Boolean)) {
    return { type: 'note', label: 'Notifications are off in Settings' };
  }
  if (pausedUntil) return action(`Resume notifications (paused until ${pauseEnd(pausedUntil, now)})`, { kind: 'pause', until: 'off' });
  return {
    type: 'submenu',
    label: 'Pause notifications',
    items: [action('For 1 hour', { kind: 'pause', until: '1h' }), action('Until tomorrow', { kind: 'pause', until: 'tomorrow' })],
  };
}

/** Local wall-clock `HH:MM`, with `tomorrow` or the date in front when the pause ends on another day. */
function pauseEnd(until: Date, now: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(until.getHours())}:${pad(until.getMinutes())}`;
  const today = new Date(now);
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  if (until.toDateString() === today.toDateString()) return time;
  if (until.toDateString() === tomorrow.toDateString()) return `tomorrow ${time}`;
  return `${until.getFullYear()}-${pad(until.getMonth() + 1)}-${pad(until.getDate())} ${time}`;
}

function action(label: string, what: TrayAction, enabled = true): TrayItem {
  return { type: 'action', label, action: what, enabled };
}
