/**
 * Session health: one 0–100 score (higher is healthier) with the factor scores behind it.
 *
 * Guarantees:
 * - Pure: the result depends only on the session, the weights and `now`.
 * - Each factor scores 0–100 on its own and falls linearly between a "fresh" and a "stale" bound
 *   (named constants below); the score is the weighted mean of the factors, rounded.
 * - Unknown inputs (no context figure, no start time, no activity time) score 100: nothing is known
 *   to be wrong, and a made-up penalty would be worse than none.
 * - A timestamp in the future (clock skew between machines) counts as "now", never as negative time.
 * - Status: healthy ≥ 70, warning 40 – < 70, critical < 40. All weights 0 → 100 (nothing weighed).
 *
 * | factor   | 100 at            | 0 at               | default weight |
 * |----------|-------------------|--------------------|----------------|
 * | context  | 0% used           | 100% used          | 0.4            |
 * | duration | ≤ 1 h running     | ≥ 8 h running      | 0.2            |
 * | idle     | ≤ 5 min since act.| ≥ 120 min          | 0.2            |
 * | errors   | 0% of tool calls  | ≥ 25% of tool calls| 0.2            |
 */
import type { Health, HealthBreakdown, HealthStatus } from '../../../shared/policy';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';

export const DURATION_FRESH_HOURS = 1;
export const DURATION_STALE_HOURS = 8;
export const IDLE_FRESH_MINUTES = 5;
export const IDLE_STALE_MINUTES = 120;
/** Errors per tool call (or per message when no tools ran) at which the factor reaches 0. */
export const ERROR_RATE_STALE = 0.25;
export const HEALTHY_AT = 70;
export const WARNING_AT = 40;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type HealthInput = Pick<Session, 'context' | 'startedAt' | 'lastActivityAt' | 'activity'>;

export function healthOf(session: HealthInput, weights: Settings['health'], now: number): Health {
  const breakdown: HealthBreakdown = {
    context: contextScore(session.context.percent),
    duration: falling(elapsed(session.startedAt, now), DURATION_FRESH_HOURS * HOUR, DURATION_STALE_HOURS * HOUR),
    idle: falling(elapsed(session.lastActivityAt, now), IDLE_FRESH_MINUTES * MINUTE, IDLE_STALE_MINUTES * MINUTE),
    errors: errorScore(session.activity),
  };
  const total = weights.context + weights.duration + weights.idle + weights.errors;
  const weighted =
    total === 0
      ? 100
      : (breakdown.context * weights.context +
          breakdown.duration * weights.duration +
          breakdown.idle * weights.idle +
          breakdown.errors * weights.errors) /
        total;
  const score = Math.round(weighted);
  return { score, status: healthStatus(score), breakdown };
}

export function healthStatus(score: number): HealthStatus {
  if (score >= HEALTHY_AT) return 'healthy';
  if (score >= WARNING_AT) return 'warning';
  return 'critical';
}

function contextScore(percent: number | null): number {
  return percent === null ? 100 : clamp(100 - percent);
}

function errorScore(activity: Session['activity']): number {
  const attempts = activity.toolCalls > 0 ? activity.toolCalls : activity.assistantMessages;
  if (activity.errors === 0 || attempts === 0) return activity.errors === 0 ? 100 : 0;
  return clamp(100 - (activity.errors / attempts / ERROR_RATE_STALE) * 100);
}

/** Milliseconds since an ISO time; null when unknown, 0 when the time is in the future. */
function elapsed(iso: string | null, now: number): number | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  return Math.max(0, now - at);
}

/** 100 up to `fresh`, 0 from `stale`, linear in between; unknown → 100. */
function falling(value: number | null, fresh: number, stale: number): number {
  if (value === null || value <= fresh) return 100;
  if (value >= stale) return 0;
  return clamp(100 - ((value - fresh) / (stale - fresh)) * 100);
}

function clamp(score: number): number {
  return Math.min(100, Math.max(0, score));
}
