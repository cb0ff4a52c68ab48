/**
 * A cold scan on several cores. The files are grouped by session (a session's main and subagent files
 * always stay together, so cross-file deduplication stays exact); the calling thread and one worker
 * per further core take group after group from a shared counter until none is left, and the results
 * are merged. Only what no thread could place is left to the caller's engine (old flat subagent files,
 * whose session is known from their records).
 *
 * Used by the built CLI, where the worker script sits next to it; anywhere else (tests running the
 * sources, a missing file, one CPU, few files, a worker that fails) it declines and the caller reads
 * serially. Not used by the long-running Monitor: workers' heaps would add to its peak memory.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Engine } from '../engine';
import type { SessionWithRecent, ShareInput, ShareOutput } from './protocol';
import { readShare } from './read-share';

const MIN_FILES = Number(process.env['HEADROOM_PARALLEL_MIN_FILES'] ?? 200);
/** Threads reading at once, this one included. */
const MAX_THREADS = 8;

/** dist/cli/scan-worker.js, from this module in dist/cli/ or in a split chunk in dist/chunks/. */
function workerScript(): string | null {
  const path = fileURLToPath(new URL('../cli/scan-worker.js', import.meta.url));
  return existsSync(path) ? path : null;
}

interface Hand {
  worker: Worker;
  /** Settles once with the worker's result, or its failure. */
  result: Promise<ShareOutput>;
}

/** What a parallel read gives: the finished sessions, or (when state is kept) the state merged into the engine. */
export type ParallelRead = { sessions: SessionWithRecent[] } | { merged: true };

export class ReadingCrew {
  private constructor(private readonly hands: Hand[]) {}

  /**
   * Starts the workers right away, idle until `read` gives them work, so that their start-up overlaps
   * the listing of the folders. Null where a parallel scan cannot run.
   */
  static start(): ReadingCrew | null {
    const script = workerScript();
    const threads = Math.min(MAX_THREADS, availableParallelism());
    if (!script || threads < 2) return null;
    try {
      return new ReadingCrew(Array.from({ length: threads - 1 }, () => hire(script)));
    } catch {
      return null;
    }
  }

  /**
   * Reads every file the engine discovered. Without `keep`, only the finished sessions come back (far
   * less to send than state); with it — or when some file's session is only known from its records and
   * must be folded with its parent — the state is merged into `engine`. Null when it did not apply: the
   * engine is then untouched and the caller reads serially.
   */
  async read(engine: Engine, keep: boolean): Promise<ParallelRead | null> {
    const bySession = engine.filesBySession();
    const groups = [...bySession].filter(([key]) => key !== null).map(([, files]) => files);
    if (groups.reduce((sum, files) => sum + files.length, 0) < MIN_FILES) {
      this.dismiss();
      return null;
    }
    const mode = keep || bySession.has(null) ? 'state' : 'snapshots';
    const input: ShareInput = { options: engine.workerOptions(), groups, next: new SharedArrayBuffer(4), mode };
    for (const hand of this.hands) {
      hand.worker.ref();
      hand.worker.postMessage(input);
    }
    let outputs: ShareOutput[];
    try {
      // Sync reads block this thread, which is what we want here: the workers have their own.
      const own = await readShare(input);
      outputs = [own, ...(await Promise.all(this.hands.map((hand) => hand.result)))];
    } catch {
      // A thread that cannot start or fails (e.g. a worker inside a packaged archive) costs only time:
      // the caller's engine is untouched and reads serially, where a real error shows again.
      this.dismiss();
      return null;
    }
    for (const output of outputs) output.problems.forEach((problem) => engine.problem(problem));
    if (mode === 'snapshots') return { sessions: outputs.flatMap((output) => output.sessions ?? []) };
    engine.clear();
    for (const output of outputs) engine.importState(output.state!, { merge: true });
    return { merged: true };
  }

  /** Stops workers that will not be needed. */
  dismiss(): void {
    for (const hand of this.hands) void hand.worker.terminate();
  }
}

function hire(script: string): Hand {
  const worker = new Worker(script);
  // An idle worker must not keep the process alive (say the listing failed); one at work must.
  worker.unref();
  const result = new Promise<ShareOutput>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`scan worker exited with code ${code}`)));
  });
  result.catch(() => undefined); // handled where it is awaited; not an unhandled rejection meanwhile
  return { worker, result };
}
