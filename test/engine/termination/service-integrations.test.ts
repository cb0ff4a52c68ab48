/**
 * The engine host's integration hook-ins: with an alert sink (the desktop app) it carries out
 * termination requests written by other processes — checkpoint, then a "stop requested" notification
 * with the continuation command — and it serves /metrics while `metrics.enabled` is on, following the
 * setting as it changes through the API. Real transcripts, data dir, monitor and coordinator.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../electron/engine/alerts/alert';
import { createHeadroomService, type HeadroomService } from '../../../electron/engine/service';
import { requestTermination } from '../../../electron/engine/termination/for-session';
import { listRequests } from '../../../electron/engine/termination/store';
import { tempDir } from '../../support/paths';
import { appendClaudeAnswer, claudeTranscript } from '../hooks/transcripts';
import { eventually } from '../processes/fake-agent';
import { scrape, valueOf } from '../../server/exposition';

const dir = tempDir();
const services: HeadroomService[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  dir.cleanup();
});

async function service(alerts: Alert[] | null) {
  const base = join(dir.path, String(services.length));
  const project = join(base, 'project');
  mkdirSync(project, { recursive: true });
  const t = claudeTranscript(join(base, 'claude'), `6d2e8f00-5555-4eee-8fff-00000000000${services.length}`, project);
  appendClaudeAnswer(t, 150_000, 'claude-sonnet-4-5', new Date().toISOString());
  const empty = join(base, 'empty');
  mkdirSync(empty);
  const dataDir = join(base, 'data');
  const s = await createHeadroomService({ dataDir, claudeDirs: [t.root], codexDirs: [empty], geminiDirs: [empty], pushDelayMs: 5, alerts: alerts ? { show: (alert) => alerts.push(alert) } : undefined });
  services.push(s);
  return { s, t, dataDir, project };
}

describe('engine host integrations', () => {
  it('with an alert sink, a request from another process is checkpointed and notified', async () => {
    const alerts: Alert[] = [];
    const { s, t, dataDir, project } = await service(alerts);
    const session = s.monitor.session(`claude-code:${t.sessionId}`)!;
    requestTermination(dataDir, session, { reason: 'asked by the agent', source: 'mcp' }, Date.now());
    const outcome = await eventually(() => listRequests(dataDir).requests[0]?.outcome, 'the request to be handled', 15_000);
    expect(outcome).toMatchObject({ status: 'notified', continuationCommand: `cd ${project} && claude --resume ${t.sessionId}` });
    expect(alerts).toEqual([
      { sessionId: t.sessionId, kind: 'termination', title: 'project: stop requested', body: `Stop requested: asked by the agent. Checkpoint saved: ${outcome.checkpoint!.markdownPath}. Continue with: cd ${project} && claude --resume ${t.sessionId}` },
    ]);
    await eventually(() => (s.getState().sessions[0]!.checkpoints.count === 1 ? true : null), 'the new checkpoint in the state');
  });

  it('serves /metrics while metrics.enabled is on, on metrics.port', async () => {
    const { s, t } = await service(null);
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const url = `http://127.0.0.1:${port}/metrics`;
    await expect(fetch(url)).rejects.toThrow();
    expect(await s.handlers['settings:set']({ key: 'metrics', value: { enabled: true, port } })).toMatchObject({ ok: true });
    const m = await eventually(async () => scrape(url).catch(() => null), 'the endpoint to start');
    expect(valueOf(m, 'headroom_context_tokens', { session_id: t.sessionId })).toBe(150_000);
    expect(await s.handlers['settings:set']({ key: 'metrics.enabled', value: false })).toMatchObject({ ok: true });
    await eventually(async () => (await fetch(url).then(() => null, () => true)), 'the endpoint to stop');
  });
});
