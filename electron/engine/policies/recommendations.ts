/**
 * What to do about the sessions right now (`headroom recommend`, the dashboard's advice list).
 *
 * Guarantees:
 * - Pure: depends only on the inputs and `now`; every message says why in plain words.
 * - Ended sessions get no advice (there is nothing left to act on).
 * - Order: checkpoint-and-restart, fast-burn, checkpoint, close-idle; within a kind, the fuller
 *   context first. A session gets at most one checkpoint-type advice (restart beats plain checkpoint).
 *
 * | condition                                              | advice                 |
 * |--------------------------------------------------------|------------------------|
 * | level critical or compact-soon                         | checkpoint-and-restart |
 * | context reaches auto-compact within 30 min (etaMinutes) | fast-burn              |
 * | checkpoint decision says yes (and not critical)        | checkpoint             |
 * | status idle, or no activity for idleAfterMinutes       | close-idle             |
 */
import type { CheckpointDecision, Level, Recommendation } from '../../../shared/policy';
import type { Session } from '../../../shared/session';

export const FAST_BURN_MINUTES = 30;

export interface RecommendationInput {
  session: Pick<Session, 'id' | 'status' | 'context' | 'lastActivityAt' | 'title' | 'project'>;
  level: Level;
  decision: CheckpointDecision;
}

const ORDER: readonly Recommendation['kind'][] = ['checkpoint-and-restart', 'fast-burn', 'checkpoint', 'close-idle'];

export function recommend(inputs: readonly RecommendationInput[], idleAfterMinutes: number, now: number): Recommendation[] {
  const out: { rec: Recommendation; percent: number }[] = [];
  for (const { session, level, decision } of inputs) {
    if (session.status === 'ended') continue;
    const percent = session.context.percent ?? 0;
    const push = (kind: Recommendation['kind'], message: string) => out.push({ rec: { sessionId: session.id, kind, message }, percent });
    const name = label(session);
    const urgent = level === 'critical' || level === 'compact-soon';
    if (urgent) {
      const why = level === 'compact-soon' ? 'is about to auto-compact and lose detail' : `is at ${pct(session.context.percent)} of its context`;
      push('checkpoint-and-restart', `${name} ${why}: checkpoint it and continue in a fresh session.`);
    }
    const eta = session.context.etaMinutes;
    if (eta !== null && eta <= FAST_BURN_MINUTES && level !== 'compact-soon') {
      push('fast-burn', `${name} is burning context fast: auto-compact in about ${Math.round(eta)} min at the current rate.`);
    }
    if (!urgent && decision.checkpoint) push('checkpoint', `${name} is due a checkpoint: ${decision.reasons.join('; ')}.`);
    const idle = idleMinutes(session.lastActivityAt, now);
    if (session.status === 'idle' || (idle !== null && idle >= idleAfterMinutes)) {
      const since = idle === null ? 'for a while' : `for ${formatDuration(idle)}`;
      push('close-idle', `${name} has been idle ${since}: close it to free memory, or resume it later.`);
    }
  }
  return out
    .sort((a, b) => ORDER.indexOf(a.rec.kind) - ORDER.indexOf(b.rec.kind) || b.percent - a.percent)
    .map((entry) => entry.rec);
}

function label(session: RecommendationInput['session']): string {
  const title = session.title ?? session.project ?? session.id;
  return `Session "${title.length > 60 ? `${title.slice(0, 57)}...` : title}"`;
}

function pct(percent: number | null): string {
  return percent === null ? 'an unknown share' : `${Math.round(percent)}%`;
}

function idleMinutes(iso: string | null, now: number): number | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.max(0, now - at) / 60_000;
}

function formatDuration(minutes: number): string {
  if (minutes < 120) return `${Math.floor(minutes)} min`;
  return `${Math.floor(minutes / 60)} h`;
}
