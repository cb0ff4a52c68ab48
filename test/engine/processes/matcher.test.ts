/**
 * The process matcher against real processes on this machine (no mocked ps): copies of /bin/sleep
 * and /bin/sh named like agents, a node script at Gemini CLI's package path, started in folders that
 * are (or are not) a session's project, holding (or not) a transcript open, with (or without) a
 * Claude Code registry entry. Every expected pid is the pid of a child this test started.
 */
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine';
import { createProcessMatcher } from '../../../electron/engine/processes/matcher';
import { tempDir } from '../../support/paths';
import { eventually, fakeBinary, start, stop, stopAll } from './fake-agent';
import { sessionOf } from './sessions';

const root = tempDir();
afterAll(() => root.cleanup());
afterEach(stopAll);
let folders = 0;

/** A fresh, canonical folder (the kernel reports working directories with links resolved). */
function folder(name: string): string {
  const path = join(root.path, `${(folders += 1)}-${name}`);
  mkdirSync(path, { recursive: true });
  return realpathSync(path);
}

const vmRss = (pid: number) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
const startTicks = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]!;

describe.runIf(process.platform === 'linux')('process matcher', () => {
  it('a `claude` process in a session\'s project makes that session running, and not after it exits', async () => {
    const project = folder('app');
    const claudeDir = folder('claude');
    const agent = await start(fakeBinary(folder('bin'), 'claude'), ['600'], { cwd: project });
    const id = '0d9e3f4a-1111-4222-8333-444455556666';
    const transcript = join(claudeDir, 'projects', project.replace(/[^a-zA-Z0-9]/g, '-'), `${id}.jsonl`);
    mkdirSync(join(transcript, '..'), { recursive: true });
    // Written after the process started, as a live agent writes its transcript.
    const at = new Date().toISOString();
    writeFileSync(transcript, `${JSON.stringify({ type: 'user', sessionId: id, cwd: project, uuid: 'u1', timestamp: at, message: { role: 'user', content: 'hello' } })}\n`);

    const engine = new Engine({ claudeDirs: [claudeDir], codexDirs: [join(claudeDir, 'none')], geminiDirs: [join(claudeDir, 'none')] });
    await engine.scan();
    const matcher = createProcessMatcher({ claudeDirs: [claudeDir] });
    const live = await matcher.match(engine.list());
    expect([...live.keys()]).toEqual([`claude-code:${id}`]);
    expect(live.get(`claude-code:${id}`)!.pid).toBe(agent.pid);
    expect(live.get(`claude-code:${id}`)!.process.rssBytes).toBe(vmRss(agent.pid));

    engine.setLiveness(live);
    expect(engine.session(`claude-code:${id}`)).toMatchObject({ status: 'running', pid: agent.pid });

    await stop(agent);
    const after = await matcher.match(engine.list());
    expect(after.size).toBe(0);
    engine.setLiveness(after);
    expect(engine.session(`claude-code:${id}`)).toMatchObject({ status: 'idle', pid: null, process: null });
  });

  it('among several sessions in the folder, the most recently active one gets the process', async () => {
    const project = folder('svc');
    const agent = await start(fakeBinary(folder('bin'), 'codex'), ['600'], { cwd: project });
    const t = Date.now();
    const sessions = [
      sessionOf({ id: 'older', agent: 'codex', project, startedAt: t, lastActivityAt: t + 1000 }),
      sessionOf({ id: 'newest', agent: 'codex', project, startedAt: t, lastActivityAt: t + 3000 }),
      sessionOf({ id: 'middle', agent: 'codex', project, startedAt: t, lastActivityAt: t + 2000 }),
      sessionOf({ id: 'other-agent', agent: 'claude-code', project, startedAt: t, lastActivityAt: t + 9000 }),
    ];
    const live = await createProcessMatcher({ claudeDirs: [folder('claude')] }).match(sessions);
    expect(Object.fromEntries([...live].map(([key, value]) => [key, value.pid]))).toEqual({ 'codex:newest': agent.pid });
  });

  it('the transcript a process holds open beats the most recent session in its folder', async () => {
    const project = folder('svc');
    const rollout = join(folder('codex-sessions'), 'rollout-2026-11-21T12-00-00-01a1fe0a-8986-7d13-8ca8-f43b0800f48f.jsonl');
    writeFileSync(rollout, '{}\n');
    const fd = openSync(rollout, 'a');
    const agent = await start(fakeBinary(folder('bin'), 'codex'), ['600'], { cwd: project, stdio: ['ignore', 'ignore', 'ignore', fd] });
    closeSync(fd);
    const t = Date.now();
    const sessions = [
      sessionOf({ id: 'held', agent: 'codex', project, files: [rollout], startedAt: t, lastActivityAt: t + 1000 }),
      sessionOf({ id: 'more-recent', agent: 'codex', project, startedAt: t, lastActivityAt: t + 5000 }),
    ];
    const live = await createProcessMatcher({ claudeDirs: [] , env: { HOME: folder('home') } }).match(sessions);
    expect(Object.fromEntries([...live].map(([key, value]) => [key, value.pid]))).toEqual({ 'codex:held': agent.pid });
  });

  it('an open transcript matches even when the process runs elsewhere and the session went quiet before it started', async () => {
    const rollout = join(folder('codex-sessions'), 'rollout-2026-11-21T12-00-00-01a1fe0a-8986-7d13-8ca8-f43b0800f48e.jsonl');
    writeFileSync(rollout, '{}\n');
    const fd = openSync(rollout, 'r');
    const agent = await start(fakeBinary(folder('bin'), 'codex'), ['600'], { cwd: folder('elsewhere'), stdio: ['ignore', 'ignore', 'ignore', fd] });
    closeSync(fd);
    const t = Date.now() - 3_600_000;
    const sessions = [sessionOf({ id: 'resumed', agent: 'codex', project: '/home/dev/old-project', files: [rollout], startedAt: t, lastActivityAt: t })];
    const live = await createProcessMatcher({ claudeDirs: [folder('claude')] }).match(sessions);
    expect(live.get('codex:resumed')?.pid).toBe(agent.pid);
  });

  it('Claude Code\'s sessions/<pid>.json names the session when procStart is the process\'s own, and not after pid reuse', async () => {
    const claudeDir = folder('claude');
    mkdirSync(join(claudeDir, 'sessions'));
    const agent = await start(fakeBinary(folder('bin'), 'claude'), ['600'], { cwd: folder('scratch') });
    const t = Date.now() - 3_600_000;
    const sessions = [sessionOf({ id: 'named', agent: 'claude-code', project: '/home/dev/elsewhere', startedAt: t, lastActivityAt: t })];
    const entry = (procStart: string) => JSON.stringify({ pid: agent.pid, sessionId: 'named', cwd: '/home/dev/elsewhere', startedAt: Date.now(), procStart, version: '2.1.197', kind: 'interactive' });
    const registry = join(claudeDir, 'sessions', `${agent.pid}.json`);
    const matcher = createProcessMatcher({ claudeDirs: [claudeDir] });

    writeFileSync(registry, entry(startTicks(agent.pid)));
    expect((await matcher.match(sessions)).get('claude-code:named')?.pid).toBe(agent.pid);

    // The same pid, but the entry was written by a process that started at another tick.
    writeFileSync(registry, entry(String(Number(startTicks(agent.pid)) - 500)));
    expect((await matcher.match(sessions)).size).toBe(0);
  });

  it('a launcher and its child running the same agent count once, as the child', async () => {
    const project = folder('svc');
    const inner = fakeBinary(folder('vendor'), 'codex');
    const launcher = await start(fakeBinary(folder('launcher'), 'codex', '/bin/sh'), ['-c', `"${inner}" 600; :`], { cwd: project });
    const childPid = await eventually(() => {
      const children = readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, 'utf8').trim();
      return children === '' ? null : Number(children.split(' ')[0]);
    }, 'the launcher to start its child');
    try {
      const t = Date.now();
      const sessions = [sessionOf({ id: 'rollout', agent: 'codex', project, startedAt: t, lastActivityAt: t })];
      const live = await createProcessMatcher({ claudeDirs: [folder('claude')] }).match(sessions);
      expect(live.get('codex:rollout')?.pid).toBe(childPid);
    } finally {
      process.kill(childPid, 'SIGKILL');
    }
  });

  it('node running Gemini CLI\'s bundle is recognised; a node script and a look-alike binary are not', async () => {
    const project = folder('site');
    const bundle = join(folder('install'), 'node_modules', '@google', 'gemini-cli', 'bundle', 'gemini.js');
    mkdirSync(join(bundle, '..'), { recursive: true });
    writeFileSync(bundle, 'setInterval(() => {}, 60_000);\n');
    const other = join(folder('tools'), 'claude-usage.js');
    writeFileSync(other, 'setInterval(() => {}, 60_000);\n');
    const gemini = await start(process.execPath, [bundle], { cwd: project });
    await start(process.execPath, [other], { cwd: project });
    await start(fakeBinary(folder('bin'), 'claudette'), ['600'], { cwd: project });
    const t = Date.now();
    const sessions = [
      sessionOf({ id: 'chat', agent: 'gemini-cli', project, startedAt: t, lastActivityAt: t }),
      sessionOf({ id: 'cc', agent: 'claude-code', project, startedAt: t, lastActivityAt: t }),
    ];
    const live = await createProcessMatcher({ claudeDirs: [folder('claude')] }).match(sessions);
    expect(Object.fromEntries([...live].map(([key, value]) => [key, value.pid]))).toEqual({ 'gemini-cli:chat': gemini.pid });
  });

  it('CPU is the share of a core used between two calls: a sleeping agent uses none', async () => {
    const project = folder('svc');
    const agent = await start(fakeBinary(folder('bin'), 'codex'), ['600'], { cwd: project });
    const t = Date.now();
    const sessions = [sessionOf({ id: 's', agent: 'codex', project, startedAt: t, lastActivityAt: t })];
    const clock = [t, t + 5000];
    const matcher = createProcessMatcher({ claudeDirs: [folder('claude')], now: () => clock.shift()! });
    const first = await matcher.match(sessions);
    expect(first.get('codex:s')?.process.cpuPercent).not.toBeNull();
    const second = await matcher.match(sessions);
    expect(second.get('codex:s')).toEqual({ pid: agent.pid, process: { rssBytes: vmRss(agent.pid), cpuPercent: 0 } });
  });

  it('no agent processes, no sessions, or a missing registry folder: an empty result, never an error', async () => {
    const matcher = createProcessMatcher({ claudeDirs: [join(root.path, 'does-not-exist')] });
    expect((await matcher.match([])).size).toBe(0);
    const t = Date.now();
    expect((await matcher.match([sessionOf({ id: 'x', agent: 'claude-code', project: '/nowhere/at/all', startedAt: t, lastActivityAt: t })])).size).toBe(0);
  });
});
