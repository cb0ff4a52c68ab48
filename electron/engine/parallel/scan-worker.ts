/**
 * A worker thread of the parallel cold scan. It is started before the folders are even listed, so its
 * own start-up overlaps the listing; it then waits for its one job (read-share.ts) and sends it back.
 */
import { parentPort } from 'node:worker_threads';
import type { ShareInput } from './protocol';
import { readShare } from './read-share';

parentPort?.once('message', (input: ShareInput) => {
  void readShare(input).then((output) => parentPort?.postMessage(output));
});
