/**
 * When to checkpoint a session: a multi-factor decision with a cooldown.
 *
 * Guarantees:
 * - Pure: depends only on the input, the policy and `now`; every reason is a plain sentence.
 * - Each factor is its value divided by its trigger, capped at 1. Checkpoint when any factor reaches 1
 *   (100% of its trigger) or the weighted sum of the factors reaches 1.0.
 * - Never within the cooldown after the previous checkpoint, and never when nothing happened since
 *   it (no activity after it), so an idle session is not checkpointed again and again.
 * - A previous checkpoint time in the future (the clock moved back) counts as "just now": a skewed
 *   clock can delay a checkpoint, never cause a burst of them.
 * - Without a previous checkpoint the time factor counts from the session's start.
 *
 * | factor  | value                                   | trigger (default) | weight |
 * |---------|-----------------------------------------|-------------------|--------|
 * | time    | hours since the last checkpoint         | 2 h               | 0.3    |
 * | files   | files modified since the last checkpoint| 15                | 0.4    |
 * | context | context percent                         | 75%               | 0.5    |
 * | idle    | minutes since the last activity         | 30 min            | 0.2    |
 */
import type { CheckpointDecision } from '../../../shared/policy';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';

export type CheckpointPolicy = Settings['checkpoint'];

export interface CheckpointDecisionInput {
  session: Pick<Session, 'context' | 'startedAt' | 'lastActivityAt' | 'activity'>;
  /** Epoch ms of the session's latest checkpoint, or null when it has none. */
  lastCheckpointAt: number | null;
  /** `activity.filesModified` recorded at the latest checkpoint (0 when none). */
  filesModifiedAtLastCheckpoint: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function decideCheckpoint(input: CheckpointDecisionInput, policy: CheckpointPolicy, now: number): CheckpointDecision {
  const { session, lastCheckpointAt } = input;
  const lastActivity = parseTime(session.lastActivityAt);
  const sinceCheckpoint = lastCheckpointAt === null ? null : Math.max(0, now - lastCheckpointAt);

  const hours = elapsedHours(lastCheckpointAt ?? parseTime(session.startedAt), now);
  const files = Math.max(0, session.activity.filesModified - input.filesModifiedAtLastCheckpoint);
  const percent = session.context.percent;
  const idleMinutes = lastActivity === null ? null : Math.max(0, now - lastActivity) / MINUTE;

  const factors = {
    time: ratio(hours, policy.hoursSinceLast),
    files: ratio(files, policy.filesModified),
    context: ratio(percent, policy.contextPercent),
    idle: ratio(idleMinutes, policy.idleMinutes),
  };
  const w = policy.weights;
  const weighted = factors.time * w.time + factors.files * w.files + factors.context * w.context + factors.idle * w.idle;
  const score = round2(weighted);

  const reasons: string[] = [];
  if (factors.context >= 1) reasons.push(`context at ${fmt(percent)}% (trigger ${policy.contextPercent}%)`);
  if (factors.files >= 1) reasons.push(`${files} files modified since the last checkpoint (trigger ${policy.filesModified})`);
  if (factors.time >= 1) {
    const since = lastCheckpointAt === null ? 'the session started without a checkpoint' : 'the last checkpoint';
    reasons.push(`${fmt(hours)} h since ${since} (trigger ${policy.hoursSinceLast} h)`);
  }
  if (factors.idle >= 1) reasons.push(`idle for ${Math.floor(idleMinutes ?? 0)} min (trigger ${policy.idleMinutes} min)`);
  const anyFactor = reasons.length > 0;
  if (!anyFactor && weighted >= 1) reasons.push(`weighted score ${score.toFixed(2)} reached 1.0`);
  if (reasons.length === 0) return { checkpoint: false, reasons: [`weighted score ${score.toFixed(2)} is below 1.0`], score };

  if (sinceCheckpoint !== null && sinceCheckpoint < policy.cooldownMinutes * MINUTE) {
    const ago = Math.floor(sinceCheckpoint / MINUTE);
    return { checkpoint: false, reasons: [`cooldown: last checkpoint ${ago} min ago (cooldown ${policy.cooldownMinutes} min)`, ...reasons], score };
  }
  if (lastCheckpointAt !== null && (lastActivity === null || lastActivity <= lastCheckpointAt)) {
    return { checkpoint: false, reasons: ['nothing happened since the last checkpoint', ...reasons], score };
  }
  return { checkpoint: true, reasons, score };
}

/** Decides whether the app may checkpoint on its own (the policy's `auto` switches). */
export function autoCheckpointAllowed(decision: CheckpointDecision, level: string, policy: CheckpointPolicy): boolean {
  if (!policy.auto || !decision.checkpoint) return false;
  return !policy.autoOnlyCritical || level === 'critical' || level === 'compact-soon';
}

export interface CheckpointCandidate {
  sessionId: string;
  lastCheckpointAt: number | null;
  decision: CheckpointDecision;
}

/**
 * The sessions to checkpoint, in order: the one whose checkpoint is oldest goes first (never
 * checkpointed counts as oldest), then the higher score, then the id so the order is stable.
 */
export function checkpointQueue<C extends CheckpointCandidate>(candidates: readonly C[]): C[] {
  return candidates
    .filter((c) => c.decision.checkpoint)
    .sort((a, b) => byOldestCheckpoint(a, b) || b.decision.score - a.decision.score || a.sessionId.localeCompare(b.sessionId));
}

function byOldestCheckpoint(a: CheckpointCandidate, b: CheckpointCandidate): number {
  if (a.lastCheckpointAt === b.lastCheckpointAt) return 0;
  if (a.lastCheckpointAt === null) return -1;
  if (b.lastCheckpointAt === null) return 1;
  return a.lastCheckpointAt - b.lastCheckpointAt;
}

function ratio(value: number | null, trigger: number): number {
  if (value === null || trigger <= 0) return 0;
  return Math.min(1, value / trigger);
}

function elapsedHours(from: number | null, now: number): number | null {
  return from === null ? null : Math.max(0, now - from) / HOUR;
}

function parseTime(iso: string | null): number | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : at;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function fmt(value: number | null): string {
  return value === null ? '?' : String(Math.round(value * 10) / 10);
}
