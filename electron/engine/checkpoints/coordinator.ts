/**
 * The one way to make a checkpoint, shared by the desktop app, the CLI and agent hooks.
 *
 * Guarantees:
 * - One checkpoint at a time per session across processes: a per-session lock file (lock.ts). A
 *   second caller is told `locked`, with who holds it, instead of waiting.
 * - The cooldown is checked under the lock, against the history on disk, so of many simultaneous
 *   callers exactly one writes and the rest are told `locked` or `cooldown`. `force` skips the
 *   cooldown (manual checkpoints), never the lock.
 * - Leftovers of a crashed writer are removed before writing; the lock is always released.
 */
import type { CheckpointResult } from '../../../shared/api';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import { acquireLock, type LockOptions } from './lock';
import { lockPath, sessionCheckpointDir } from './paths';
import { readHistory, readHistoryDir, summarizeHistory, type History, type HistorySummary } from './history';
import { removeLeftovers, writeCheckpoint, type WriteStep } from './writer';

export interface CoordinatorOptions {
  dataDir: string;
  /** Read on every request, so a settings change applies at once. */
  settings: () => Settings;
  now?: () => number;
  lock?: LockOptions;
  progress?: (step: WriteStep) => void | Promise<void>;
}

export interface CheckpointRequest {
  reason?: string;
  force?: boolean;
}

export type CheckpointOutcome = CheckpointResult & { warnings?: string[] };

export class CheckpointCoordinator {
  constructor(private readonly options: CoordinatorOptions) {}

  async checkpoint(session: Session, request: CheckpointRequest = {}): Promise<CheckpointOutcome> {
    const now = this.options.now ?? Date.now;
    const dir = sessionCheckpointDir(this.options.dataDir, session.agent, session.id);
    let lock;
    try {
      lock = acquireLock(lockPath(dir), { now, ...this.options.lock });
    } catch (error) {
      return { ok: false, reason: 'failed', message: `could not lock ${dir}: ${(error as Error).message}` };
    }
    if (!lock.ok) {
      const who = lock.holder ? ` (pid ${lock.holder.pid} on ${lock.holder.host}, since ${lock.holder.createdAt})` : '';
      return { ok: false, reason: 'locked', message: `another checkpoint of this session is being written${who}` };
    }
    try {
      removeLeftovers(dir);
      const policy = this.options.settings().checkpoint;
      const last = summarizeHistory(readHistoryDir(dir).checkpoints);
      const at = now();
      if (!request.force && last.lastAtMs !== null) {
        const since = at - last.lastAtMs;
        if (since < policy.cooldownMinutes * 60_000) {
          const ago = Math.max(0, Math.floor(since / 60_000));
          return {
            ok: false,
            reason: 'cooldown',
            message: `last checkpoint ${ago} min ago (${last.lastAt}); the cooldown is ${policy.cooldownMinutes} min (use --force to checkpoint anyway)`,
          };
        }
      }
      const written = await writeCheckpoint({
        session,
        dataDir: this.options.dataDir,
        reason: request.reason ?? 'manual checkpoint',
        now: at,
        copyToProject: policy.copyToProject,
        progress: this.options.progress,
      });
      return { ok: true, checkpoint: written.file.record, warnings: written.warnings };
    } catch (error) {
      return { ok: false, reason: 'failed', message: `checkpoint failed: ${(error as Error).message}` };
    } finally {
      lock.release();
    }
  }

  history(sessionId: string, agent?: Session['agent']): History {
    return readHistory(this.options.dataDir, sessionId, agent);
  }

  summary(sessionId: string, agent?: Session['agent']): HistorySummary {
    return summarizeHistory(this.history(sessionId, agent).checkpoints);
  }
}
