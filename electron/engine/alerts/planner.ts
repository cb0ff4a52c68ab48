/**
 * Decides which notifications to show as sessions change; shared by the desktop app and
 * `headroom watch --notify`, which differ only in their `AlertSink`.
 *
 * Guarantees:
 * - Edge-triggered (policies/thresholds.ts): an alert fires when a session enters a level, and again
 *   only after it dropped below it. Nothing fires for the state found at start-up or for a session
 *   seen for the first time. A session that disappears is forgotten.
 * - Respects the settings on every observation: a level whose switch is off is silent, and while
 *   `notifications.pausedUntil` is in the future nothing is shown (levels are still tracked, so the
 *   end of a pause brings no burst of stale alerts).
 * - Rate-limited: the same session and kind at most once per `repeatAfterMs` (a context hovering at
 *   a threshold does not flap); grouped: when more than `groupAbove` level alerts are due at once, or
 *   the last minute already had `maxPerMinute`, they become one summary alert.
 */
import type { Level } from '../../../shared/policy';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import { countCrossings, levelOf, NO_CROSSINGS, transition, type CrossingCounts } from '../policies/thresholds';
import type { Alert } from './alert';
import { checkpointFailedAlert, checkpointWrittenAlert, levelAlert, summaryAlert, memoryAlert, terminationAlert, type AlertSubject } from './messages';

export interface AlertPlannerOptions {
  settings: () => Settings;
  now?: () => number;
  repeatAfterMs?: number;
  groupAbove?: number;
  maxPerMinute?: number;
}

type Crossed = { session: AlertSubject; level: Exclude<Level, 'ok'> };
type Named = Pick<Session, 'id' | 'agent' | 'project' | 'projectName' | 'title'>;

const MINUTE = 60_000;

export class AlertPlanner {
  private readonly levels = new Map<string, Level>();
  private readonly crossingCounts = new Map<string, CrossingCounts>();
  private readonly lastShown = new Map<string, number>();
  private shownAt: number[] = [];
  private readonly now: () => number;
  private readonly repeatAfterMs: number;
  private readonly groupAbove: number;
  private readonly maxPerMinute: number;

  constructor(private readonly options: AlertPlannerOptions) {
    this.now = options.now ?? Date.now;
    this.repeatAfterMs = options.repeatAfterMs ?? 10 * MINUTE;
    this.groupAbove = options.groupAbove ?? 3;
    this.maxPerMinute = options.maxPerMinute ?? 6;
  }

  /** Takes the full current session list; returns the alerts to show now. */
  observe(sessions: readonly AlertSubject[]): Alert[] {
    const settings = this.options.settings();
    const crossed: Crossed[] = [];
    const seen = new Set<string>();
    for (const session of sessions) {
      const key = keyOf(session);
      seen.add(key);
      const prev = this.levels.get(key);
      const curr = levelOf(session, settings.thresholds);
      this.levels.set(key, curr);
      this.crossingCounts.set(key, countCrossings(this.crossingCounts.get(key) ?? NO_CROSSINGS, prev, curr));
      if (curr !== 'ok' && transition(prev, curr) === 'crossed') crossed.push({ session, level: curr });
    }
    for (const key of [...this.levels.keys()]) {
      if (!seen.has(key)) this.forget(key);
    }
    const now = this.now();
    if (isPaused(settings, now)) return [];
    const due = crossed.filter((c) => levelEnabled(settings, c.level) && this.fresh(c.session, c.level, now));
    if (due.length === 0) return [];
    for (const c of due) this.lastShown.set(`${keyOf(c.session)}|${c.level}`, now);
    const recent = this.recentCount(now);
    const alerts = due.length > this.groupAbove || recent + due.length > this.maxPerMinute ? [summaryAlert(due)] : due.map((c) => levelAlert(c.session, c.level, settings.thresholds));
    this.shownAt.push(...alerts.map(() => now));
    return alerts;
  }

  checkpointWritten(session: Named, resumeCommand: string): Alert | null {
    return this.event('checkpoint', checkpointWrittenAlert(session, resumeCommand));
  }

  checkpointFailed(session: Named, message: string): Alert | null {
    return this.event('checkpoint', checkpointFailedAlert(session, message));
  }

  terminationRequested(session: Named, detail: string): Alert | null {
    return this.event('termination', terminationAlert(session, detail));
  }

  memoryWarning(session: Named, reason: string): Alert | null {
    return this.event('memory', memoryAlert(session, reason));
  }

  /** How often a session crossed each threshold while observed. */
  crossings(session: Pick<Session, 'agent' | 'id'>): CrossingCounts {
    return this.crossingCounts.get(keyOf(session)) ?? NO_CROSSINGS;
  }

  private event(setting: 'checkpoint' | 'termination' | 'memory', alert: Alert): Alert | null {
    const settings = this.options.settings();
    const now = this.now();
    if (isPaused(settings, now) || !settings.notifications[setting]) return null;
    this.shownAt.push(now);
    return alert;
  }

  private fresh(session: AlertSubject, level: Level, now: number): boolean {
    const last = this.lastShown.get(`${keyOf(session)}|${level}`);
    return last === undefined || now - last >= this.repeatAfterMs;
  }

  private recentCount(now: number): number {
    this.shownAt = this.shownAt.filter((at) => now - at < MINUTE);
    return this.shownAt.length;
  }

  private forget(key: string): void {
    this.levels.delete(key);
    this.crossingCounts.delete(key);
    for (const shown of [...this.lastShown.keys()]) if (shown.startsWith(`${key}|`)) this.lastShown.delete(shown);
  }
}

function keyOf(session: Pick<Session, 'agent' | 'id'>): string {
  return `${session.agent}:${session.id}`;
}

/** Paused while `pausedUntil` is a valid time in the future. */
export function isPaused(settings: Settings, now: number): boolean {
  const until = settings.notifications.pausedUntil;
  if (!until) return false;
  const at = Date.parse(until);
  return !Number.isNaN(at) && at > now;
}

function levelEnabled(settings: Settings, level: Exclude<Level, 'ok'>): boolean {
  const n = settings.notifications;
  return level === 'warning' ? n.warning : level === 'critical' ? n.critical : n.compactSoon;
}
