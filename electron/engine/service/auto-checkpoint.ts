/**
 * Automatic checkpoints: after each state change, the sessions the decision policy marks (and the
 * settings allow) are checkpointed one at a time, oldest checkpoint first. The coordinator's lock and
 * cooldown make a repeat harmless; one runner per host never runs twice at once.
 */
import type { AppState } from '../../../shared/api';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { CheckpointCoordinator, CheckpointOutcome } from '../checkpoints/coordinator';
import type { Monitor } from '../monitor';
import { autoCheckpointAllowed, checkpointQueue } from '../policies/checkpoint-decision';

export interface AutoCheckpointInput {
  state: AppState;
  settings: Settings;
  monitor: Pick<Monitor, 'session'>;
  coordinator: Pick<CheckpointCoordinator, 'checkpoint'>;
  onDone: (session: Session, result: CheckpointOutcome) => void;
}

/** One runner per host; it never runs twice at once. */
export function createAutoCheckpointer(): (input: AutoCheckpointInput) => Promise<void> {
  let busy = false;
  return async (input) => {
    if (busy || !input.settings.checkpoint.auto) return;
    busy = true;
    try {
      await checkpointDue(input);
    } finally {
      busy = false;
    }
  };
}

async function checkpointDue(input: AutoCheckpointInput): Promise<void> {
  const candidates = input.state.sessions
    .filter((s) => autoCheckpointAllowed(s.decision, s.level, input.settings.checkpoint))
    .map((s) => ({ sessionId: s.id, key: `${s.agent}:${s.id}`, lastCheckpointAt: s.checkpoints.lastAt ? Date.parse(s.checkpoints.lastAt) : null, decision: s.decision }));
  for (const candidate of checkpointQueue(candidates)) {
    const session = input.monitor.session(candidate.key);
    if (!session) continue;
    const result = await input.coordinator.checkpoint(session, { reason: `automatic: ${candidate.decision.reasons.join('; ')}` });
    input.onDone(session, result);
  }
}
