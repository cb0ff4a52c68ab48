/**
 * PreCompact: the agent is about to summarise its context and drop the detail, so this is the last
 * moment the full state can be saved. The checkpoint goes through the one coordinator (lock, history,
 * handoff, git snapshot) like every other, forced past the cooldown — a compaction is exactly when a
 * fresh checkpoint matters — with the reason "before compaction (auto|manual)".
 *
 * Heavier than the usage check (git, the settings store): this module is loaded only for PreCompact.
 */
import type { Agent } from '../../../shared/session';
import { AnnotationStore } from '../annotations/store';
import { CheckpointCoordinator, type CheckpointOutcome } from '../checkpoints/coordinator';
import { SettingsStore } from '../settings/store';
import { readOneSession } from './one-session';
import type { HookPayload } from './payload';

export interface PreCompactInput {
  agent: Agent;
  dataDir: string;
  payload: HookPayload;
  now: () => number;
  log: (message: string) => void;
}

export async function checkpointBeforeCompaction(input: PreCompactInput): Promise<CheckpointOutcome | null> {
  const { agent, dataDir, payload } = input;
  if (!payload.transcriptPath) {
    input.log(`${agent} session ${payload.sessionId} has no transcript_path; no checkpoint`);
    return null;
  }
  const { settings, issues } = new SettingsStore(dataDir).load();
  issues.forEach((issue) => input.log(`settings ${issue.key}: ${issue.message} (using the default)`));
  const session = await readOneSession({
    agent,
    transcript: payload.transcriptPath,
    sessionId: payload.sessionId,
    settings,
    now: input.now,
    annotate: new AnnotationStore(dataDir).annotator(),
  });
  if (!session) {
    input.log(`no ${agent} session ${payload.sessionId} in ${payload.transcriptPath}; no checkpoint`);
    return null;
  }
  const coordinator = new CheckpointCoordinator({ dataDir, settings: () => settings, now: input.now });
  const trigger = payload.trigger === 'auto' || payload.trigger === 'manual' ? payload.trigger : 'unknown trigger';
  const result = await coordinator.checkpoint(session, { force: true, reason: `before compaction (${trigger})` });
  input.log(result.ok ? `checkpoint of ${agent} session ${session.id} written to ${result.checkpoint.markdownPath}` : `no checkpoint of ${agent} session ${session.id}: ${result.message}`);
  for (const warning of (result.ok && result.warnings) || []) input.log(`warning: ${warning}`);
  return result;
}
