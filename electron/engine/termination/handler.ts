/**
 * Carries out termination requests, used by the app's engine host and by `headroom watch`.
 *
 * For each pending request, in order: checkpoint the session (through the coordinator, forced past the
 * cooldown) → tell the user, with the command that continues the work → and only when the request is
 * `immediate` *and* `termination.allowSignals` is on, end the agent process (./signals.ts: exact pid,
 * same user, same start time, SIGTERM, SIGKILL after the grace period). Every request ends with an
 * outcome file saying what happened.
 *
 * Guarantees:
 * - One handler per request at a time, across processes (a lock file per request); the app and
 *   `headroom watch` may both run.
 * - A step that fails for a passing reason (session not seen yet, checkpoint lock held, the process
 *   outlived SIGKILL) is retried with backoff (./backoff.ts) up to a limit; completed steps are
 *   remembered and never repeated (no second checkpoint, no second notification).
 * - Nothing is signalled without a checkpoint written first, and a process whose identity does not
 *   match is refused for good, never retried.
 */
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import { acquireLock, type LockOptions } from '../checkpoints/lock';
import type { CheckpointOutcome, CheckpointRequest } from '../checkpoints/coordinator';
import { backoffAfter, MAX_ATTEMPTS } from './backoff';
import { readIdentity, type ProcessIdentity } from './identity';
import { requestPath, type TerminationRequest } from './request';
import { endProcess, type EndOptions, type EndResult } from './signals';
import { type Attempts, type Outcome, pendingRequests, type StoredRequest, writeAttempts, writeOutcome } from './store';

export interface TerminationDeps {
  dataDir: string;
  settings: () => Settings;
  findSession: (agent: Session['agent'], sessionId: string) => Session | null;
  checkpoint: (session: Session, request: CheckpointRequest) => Promise<CheckpointOutcome>;
  /** Shows the user what happened (a desktop notification, a terminal line). */
  notify: (session: Session, detail: string) => void;
  now?: () => number;
  end?: (target: ProcessIdentity, options: EndOptions) => Promise<EndResult>;
  identity?: (pid: number) => ProcessIdentity | null;
  endOptions?: Partial<EndOptions>;
  lock?: LockOptions;
  maxAttempts?: number;
}

export interface Handled {
  requestId: string;
  agent: Session['agent'];
  sessionId: string;
  /** The final outcome, or null when the request was put back for a retry. */
  outcome: Outcome | null;
  retryError: string | null;
}

type Step = { done: Omit<Outcome, 'at' | 'attempts'> } | { retry: string };

export class TerminationHandler {
  private readonly now: () => number;

