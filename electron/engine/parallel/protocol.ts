/** What the parallel cold scan sends to a worker and gets back. Plain data: it crosses threads. */
import type { Problem, Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { EngineState } from '../engine';
import type { ContextEvent } from '../sources/types';

export interface ShareInput {
  options: { claudeDirs: string[]; codexDirs: string[]; geminiDirs: string[]; settings: Settings; dataDir: string | undefined };
  /** Every session's files (main and subagents together), for all threads. */
  groups: string[][];
  /**
   * One shared counter: each thread takes the next group with `Atomics.add`, so faster threads simply
   * take more, and a thread that started late (a worker's start-up) costs no idle time elsewhere.
   */
  next: SharedArrayBuffer;
  /**
   * `state`: the folded state, to continue incrementally (warm-start cache, Monitor).
   * `snapshots`: only the finished sessions — far less to send when nothing is kept afterwards.
   */
  mode: 'state' | 'snapshots';
}

/** A finished session with the tail of its context series, enough for a later ETA. */
export interface SessionWithRecent {
  session: Session;
  recent: ContextEvent[];
}

export interface ShareOutput {
  state: EngineState | null;
  sessions: SessionWithRecent[] | null;
  problems: Problem[];
}
