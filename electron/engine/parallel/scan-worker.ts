/**
 * A worker of the parallel cold scan: reads the transcript files it is given with its own Engine and
 * sends back the folded state (the same shape the warm-start cache stores), plus any problems.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../engine';
import type { WorkerInput, WorkerOutput } from './protocol';

const input = workerData as WorkerInput;
const engine = new Engine(input.options);
for (const path of input.files) engine.track(path);
for (const path of input.files) await engine.update(path);
const output: WorkerOutput = { state: engine.exportState(), problems: engine.problemList().items.filter((p) => p.kind !== 'bad-lines') };
parentPort?.postMessage(output);
