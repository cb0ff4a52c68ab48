/**
 * Burn rate and time-to-full from a session's context series. Pure: the series carries its own
 * timestamps, so the same history always gives the same estimate.
 *
 * The rate is measured over the points since the latest compaction within the last `windowMinutes`
 * before the newest point; a context that is flat or shrinking has no ETA (null), and one already past
 * the threshold has an ETA of 0.
 */
import type { ContextEvent } from '../sources/types';

export const BURN_WINDOW_MINUTES = 30;

/** Tokens per minute over the recent window; null without two distinct points in time. */
export function burnRate(events: readonly ContextEvent[], windowMinutes = BURN_WINDOW_MINUTES): number | null {
  const last = events.at(-1);
  if (!last || last.usedTokens === null) return null;
  const since = last.at - windowMinutes * 60_000;
  let first: ContextEvent | undefined;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i]!;
    if (event.at < since || event.compaction || event.usedTokens === null) break;
    first = event;
  }
  if (!first || first.usedTokens === null || first.at === last.at) return null;
  return (last.usedTokens - first.usedTokens) / ((last.at - first.at) / 60_000);
}

/** Null too when nothing was recorded for the burn window: a quiet session is not filling up. */
export function etaMinutes(events: readonly ContextEvent[], usedTokens: number | null, limitTokens: number | null, now: number): number | null {
  if (usedTokens === null || limitTokens === null) return null;
  if (usedTokens >= limitTokens) return 0;
  const last = events.at(-1);
  if (!last || now - last.at > BURN_WINDOW_MINUTES * 60_000) return null;
  const rate = burnRate(events);
  if (rate === null || rate <= 0) return null;
  return (limitTokens - usedTokens) / rate;
}
