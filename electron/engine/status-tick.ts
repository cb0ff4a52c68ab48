/**
 * A session's status moves without its files changing: an agent process starts or exits, and time
 * alone turns running into idle into ended. The Monitor's process tick asks this which sessions to
 * publish again: those whose status or process changed since they were last published.
 */
import type { Session } from '../../shared/session';
import type { Engine } from './engine';
import { sessionKey } from './monitor-contract';
import type { ProcessMatcher } from './processes/matcher';
import { type Liveness, sessionStatus } from './snapshot';

export interface TickResult {
  /** Sessions whose status or process changed since last published (a first sighting is not a change). */
  changed: Session[];
  /** Why matching processes failed, when it did (the statuses are then worked out without processes). */
  failure: string | null;
}

export class StatusTick {
  /** `<status>:<pid>` as last published, per session. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly engine: Engine,
    private readonly processes: ProcessMatcher | null,
    private readonly now: () => number,
  ) {}

  /** A session was published (or removed, with null) because its files changed. */
  noted(key: string, session: Session | null): void {
    if (session) this.published.set(key, `${session.status}:${session.pid ?? ''}`);
    else this.published.delete(key);
  }

  /** Attaches live agent processes to the engine and says which sessions changed status. */
  async run(): Promise<TickResult> {
    const sessions = this.engine.matchables();
    let liveness = new Map<string, Liveness>();
    let failure: string | null = null;
    if (this.processes) {
      try {
        liveness = await this.processes.match(sessions);
        this.engine.setLiveness(liveness);
      } catch (error) {
        failure = `process matching failed: ${(error as Error).message}`;
      }
    }
    // Worked out from the cheap list above plus the new liveness; only changed sessions are rebuilt.
    const now = this.now();
    const idleAfter = this.engine.currentSettings.idleAfterMinutes;
    const changed: Session[] = [];
    for (const session of sessions) {
      const key = sessionKey(session);
      const live = liveness.get(key);
      const status = `${sessionStatus(session.lastActivityAt, live !== undefined, idleAfter, now)}:${live?.pid ?? ''}`;
      if (this.published.get(key) === status) continue;
      const first = !this.published.has(key);
      this.published.set(key, status);
      const current = first ? null : this.engine.session(key);
      if (current) changed.push(current);
    }
    return { changed, failure };
  }
}
