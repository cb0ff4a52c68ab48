/**
 * Measures a watching process from the outside: how long it takes to start, the CPU it uses while
 * nothing changes, how quickly an append to a transcript becomes a `session-updated` event, and its
 * peak resident memory. Appended bytes are cut off again afterwards, so the cached corpus keeps its
 * ground truth.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, statSync, truncateSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { readClockTicks } from '../../electron/engine/processes/linux';
import { Random } from '../support/corpus/random';
import { cpuSecondsOf, vmHwm } from './measure';
import { WATCH_CHILD_FLAG, type WatchChildConfig } from './watch-child';

export interface WatchResult {
  startSeconds: number;
  sessions: number;
  polling: boolean;
  idleSeconds: number;
  /** The first window right after start: includes V8's one-time heap compaction after the start-up burst. */
  firstIdleCpuSeconds: number;
  /** The next window: the steady state a watcher spends its life in. */
  idleCpuSeconds: number;
  /** Append → event latencies in ms, one per append that got its event. */
  latenciesMs: number[];
  missed: number;
  peakRssBytes: number | null;
}

const EVENT_TIMEOUT_MS = 3000;
const GAP_MS = 20;
const epochMs = () => performance.timeOrigin + performance.now();

export async function measureWatcher(benchScript: string, config: WatchChildConfig & { env: NodeJS.ProcessEnv }, options: { files: readonly string[]; appends: number; idleSeconds: number; seed: number }): Promise<WatchResult> {
  const { env, ...childConfig } = config;
  const child = spawn(process.execPath, [benchScript, WATCH_CHILD_FLAG, JSON.stringify(childConfig)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const waiters = new Map<string, (at: number) => void>();
  let ready: ((message: { startSeconds: number; sessions: number; polling: boolean }) => void) | undefined;
  const readyMessage = new Promise<{ startSeconds: number; sessions: number; polling: boolean }>((resolve) => (ready = resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const message = JSON.parse(line) as { type: string; key?: string; at?: number; startSeconds?: number; sessions?: number; polling?: boolean };
    if (message.type === 'ready') ready?.(message as { startSeconds: number; sessions: number; polling: boolean });
    else if (message.type === 'updated' && message.key) waiters.get(message.key)?.(message.at!);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const originalSizes = new Map<string, number>();
  try {
    const started = await Promise.race([readyMessage, exited.then(() => Promise.reject(new Error('the watching process exited before it was ready')))]);
    await sleep(2000); // let start-up work (GC, the first process match) finish before idling
    const hz = readClockTicks();
    const cpuAtStart = cpuSecondsOf(child.pid!, hz)!;
    await sleep(options.idleSeconds * 1000);
    const cpuAfterFirst = cpuSecondsOf(child.pid!, hz)!;
    await sleep(options.idleSeconds * 1000);
    const firstIdleCpuSeconds = cpuAfterFirst - cpuAtStart;
    const idleCpuSeconds = cpuSecondsOf(child.pid!, hz)! - cpuAfterFirst;

    const targets = mainTranscripts(options.files, config);
    const random = new Random(options.seed);
    const latenciesMs: number[] = [];
    let missed = 0;
    for (let i = 0; i < options.appends; i += 1) {
      const target = random.pick(targets);
      if (!originalSizes.has(target.path)) originalSizes.set(target.path, statSync(target.path).size);
      let appendedAt = Infinity;
      const event = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), EVENT_TIMEOUT_MS);
        waiters.set(target.key, (at) => {
          // A late event from the previous append to this file is not this append's.
          if (at < appendedAt) return;
          clearTimeout(timer);
          resolve(at);
        });
      });
      appendedAt = epochMs();
      appendFileSync(target.path, appendLine(target, i));
      const at = await event;
      waiters.delete(target.key);
      if (at === null) missed += 1;
      else latenciesMs.push(at - appendedAt);
      await sleep(GAP_MS);
    }
    return { startSeconds: started.startSeconds, sessions: started.sessions, polling: started.polling, idleSeconds: options.idleSeconds, firstIdleCpuSeconds, idleCpuSeconds, latenciesMs, missed, peakRssBytes: vmHwm(child.pid!) };
  } finally {
    await stopChild(child, exited);
    for (const [path, size] of originalSizes) truncateSync(path, size);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = sleep(10_000).then(() => child.kill('SIGKILL'));
  await Promise.race([exited, timeout]);
}

interface Target {
  path: string;
  key: string;
  agent: 'claude-code' | 'codex';
  id: string;
}

/** Main transcripts only (a session's own file), with the session key the Monitor will report. */
function mainTranscripts(files: readonly string[], config: WatchChildConfig): Target[] {
  const targets: Target[] = [];
  for (const path of files) {
    const claude = relative(config.claudeDir, path).split(sep);
    if (claude[0] === 'projects' && claude.length === 3 && !claude[2]!.startsWith('agent-')) {
      const id = basename(path, '.jsonl');
      targets.push({ path, key: `claude-code:${id}`, agent: 'claude-code', id });
      continue;
    }
    const codex = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/.exec(path);
    if (codex?.[1] && !relative(config.codexDir, path).startsWith('..')) targets.push({ path, key: `codex:${codex[1]}`, agent: 'codex', id: codex[1] });
  }
  if (targets.length === 0) throw new Error('the corpus has no main transcripts to append to');
  return targets;
}

/** One complete record, as the agent would write it next. */
function appendLine(target: Target, i: number): string {
  const timestamp = new Date().toISOString();
  if (target.agent === 'codex') {
    return `${JSON.stringify({ timestamp, type: 'response_item', payload: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: `bench append ${i}` }] } })}\n`;
  }
  const usage = { input_tokens: 3, cache_creation_input_tokens: 120, cache_read_input_tokens: 2000, output_tokens: 12 };
  return `${JSON.stringify({ type: 'assistant', sessionId: target.id, uuid: `bench-${i}`, timestamp, requestId: `req_bench_${i}`, message: { model: 'claude-sonnet-4-5-20250929', id: `msg_bench_${i}`, type: 'message', role: 'assistant', content: [{ type: 'text', text: `bench append ${i}` }], usage } })}\n`;
}
