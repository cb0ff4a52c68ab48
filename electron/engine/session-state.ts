/**
 * A session's folded state, awake or asleep. Most sessions on a machine ended long ago; keeping each
 * one's deduplication maps and sets as live objects costs memory and, worse, garbage-collection time
 * for a watcher that should idle at nothing. An asleep session keeps its state as one JSON string
 * (cheap for the collector: no pointers to trace) plus the tail of its context series, and wakes —
 * exactly as it was — the moment one of its files grows or its full history is asked for.
 *
 * A new session's accumulator is made on first use, not when the session is found: a cold scan in
 * worker threads finds thousands of sessions in the calling thread only to hand them out.
 */
import { freeze, thaw } from './cache/freeze';
import { BURN_WINDOW_MINUTES } from './history/eta';
import type { ContextEvent, SessionAccumulator } from './sources/types';

export class SessionState {
  private live: SessionAccumulator<unknown> | null;
  private frozen: string | null = null;
  private recent: readonly ContextEvent[] = [];

  constructor(
    private readonly create: () => SessionAccumulator<unknown>,
    initial?: SessionAccumulator<unknown>,
  ) {
    this.live = initial ?? null;
  }

  /** The accumulator, made or woken first if needed. */
  get accumulator(): SessionAccumulator<unknown> {
    if (!this.live) {
      const woken = this.create();
      if (this.frozen !== null) thaw(woken, JSON.parse(this.frozen));
      this.live = woken;
      this.frozen = null;
      this.recent = [];
    }
    return this.live;
  }

  /** Enough of the context series for the burn rate and ETA, without waking the session. */
  get recentEvents(): readonly ContextEvent[] {
    return this.live ? this.live.contextEvents : this.recent;
  }

  /** Asleep, or not yet made: nothing live to put to sleep. */
  get asleep(): boolean {
    return this.live === null;
  }

  /** The state in the warm-start cache's form. */
  frozenState(): unknown {
    return this.frozen !== null ? JSON.parse(this.frozen) : freeze(this.accumulator);
  }

  sleep(): void {
    if (!this.live) return;
    const events = this.live.contextEvents;
    const last = events.at(-1);
    this.recent = last ? events.filter((event) => event.at >= last.at - BURN_WINDOW_MINUTES * 60_000) : [];
    this.frozen = JSON.stringify(freeze(this.live));
    this.live = null;
  }
}
