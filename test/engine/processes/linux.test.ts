/**
 * The /proc readers against real processes on this machine, checked against what the test itself
 * arranged (the child's folder, parent, open file) or what Node reports about its own process.
 */
import { closeSync, mkdirSync, openSync, realpathSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { listProcesses, parseStat, readArgv, readBootTimeMs, readCwd, readOpenTranscripts, readRssBytes, readStat } from '../../../electron/engine/processes/linux';
import { tempDir } from '../../support/paths';
import { fakeBinary, start, stopAll } from './fake-agent';

const dir = tempDir();
afterAll(() => dir.cleanup());
afterEach(stopAll);
const GONE = 2 ** 22 + 12345; // above pid_max's default ceiling, so never a live process

describe.runIf(process.platform === 'linux')('/proc readers', () => {
  it('parseStat handles a command name with spaces and parentheses', () => {
    const line = '4242 (my (odd) name) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 1 0 67472 1000 10 18446744073709551615';
    expect(parseStat(line)).toEqual({ ppid: 17, startTicks: '67472', cpuTicks: 325 });
    expect(parseStat('garbage')).toBeNull();
  });

  it('reads a child\'s argv, folder, parent and open transcript', async () => {
    const project = join(dir.path, 'project with space');
    const transcript = join(dir.path, 'rollout.jsonl');
    writeFileSync(transcript, '{}\n');
    const fd = openSync(transcript, 'r');
    const bin = fakeBinary(join(dir.path, 'bin'), 'codex');
    mkdirSync(project);
    const child = await start(bin, ['600', '0.5'], { cwd: project, stdio: ['ignore', 'ignore', 'ignore', fd] });
    closeSync(fd);
    expect(readArgv(child.pid)).toEqual([bin, '600', '0.5']);
    expect(readCwd(child.pid)).toBe(realpathSync(project));
    const stat = readStat(child.pid);
    expect(stat?.ppid).toBe(process.pid);
    expect(stat?.startTicks).toBe(readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]);
    expect(readOpenTranscripts(child.pid)).toEqual([realpathSync(transcript)]);
  });

  it('lists this process and a child with their exact argv', async () => {
    const bin = fakeBinary(join(dir.path, 'list-bin'), 'claude');
    const child = await start(bin, ['600'], { cwd: dir.path });
    const listed = listProcesses();
    expect(listed.find((p) => p.pid === child.pid)?.argv).toEqual([bin, '600']);
    expect(listed.find((p) => p.pid === process.pid)?.argv).toEqual(readFileSync('/proc/self/cmdline', 'utf8').split('\0').slice(0, -1));
  });

  it('reads this process\'s resident memory close to what Node reports', async () => {
    const rss = readRssBytes(process.pid);
    const node = process.memoryUsage().rss;
    expect(rss).not.toBeNull();
    expect(Math.abs(rss! - node) / node).toBeLessThan(0.2);
  });

  it('boot time is in the past and before this process started', async () => {
    const boot = readBootTimeMs();
    expect(boot).toBeLessThan(Date.now() - process.uptime() * 1000 + 1000);
  });

  it('a process that is gone reads as unknown, never an error', async () => {
    expect(readArgv(GONE)).toBeNull();
    expect(readCwd(GONE)).toBeNull();
    expect(readStat(GONE)).toBeNull();
    expect(readRssBytes(GONE)).toBeNull();
    expect(readOpenTranscripts(GONE)).toEqual([]);
  });
});
