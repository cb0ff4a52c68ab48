/** What the parallel cold scan sends to a worker and gets back. Plain data: it crosses threads. */
import type { Problem } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { EngineState } from '../engine';

export interface WorkerInput {
  options: { claudeDirs: string[]; codexDirs: string[]; geminiDirs: string[]; settings: Settings };
  files: string[];
}

export interface WorkerOutput {
  state: EngineState;
  problems: Problem[];
}
