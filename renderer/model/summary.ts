/**
 * The overview header: the whole fleet in one line. Computed from the snapshot the host pushed, so it
 * can never disagree with the rows under it.
 */
import type { Level } from '../../shared/policy';
import type { SessionView } from '../../shared/api';
import { isAlert, worstLevel } from './levels';

export interface OverviewSummary {
  total: number;
  running: number;
  idle: number;
  ended: number;
  /** The fullest context window, or null when no session has a known percentage. */
  highest: { sessionId: string; percent: number; level: Level } | null;
  /** Sessions whose level is not `ok`. */
  alerts: number;
  worst: Level;
  /** Tokens and cost of the sessions active since `dayStart`; cost is null when none has a known price. */
  today: { sessions: number; tokens: number; costUsd: number | null };
}

/**
 * @param dayStart epoch ms of the viewer's local midnight; the caller owns the clock and time zone.
 */
export function summarize(sessions: readonly SessionView[], dayStart: number): OverviewSummary {
  const summary: OverviewSummary = {
    total: sessions.length,
    running: 0,
    idle: 0,
    ended: 0,
    highest: null,
    alerts: 0,
    worst: worstLevel(sessions.map((session) => session.level)),
    today: { sessions: 0, tokens: 0, costUsd: null },
  };
  for (const session of sessions) {
    summary[session.status] += 1;
    if (isAlert(session.level)) summary.alerts += 1;
    const percent = session.context.percent;
    if (percent !== null && (summary.highest === null || percent > summary.highest.percent)) {
      summary.highest = { sessionId: session.id, percent, level: session.level };
    }
    const lastActivity = session.lastActivityAt === null ? Number.NaN : Date.parse(session.lastActivityAt);
    if (lastActivity >= dayStart) {
      summary.today.sessions += 1;
      summary.today.tokens += session.tokens.total;
      if (session.costUsd !== null) summary.today.costUsd = (summary.today.costUsd ?? 0) + session.costUsd;
    }
  }
  return summary;
}
