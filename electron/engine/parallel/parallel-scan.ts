/**
 * A cold scan on several cores. The files are split by session (a session's main and subagent files
 * always go to the same share, so cross-file deduplication stays exact), balanced by size; the calling
 * thread reads one share itself and a worker thread reads each of the others, and the states are
 * merged into the caller's engine, which then only has to read what no share could place (old flat
 * subagent files, whose session is known from their records).
 *
 * Used by the built CLI, where the worker script sits next to it; anywhere else (tests running the
 * sources, a missing file, one CPU, few files, a worker that fails) it declines and the caller reads
 * serially. Not used by the long-running Monitor: workers' heaps would add to its peak memory.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Engine } from '../engine';
import type { Problem } from '../../../shared/session';
import type { SessionWithRecent, WorkerInput, WorkerOutput } from './protocol';
import { readShare } from './read-share';

const MIN_FILES = Number(process.env['HEADROOM_PARALLEL_MIN_FILES'] ?? 200);
/** Threads reading at once, this one included. */
const MAX_THREADS = 8;

/** dist/cli/scan-worker.js, from this module in dist/cli/ or in a split chunk in dist/chunks/. */
function workerScript(): string | null {
  const path = fileURLToPath(new URL('../cli/scan-worker.js', import.meta.url));
  return existsSync(path) ? path : null;
}

/** Reads every discovered file in workers and merges the state; false when it did not apply. */
export async function readInParallel(engine: Engine): Promise<boolean> {
  const outputs = await runWorkers(engine, 'state', false);
  if (!outputs) return false;
  engine.clear();
  for (const output of outputs) {
    engine.importState(output.state!, { merge: true });
    output.problems.forEach((problem) => engine.problem(problem));
  }
  return true;
}

/**
 * Reads every discovered file in workers and returns only the finished sessions (for a report that
 * keeps nothing); null when it did not apply — including when some file's session is only known from
 * its records (old flat subagent files), since those must be folded together with their parent.
 */
export async function snapshotsInParallel(engine: Engine): Promise<{ sessions: SessionWithRecent[]; problems: Problem[] } | null> {
  const outputs = await runWorkers(engine, 'snapshots', true);
  if (!outputs) return null;
  return { sessions: outputs.flatMap((output) => output.sessions ?? []), problems: outputs.flatMap((output) => output.problems) };
}

async function runWorkers(engine: Engine, mode: WorkerInput['mode'], requireKnownSessions: boolean): Promise<WorkerOutput[] | null> {
  const script = workerScript();
  const shares = Math.min(MAX_THREADS, availableParallelism());
  if (!script || shares < 2) return null;
  const bySession = engine.filesBySession();
  if (requireKnownSessions && bySession.has(null)) return null;
  const groups = [...bySession].filter(([key]) => key !== null).map(([, files]) => files);
  if (groups.reduce((sum, files) => sum + files.length, 0) < MIN_FILES) return null;
  const options = engine.workerOptions();
  try {
    const [own, ...others] = balance(groups, shares).map((files): WorkerInput => ({ options, files, mode }));
    const running = others.map((input) => runWorker(script, input));
    running.forEach((worker) => worker.catch(() => undefined)); // a failure is handled below, not unhandled meanwhile
    // Sync reads block this thread, which is what we want here: the workers have their own.
    const ownOutput = own ? await readShare(own) : null;
    const outputs = await Promise.all(running);
    return ownOutput ? [ownOutput, ...outputs] : outputs;
  } catch {
    // A worker that cannot start or fails (e.g. inside a packaged archive) costs only time: read serially.
    return null;
  }
}

/** Largest groups first, each to the lightest bucket: sizes end up within one big session of each other. */
function balance(groups: string[][], count: number): string[][] {
  const sized = groups.map((files) => ({ files, bytes: files.reduce((sum, file) => sum + sizeOf(file), 0) }));
  sized.sort((a, b) => b.bytes - a.bytes);
  const buckets = Array.from({ length: count }, () => ({ files: [] as string[], bytes: 0 }));
  for (const group of sized) {
    const lightest = buckets.reduce((min, bucket) => (bucket.bytes < min.bytes ? bucket : min));
    lightest.files.push(...group.files);
    lightest.bytes += group.bytes;
  }
  return buckets.filter((bucket) => bucket.files.length > 0).map((bucket) => bucket.files);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function runWorker(script: string, input: WorkerInput): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: input });
    worker.once('message', (output: WorkerOutput) => resolve(output));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`scan worker exited with code ${code}`));
    });
  });
}
