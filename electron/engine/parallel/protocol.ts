/** What the parallel cold scan sends to a worker and gets back. Plain data: it crosses threads. */
import type { Problem, Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { EngineState } from '../engine';
import type { ContextEvent } from '../sources/types';

export interface WorkerInput {
  options: { claudeDirs: string[]; codexDirs: string[]; geminiDirs: string[]; settings: Settings; dataDir: string | undefined };
  files: string[];
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

export interface WorkerOutput {
  state: EngineState | null;
  sessions: SessionWithRecent[] | null;
  problems: Problem[];
}
