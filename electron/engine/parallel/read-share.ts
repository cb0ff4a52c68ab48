/**
 * One thread's part of a parallel cold scan: it takes session after session from the shared queue
 * and reads their files with an Engine of its own, then hands back the result in the plain-data shape
 * that crosses threads. The same function runs in each worker and in the calling thread, which reads
 * too rather than wait idle.
 */
import { recentEvents } from '../cache/status-cache';
import { Engine } from '../engine';
import type { ShareInput, ShareOutput } from './protocol';

export async function readShare(input: ShareInput): Promise<ShareOutput> {
  const engine = new Engine(input.options);
  const next = new Int32Array(input.next);
  for (let group = Atomics.add(next, 0, 1); group < input.groups.length; group = Atomics.add(next, 0, 1)) {
    const files = input.groups[group]!;
    for (const path of files) engine.track(path);
    for (const path of files) await engine.update(path);
  }
  // Bad lines travel with their sessions; the caller sums them again.
  const problems = engine.problemList().items.filter((p) => p.kind !== 'bad-lines');
  if (input.mode === 'state') return { state: engine.exportState(), sessions: null, problems };
  return { state: null, sessions: engine.list().map((session) => ({ session, recent: recentEvents(engine, session) })), problems };
}