  constructor(private readonly deps: TerminationDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Handles every pending request that is due; returns what happened to each one handled. */
  async runOnce(): Promise<Handled[]> {
    const handled: Handled[] = [];
    for (const stored of pendingRequests(this.deps.dataDir).requests) {
      if (stored.attempts && stored.attempts.nextAttemptAt > this.now()) continue;
      const result = await this.handleLocked(stored);
      if (result) handled.push(result);
    }
    return handled;
  }

  private async handleLocked(stored: StoredRequest): Promise<Handled | null> {
    const lockFile = requestPath(this.deps.dataDir, stored.request).replace(/\.json$/, '.lock');
    const lock = acquireLock(lockFile, { now: this.now, ...this.deps.lock });
    if (!lock.ok) return null;
    try {
      // Another handler may have finished it between the listing and the lock.
      const fresh = pendingRequests(this.deps.dataDir).requests.find((r) => r.request.id === stored.request.id && r.request.sessionId === stored.request.sessionId);
      if (!fresh) return null;
      return await this.handle(fresh);
    } finally {
      lock.release();
    }
  }

  private async handle(stored: StoredRequest): Promise<Handled> {
    const { request } = stored;
    const progress: Attempts = stored.attempts ?? { attempts: 0, nextAttemptAt: 0, lastError: null, checkpoint: null, notified: false };
    progress.attempts += 1;
    const step = await this.steps(request, progress);
    if ('done' in step) return this.finish(request, progress, step.done);
    const wait = backoffAfter(progress.attempts, this.deps.maxAttempts ?? MAX_ATTEMPTS);
    if (wait === null) {
      const session = progress.notified ? null : this.deps.findSession(request.agent, request.sessionId);
      if (session) this.deps.notify(session, `Stop requested (${request.reason}) but not carried out: ${step.retry}.`);
      return this.finish(request, progress, { status: 'failed', detail: `gave up after ${progress.attempts} attempts: ${step.retry}`, checkpoint: progress.checkpoint, continuationCommand: this.continuation(request, progress), signal: null });
    }
    writeAttempts(this.deps.dataDir, request, { ...progress, lastError: step.retry, nextAttemptAt: this.now() + wait });
    return { requestId: request.id, agent: request.agent, sessionId: request.sessionId, outcome: null, retryError: step.retry };
  }

  private async steps(request: TerminationRequest, progress: Attempts): Promise<Step> {
    const session = this.deps.findSession(request.agent, request.sessionId);
    if (!session) {
      if (progress.attempts >= (this.deps.maxAttempts ?? MAX_ATTEMPTS)) return { done: { status: 'not-found', detail: `no ${request.agent} session ${request.sessionId} is being monitored`, checkpoint: null, continuationCommand: request.continuationCommand, signal: null } };
      return { retry: `session ${request.sessionId} is not in the monitor yet` };
    }
    if (!progress.checkpoint) {
      const written = await this.deps.checkpoint(session, { force: true, reason: `before termination: ${request.reason}` });
      if (!written.ok) return { retry: `checkpoint not written (${written.reason}): ${written.message}` };
      progress.checkpoint = { markdownPath: written.checkpoint.markdownPath, resumeCommand: written.checkpoint.resumeCommand };
    }
    const continuation = this.continuation(request, progress);
    const signals = request.priority === 'immediate' && this.deps.settings().termination.allowSignals;
    if (!progress.notified) {
      this.deps.notify(session, notice(request, progress, continuation, signals));
      progress.notified = true;
    }
    const base = { checkpoint: progress.checkpoint, continuationCommand: continuation };
    if (!signals) {
      const why = request.priority === 'immediate' ? ' Signals are off (settings: termination.allowSignals), so the agent was left running.' : '';
      return { done: { ...base, status: 'notified', detail: `checkpoint written and the user notified.${why}`, signal: null } };
    }
    return this.endAgent(request, session, base);
  }

  private async endAgent(request: TerminationRequest, session: Session, base: Pick<Outcome, 'checkpoint' | 'continuationCommand'>): Promise<Step> {
    const target = request.target ?? (session.pid === null ? null : (this.deps.identity ?? readIdentity)(session.pid));
    if (!target) return { done: { ...base, status: 'already-gone', detail: 'no running agent process is known for this session', signal: null } };
    const graceMs = this.deps.settings().termination.graceSeconds * 1000;
    const ended = await (this.deps.end ?? endProcess)(target, { graceMs, ...this.deps.endOptions });
    switch (ended.kind) {
      case 'ended':
        return { done: { ...base, status: 'terminated', detail: `process ${target.pid} ended by ${ended.signal} after ${ended.waitedMs} ms`, signal: ended.signal } };
      case 'already-gone':
        return { done: { ...base, status: 'already-gone', detail: `process ${target.pid} had already exited`, signal: null } };
      case 'refused':
        return { done: { ...base, status: 'refused', detail: ended.reason, signal: null } };
      case 'still-running':
        return { retry: ended.reason };
    }
  }

  private continuation(request: TerminationRequest, progress: Attempts): string | null {
    return request.continuationCommand ?? progress.checkpoint?.resumeCommand ?? null;
  }

  private finish(request: TerminationRequest, progress: Attempts, outcome: Omit<Outcome, 'at' | 'attempts'>): Handled {
    const full: Outcome = { ...outcome, at: new Date(this.now()).toISOString(), attempts: progress.attempts };
    writeOutcome(this.deps.dataDir, request, full);
    return { requestId: request.id, agent: request.agent, sessionId: request.sessionId, outcome: full, retryError: null };
  }
}

function notice(request: TerminationRequest, progress: Attempts, continuation: string | null, signals: boolean): string {
  const parts = [`Stop requested: ${request.reason}.`];
  if (progress.checkpoint) parts.push(`Checkpoint saved: ${progress.checkpoint.markdownPath}.`);
  if (continuation) parts.push(`Continue with: ${continuation}`);
  if (signals) parts.push('The agent process is being ended.');
  return parts.join(' ');
}
