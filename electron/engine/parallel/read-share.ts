/**
 * One share of a parallel cold scan: its files read by an Engine of their own, and the result in the
 * plain-data shape that crosses threads. The same function runs in each worker and in the calling
 * thread, which reads a share itself rather than wait idle.
 */
import { recentEvents } from '../cache/status-cache';
import { Engine } from '../engine';
import type { WorkerInput, WorkerOutput } from './protocol';

export async function readShare(input: WorkerInput): Promise<WorkerOutput> {
  const engine = new Engine(input.options);
  for (const path of input.files) engine.track(path);
  for (const path of input.files) await engine.update(path);
  // Bad lines travel with their sessions; the caller sums them again.
  const problems = engine.problemList().items.filter((p) => p.kind !== 'bad-lines');
  if (input.mode === 'state') return { state: engine.exportState(), sessions: null, problems };
  return { state: null, sessions: engine.list().map((session) => ({ session, recent: recentEvents(engine, session) })), problems };
}
