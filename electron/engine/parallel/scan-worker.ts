/** A worker thread of the parallel cold scan: reads the share it is given (read-share.ts) and sends it back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput } from './protocol';
import { readShare } from './read-share';

parentPort?.postMessage(await readShare(workerData as WorkerInput));
