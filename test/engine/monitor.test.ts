/**
 * The live monitor on real folders with real file-system events: each kind of change yields the right
 * event and the right numbers. Tests wait for events (with a deadline), never for fixed sleeps.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/session';
import { Monitor, type MonitorEvents } from '../../electron/engine/monitor';
import { tempDir } from '../support/paths';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const SID = 'aaaaaaaa-1111-2222-3333-444444444444';
const line = (n: number, context: number) =>
  `${JSON.stringify({ type: 'assistant', isSidechain: false, cwd: '/w', sessionId: SID, timestamp: new Date(Date.parse('2026-11-21T10:00:00Z') + n * 60_000).toISOString(), requestId: `r${n}`, message: { id: `m${n}`, model: 'claude-sonnet-4-5', role: 'assistant', content: [], usage: { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: context, output_tokens: 1 } } })}\n`;

async function startMonitor(): Promise<{ monitor: Monitor; root: string; project: string }> {
  const { path, cleanup } = tempDir();
  const root = join(path, 'claude');
  const project = join(root, 'projects', '-w');
  mkdirSync(project, { recursive: true });
  const monitor = new Monitor({ claudeDirs: [root], codexDirs: [join(path, 'codex')], geminiDirs: [join(path, 'gemini')], rootRetryMs: 50, processIntervalMs: 60_000 });
  await monitor.start();
  cleanups.push(cleanup, () => monitor.close());
  return { monitor, root, project };
}

function next<E extends keyof MonitorEvents>(monitor: Monitor, event: E, accept: (...args: MonitorEvents[E]) => boolean = () => true): Promise<MonitorEvents[E]> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`no ${event} event within 5 s`)), 5000);
    const listener = (...args: MonitorEvents[E]) => {
      if (!accept(...args)) return;
      clearTimeout(deadline);
      monitor.off(event, listener as never);
      resolve(args);
    };
    monitor.on(event, listener as never);
  });
}

const used = (session: Session) => session.context.usedTokens;

describe('Monitor', () => {
  it('announces a new transcript, follows appends and holds back a partial line', async () => {
    const { monitor, project } = await startMonitor();
    const file = join(project, `${SID}.jsonl`);
    const added = next(monitor, 'session-added');
    writeFileSync(file, line(1, 1000));
    const [session] = await added;
    expect(used(session)).toBe(1000);

    const partial = line(2, 2000);
    const grown = next(monitor, 'session-updated', (s) => used(s) === 3000);
    appendFileSync(file, partial.slice(0, 30));
    appendFileSync(file, partial.slice(30) + line(3, 3000));
    const [after] = await grown;
    expect(after.badLines).toBe(0);
    expect(after.activity.assistantMessages).toBe(3);
  });

  it('re-reads a truncated file and a file replaced by rename, and drops a deleted one', async () => {
    const { monitor, project } = await startMonitor();
    const file = join(project, `${SID}.jsonl`);
    const added = next(monitor, 'session-added');
    writeFileSync(file, line(1, 1000) + line(2, 2000));
    await added;

    const truncated = next(monitor, 'session-updated', (s) => s.tokens.output === 1);
    writeFileSync(file, line(5, 500));
    expect(used((await truncated)[0])).toBe(500);

    const replaced = next(monitor, 'session-updated', (s) => used(s) === 7000);
    writeFileSync(`${file}.tmp`, line(6, 6000) + line(7, 7000));
    renameSync(`${file}.tmp`, file);
    expect((await replaced)[0].tokens.output).toBe(2);

    const removed = next(monitor, 'session-removed');
    rmSync(file);
    expect((await removed)[0].key).toBe(`claude-code:${SID}`);
    expect(monitor.sessions()).toEqual([]);
  });

  it('picks up new project folders and subagent folders', async () => {
    const { monitor, root } = await startMonitor();
    const project = join(root, 'projects', '-new-project');
    const added = next(monitor, 'session-added');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, `${SID}.jsonl`), line(1, 4000));
    await added;
    const sub = join(project, SID, 'subagents');
    const updated = next(monitor, 'session-updated', (s) => s.files.length === 2);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'agent-x.jsonl'), line(9, 9000).replace('"isSidechain":false', '"isSidechain":true'));
    const [session] = await updated;
    expect(used(session)).toBe(4000);
    expect(session.tokens.cacheRead).toBe(13_000);
  });

  it('finds a root created after start and reports a root deleted while watched', async () => {
    const { path, cleanup } = tempDir();
    cleanups.push(cleanup);
    const root = join(path, 'late');
    const monitor = new Monitor({ claudeDirs: [root], codexDirs: [path], geminiDirs: [path], rootRetryMs: 50, processIntervalMs: 60_000 });
    await monitor.start();
    cleanups.push(() => monitor.close());
    expect(monitor.engine.problemList().items.map((p) => p.kind)).toEqual(['missing-root']);

    const added = next(monitor, 'session-added');
    mkdirSync(join(root, 'projects', '-w'), { recursive: true });
    writeFileSync(join(root, 'projects', '-w', `${SID}.jsonl`), line(1, 1234));
    expect(used((await added)[0])).toBe(1234);

    const removed = next(monitor, 'session-removed');
    const problem = next(monitor, 'problem');
    rmSync(root, { recursive: true });
    await removed;
    expect((await problem)[0]).toMatchObject({ kind: 'missing-root', path: join(root, 'projects') });
    expect(monitor.sessions()).toEqual([]);
  });
});
