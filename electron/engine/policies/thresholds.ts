/**
 * Threshold levels and their edge-triggered transitions.
 *
 * Guarantees:
 * - `levelOf` is a pure function of the session's context figures and the configured thresholds;
 *   an unknown context (null percent, null tokens) is `ok`, never a guessed level.
 * - Levels are ranked ok < warning < critical < compact-soon (`compact-soon` is the most urgent: the
 *   agent is about to summarise its context on its own). A session gets the most urgent level it meets.
 * - `transition(prev, curr)` is `none` when there is no previous value, so nothing fires for the state
 *   found at start-up; `crossed` only when the level rises, `recovered` only when it falls. A level
 *   therefore fires once on entry and re-arms only after the session dropped below it.
 *
 * Decision table (defaults):
 * | context                                   | level        |
 * |-------------------------------------------|--------------|
 * | usedTokens ≥ autoCompactAtTokens − 10,000 | compact-soon |
 * | percent ≥ 90                              | critical     |
 * | percent ≥ 70                              | warning      |
 * | otherwise, or unknown                     | ok           |
 */
import type { Level } from '../../../shared/policy';
import type { Context } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';

export type Thresholds = Settings['thresholds'];
export type Transition = 'none' | 'crossed' | 'recovered';

/** Rank of each level; a higher rank is more urgent. */
export const LEVEL_RANK: Readonly<Record<Level, number>> = { ok: 0, warning: 1, critical: 2, 'compact-soon': 3 };
const BY_RANK: readonly Level[] = ['ok', 'warning', 'critical', 'compact-soon'];

/** The most urgent level the session's context meets. */
export function levelOf(session: { context: Context }, thresholds: Thresholds): Level {
  const { usedTokens, autoCompactAtTokens, percent } = session.context;
  if (usedTokens !== null && autoCompactAtTokens !== null) {
    if (usedTokens >= autoCompactAtTokens - thresholds.compactSoonMarginTokens) return 'compact-soon';
  }
  if (percent === null) return 'ok';
  if (percent >= thresholds.criticalPercent) return 'critical';
  if (percent >= thresholds.warningPercent) return 'warning';
  return 'ok';
}

/** Edge detection between two observations of the same session; `none` without a previous value. */
export function transition(prev: Level | undefined, curr: Level): Transition {
  if (prev === undefined || prev === curr) return 'none';
  return LEVEL_RANK[curr] > LEVEL_RANK[prev] ? 'crossed' : 'recovered';
}

/**
 * The thresholds passed on the way up from `prev` to `curr`, lowest first: ok → critical crosses
 * `warning` and `critical`. Empty when there is no previous value or the level did not rise.
 */
export function crossedLevels(prev: Level | undefined, curr: Level): Level[] {
  if (transition(prev, curr) !== 'crossed' || prev === undefined) return [];
  return BY_RANK.slice(LEVEL_RANK[prev] + 1, LEVEL_RANK[curr] + 1);
}

/** How often a session crossed each threshold; `ok` is never counted (it is not a threshold). */
export type CrossingCounts = Readonly<Record<Exclude<Level, 'ok'>, number>>;
export const NO_CROSSINGS: CrossingCounts = { warning: 0, critical: 0, 'compact-soon': 0 };

/** Adds the crossings between two observations to a session's counters (returns a new object). */
export function countCrossings(counts: CrossingCounts, prev: Level | undefined, curr: Level): CrossingCounts {
  const next = { ...counts };
  for (const level of crossedLevels(prev, curr)) {
    if (level !== 'ok') next[level] += 1;
  }
  return next;
}
