/**
 * A worker of the parallel cold scan: reads the transcript files it is given with its own Engine and
 * sends back either the folded state (the shape the warm-start cache stores) or just the finished
 * sessions, plus any problems.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recentEvents } from '../cache/status-cache';
import { Engine } from '../engine';
import type { WorkerInput, WorkerOutput } from './protocol';

const input = workerData as WorkerInput;
const engine = new Engine(input.options);
for (const path of input.files) engine.track(path);
for (const path of input.files) await engine.update(path);
const problems = engine.problemList().items.filter((p) => p.kind !== 'bad-lines');
const output: WorkerOutput =
  input.mode === 'state'
    ? { state: engine.exportState(), sessions: null, problems }
    : { state: null, sessions: engine.list().map((session) => ({ session, recent: recentEvents(engine, session) })), problems };
parentPort?.postMessage(output);
