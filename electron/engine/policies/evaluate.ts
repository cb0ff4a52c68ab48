/**
 * All policy results for one session in one call: its level, health and checkpoint decision, the
 * parts of `SessionView` (shared/api.ts) that come from policies. Pure: the checkpoint history is
 * passed in, `now` is injected.
 */
import type { CheckpointDecision, Health, Level } from '../../../shared/policy';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import { decideCheckpoint } from './checkpoint-decision';
import { healthOf } from './health';
import { levelOf } from './thresholds';

export interface CheckpointHistoryFacts {
  /** Epoch ms of the latest checkpoint, or null. */
  lastAtMs: number | null;
  filesModifiedAtLast: number;
}

export interface Evaluation {
  level: Level;
  health: Health;
  decision: CheckpointDecision;
}

export function evaluateSession(session: Session, settings: Settings, history: CheckpointHistoryFacts, now: number): Evaluation {
  return {
    level: levelOf(session, settings.thresholds),
    health: healthOf(session, settings.health, now),
    decision: decideCheckpoint(
      { session, lastCheckpointAt: history.lastAtMs, filesModifiedAtLastCheckpoint: history.filesModifiedAtLast },
      settings.checkpoint,
      now,
    ),
  };
}
