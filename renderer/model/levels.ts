/**
 * How each alert level reads on screen. The host computes the level (policies in the engine); the
 * view only names and orders it, so the dashboard and the tray always agree.
 */
import { LEVEL_ORDER, type Level } from '../../shared/policy';

export const LEVEL_LABEL: Readonly<Record<Level, string>> = {
  ok: 'OK',
  warning: 'Warning',
  critical: 'Critical',
  'compact-soon': 'Compacting soon',
};

/** 0 for the worst level; sorting by rank puts trouble first. */
export function levelRank(level: Level): number {
  return LEVEL_ORDER.indexOf(level);
}

/** The worst of several levels, `ok` for none. */
export function worstLevel(levels: Iterable<Level>): Level {
  let worst: Level = 'ok';
  for (const level of levels) if (levelRank(level) < levelRank(worst)) worst = level;
  return worst;
}

/** True for the levels a person should act on soon. */
export function isAlert(level: Level): boolean {
  return level !== 'ok';
}
