/**
 * Memory alerts from the engine host with a real agent-like process: a copy of `sleep` named `claude`
 * running in a session's project is matched to it, and with a warning limit below its RSS the host
 * raises exactly one memory alert for that session.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../electron/engine/alerts/alert';
import { createHeadroomService } from '../../../electron/engine/service';
import { SettingsStore } from '../../../electron/engine/settings/store';
import { tempDir } from '../../support/paths';

describe.runIf(process.platform === 'linux')('memory alerts', () => {
  const dir = tempDir();
  const children: number[] = [];
  afterAll(() => {
    for (const pid of children) process.kill(pid, 'SIGKILL');
    dir.cleanup();
  });

  it('alerts once for an agent process over the memory limit', async () => {
    const project = join(dir.path, 'project');
    mkdirSync(project, { recursive: true });
    const sessionId = '3e3e0000-1111-4222-8333-444444444444';
    const transcripts = join(dir.path, 'claude', 'projects', '-project');
    mkdirSync(transcripts, { recursive: true });
    const agent = join(dir.path, 'bin', 'claude');
    mkdirSync(join(dir.path, 'bin'));
    copyFileSync('/bin/sleep', agent);
    const child = spawn(agent, ['600'], { cwd: project, stdio: 'ignore' });
    children.push(child.pid!);
    // The agent writes its transcript after it started: that is what ties the process to the session.
    await new Promise((resolve) => child.once('spawn', resolve));
    const at = new Date(Date.now() + 1_000).toISOString();
    const record = { type: 'assistant', isSidechain: false, cwd: project, sessionId, timestamp: at, requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-5', role: 'assistant', content: [], usage: { input_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 1000, output_tokens: 1 } } };
    writeFileSync(join(transcripts, `${sessionId}.jsonl`), `${JSON.stringify(record)}\n`);

    const dataDir = join(dir.path, 'data');
    expect(new SettingsStore(dataDir).set('memory.warnMegabytes', 0.25).ok).toBe(true);
    const shown: Alert[] = [];
    const service = await createHeadroomService({ dataDir, claudeDirs: [join(dir.path, 'claude')], codexDirs: [dir.path], geminiDirs: [dir.path], alerts: { show: (alert) => shown.push(alert) }, metricsEndpoint: false });
    try {
      const session = service.getState().sessions.find((s) => s.id === sessionId)!;
      expect(session.pid).toBe(child.pid);
      expect(session.status).toBe('running');
      const memory = shown.filter((alert) => alert.kind === 'memory');
      expect(memory).toHaveLength(1);
      expect(memory[0]).toMatchObject({ sessionId, title: 'project: agent memory' });
      expect(memory[0]!.body).toMatch(/MB/);
    } finally {
      await service.close();
    }
  });
});
