/**
 * A separate process that asks for checkpoints, for the concurrency and crash tests. Bundled with
 * esbuild by the test, then spawned; it reads one JSON job per line on stdin and answers one JSON line:
 *   { session, force?, stopAt? } → { result } | { stopped: step }
 * With `stopAt`, it announces the step and then hangs, so the test can kill -9 it right there.
 */
import { createInterface } from 'node:readline';
import type { Session } from '../../../shared/session';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { CheckpointCoordinator } from '../../../electron/engine/checkpoints/coordinator';
import type { WriteStep } from '../../../electron/engine/checkpoints/writer';

interface Job {
  session: Session;
  force?: boolean;
  stopAt?: WriteStep;
}

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: checkpoint-worker <dataDir>');
let stopAt: WriteStep | undefined;
const coordinator = new CheckpointCoordinator({
  dataDir,
  settings: () => DEFAULT_SETTINGS,
  progress: async (step) => {
    if (step !== stopAt) return;
    process.stdout.write(`${JSON.stringify({ stopped: step })}\n`);
    await new Promise(() => setInterval(() => undefined, 1000));
  },
});

process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const job = JSON.parse(line) as Job;
  stopAt = job.stopAt;
  const result = await coordinator.checkpoint(job.session, { force: job.force, reason: 'race' });
  process.stdout.write(`${JSON.stringify({ result })}\n`);
}
