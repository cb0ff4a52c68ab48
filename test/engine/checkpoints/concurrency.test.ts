/**
 * The concurrency proof: 8 processes ask to checkpoint the same session at the same moment, 50 times.
 * Every round: exactly one checkpoint written (one JSON, one markdown, one git snapshot ref), the seven
 * others told `locked` or `cooldown` with a message, no temporary or partial file, no lock left.
 */
import { readdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckpointFileSchema } from '../../../electron/engine/checkpoints/record';
import { makeSession } from '../policies/make-session';
import { makeRepo, sh, write } from './git-fixture';
import { bundleWorker, Worker } from './worker-process';

const PROCESSES = 8;
const ROUNDS = 50;

let workers: Worker[] = [];
let dataDir = '';
let repo = '';

beforeAll(async () => {
  const script = await bundleWorker();
  dataDir = mkdtempSync(join(tmpdir(), 'headroom-race-'));
  repo = makeRepo();
  write(repo, 'README.md', 'uncommitted\n');
  workers = Array.from({ length: PROCESSES }, () => new Worker(script, dataDir));
  for (const worker of workers) expect(await worker.next()).toBe('ready');
}, 60_000);

afterAll(async () => {
  for (const worker of workers) worker.child.stdin.end();
  await Promise.all(workers.map((w) => w.exited()));
});

describe('checkpoint concurrency', () => {
  it(`${PROCESSES} processes × ${ROUNDS} rounds → exactly one checkpoint per round`, async () => {
    const tally = { locked: 0, cooldown: 0 };
    const started = performance.now();
    for (let round = 0; round < ROUNDS; round += 1) {
      // Odd rounds skip git: the write is then quick enough that late arrivals meet the cooldown.
      const project = round % 2 === 0 ? repo : null;
      const session = makeSession({ id: `race-${round}`, project, lastActivityAt: new Date().toISOString() });
      for (const worker of workers) worker.send({ session });
      const answers = await Promise.all(workers.map(async (w) => JSON.parse(await w.next()).result));

      const ok = answers.filter((a) => a.ok);
      expect(ok, `round ${round}`).toHaveLength(1);
      for (const refused of answers.filter((a) => !a.ok)) {
        expect(['locked', 'cooldown']).toContain(refused.reason);
        expect(refused.message.length).toBeGreaterThan(10);
        tally[refused.reason as 'locked' | 'cooldown'] += 1;
      }
      const dir = join(dataDir, 'checkpoints', 'claude-code', session.id);
      const names = readdirSync(dir).sort();
      expect(names, `round ${round}`).toHaveLength(2);
      expect(names[0]?.endsWith('.json') && names[1]?.endsWith('.md')).toBe(true);
      const file = CheckpointFileSchema.parse(JSON.parse(readFileSync(join(dir, names[0] ?? ''), 'utf8')));
      expect(file.record).toEqual(ok[0].checkpoint);
      expect(sh(repo, 'for-each-ref', '--format=%(refname)', `refs/headroom/checkpoints/${session.id}/`)).toBe(
        project ? `refs/headroom/checkpoints/${session.id}/1\n` : '',
      );
    }
    const seconds = (performance.now() - started) / 1000;
    expect(tally.locked + tally.cooldown).toBe(ROUNDS * (PROCESSES - 1));
    console.info(`concurrency: ${ROUNDS} rounds × ${PROCESSES} processes in ${seconds.toFixed(1)} s; refusals: ${tally.locked} locked, ${tally.cooldown} cooldown`);
  }, 120_000);
});
