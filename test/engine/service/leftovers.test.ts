/**
 * The leftover-process channels of the engine host, with a real orphaned process: a "dev server"
 * started in a session's project whose parent shell exited. It is listed, a pid that is not a leftover
 * is refused without any signal, and the listed one is ended by its pid.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHeadroomService } from '../../../electron/engine/service';
import { tempDir } from '../../support/paths';

/** Alive and not a zombie waiting for whoever adopted it to reap it. */
const isRunning = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

describe.runIf(process.platform === 'linux')('leftover processes in the engine host', () => {
  const dir = tempDir();
  const project = join(dir.path, 'project');
  const claude = join(dir.path, 'claude');
  const started: number[] = [];
  afterAll(() => {
    for (const pid of started) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    dir.cleanup();
  });

  it('lists a real leftover, refuses a pid that is not one, and ends the listed one', async () => {
    mkdirSync(project, { recursive: true });
    const sessionId = '5eed0000-1111-4222-8333-444444444444';
    const transcripts = join(claude, 'projects', '-project');
    mkdirSync(transcripts, { recursive: true });
    const at = new Date(Date.now() - 60_000).toISOString();
    const record = { type: 'assistant', isSidechain: false, cwd: project, sessionId, timestamp: at, requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-5', role: 'assistant', content: [], usage: { input_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 1000, output_tokens: 1 } } };
    writeFileSync(join(transcripts, `${sessionId}.jsonl`), `${JSON.stringify(record)}\n`);
    const server = join(dir.path, 'dev-server');
    copyFileSync('/bin/sleep', server);
    const pid = Number(spawnSync('/bin/sh', ['-c', '"$0" 600 >/dev/null 2>&1 & echo $!', server], { cwd: project, encoding: 'utf8' }).stdout.trim());
    started.push(pid);

    const service = await createHeadroomService({ dataDir: join(dir.path, 'data'), claudeDirs: [claude], codexDirs: [dir.path], geminiDirs: [dir.path] });
    try {
      const listed = await service.handlers['processes:leftovers'](undefined);
      expect(listed).toEqual([expect.objectContaining({ pid, command: `${server} 600`, session: { agent: 'claude-code', id: sessionId, project } })]);
      expect(await service.handlers['processes:end-leftover']({ pid: process.pid })).toEqual({ ended: false, message: `process ${process.pid} is not a leftover of an ended session (nothing was sent)` });
      expect(isRunning(process.pid)).toBe(true);
      expect(await service.handlers['processes:end-leftover']({ pid })).toEqual({ ended: true, message: `process ${pid} ended (SIGTERM)` });
      expect(isRunning(pid)).toBe(false);
      expect(await service.handlers['processes:leftovers'](undefined)).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
