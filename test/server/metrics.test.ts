/**
 * The Prometheus endpoint, scraped over HTTP and read back from the exposition text: per-session
 * gauges and counters with their labels, crossings counted from level changes as they arrive, bounded
 * label sets (ended sessions dropped after the retention period), counter resets, 127.0.0.1 only, and
 * the settings switch that starts and stops it. The state fed in is built with the real view policies.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppState, Pushes, PushChannel } from '../../shared/api';
import type { Session } from '../../shared/session';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { healthOf } from '../../electron/engine/policies/health';
import { sessionView } from '../../electron/engine/service/views';
import { metricsSwitch, startMetricsServer, type MetricsServer } from '../../electron/server/metrics';
import { claudeContext, makeSession } from '../engine/policies/make-session';
import { scrape, valueOf } from './exposition';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const MB = 1024 * 1024;

/** An engine host as the exporter sees it: a state, and pushes when it changes. */
class StateSource {
  private listeners = new Set<(channel: PushChannel, payload: Pushes[PushChannel]) => void>();
  state: AppState = { generatedAt: new Date(NOW).toISOString(), sessions: [], problems: [], roots: [], notificationsPausedUntil: null };
  constructor(readonly settings: Settings = DEFAULT_SETTINGS) {}
  getState = () => this.state;
  onPush = (listener: (channel: PushChannel, payload: Pushes[PushChannel]) => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  set(sessions: Session[], checkpoints: Record<string, number> = {}): void {
    const views = sessions.map((s) => sessionView(s, { count: checkpoints[s.id] ?? 0, lastAt: null, lastAtMs: null, filesModifiedAtLast: 0, tokensSaved: 0 }, this.settings, NOW));
    this.state = { ...this.state, sessions: views };
    for (const listener of this.listeners) listener('state:changed', this.state);
  }
}

const servers: MetricsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(source: StateSource, retentionMs?: number): Promise<MetricsServer> {
  const server = await startMetricsServer({ source, settings: () => source.settings, port: 0, now: () => NOW, retentionMs });
  servers.push(server);
  return server;
}

function claude(id: string, used: number, extra: Parameters<typeof makeSession>[0] = {}): Session {
  return makeSession({
    id,
    project: `/home/dev/${id}-app`,
    status: 'running',
    startedAt: '2026-11-21T10:00:00.000Z',
    lastActivityAt: '2026-11-21T11:59:00.000Z',
    pid: 4242,
    process: { rssBytes: 300 * MB, cpuPercent: 2 },
    context: claudeContext(used),
    tokens: { input: 1_000, output: 2_000, cacheCreation: 30_000, cacheRead: 400_000, reasoning: 0, total: 433_000 },
    ...extra,
  });
}

describe('GET /metrics', () => {
  it('exposes per-session gauges and counters with session_id, agent and project labels', async () => {
    const source = new StateSource();
    const s = claude('s1', 150_000, { badLines: 2, projectName: 'Billing' });
    source.set([s, claude('s2', 20_000, { status: 'ended', pid: null, process: null, lastActivityAt: '2026-11-21T11:50:00.000Z' })], { s1: 3 });
    const server = await serve(source);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);

    const m = await scrape(server.url);
    const labels = { session_id: 's1', agent: 'claude-code', project: 'Billing' };
    expect(valueOf(m, 'headroom_context_tokens', labels)).toBe(150_000);
    expect(valueOf(m, 'headroom_context_percent', labels)).toBe(75);
    expect(valueOf(m, 'headroom_context_window_tokens', labels)).toBe(200_000);
    expect(valueOf(m, 'headroom_session_duration_seconds', labels)).toBe(7_140);
    expect(valueOf(m, 'headroom_health_score', labels)).toBe(healthOf(s, DEFAULT_SETTINGS.health, NOW).score);
    expect(valueOf(m, 'headroom_process_rss_bytes', labels)).toBe(300 * MB);
    expect(valueOf(m, 'headroom_memory_leak_suspected', labels)).toBe(0);
    expect(valueOf(m, 'headroom_checkpoints_total', labels)).toBe(3);
    expect(valueOf(m, 'headroom_tokens_total', { ...labels, kind: 'cache_read' })).toBe(400_000);
    expect(valueOf(m, 'headroom_tokens_total', { ...labels, kind: 'output' })).toBe(2_000);
    // The project label falls back to the folder's name.
    expect(valueOf(m, 'headroom_context_tokens', { session_id: 's2', project: 's2-app' })).toBe(20_000);
    expect(valueOf(m, 'headroom_process_rss_bytes', { session_id: 's2' })).toBeUndefined();
    expect(valueOf(m, 'headroom_active_sessions')).toBe(1);
    expect(valueOf(m, 'headroom_parse_errors_total')).toBe(2);
    expect(m.types).toMatchObject({ headroom_context_tokens: 'gauge', headroom_tokens_total: 'counter', headroom_threshold_crossings_total: 'counter', headroom_active_sessions: 'gauge' });
  });

  it('counts threshold crossings from level changes as they arrive (none for the state found at start)', async () => {
    const source = new StateSource();
    source.set([claude('s1', 150_000)]);
    const server = await serve(source);
    const crossings = async (level: string) => valueOf(await scrape(server.url), 'headroom_threshold_crossings_total', { session_id: 's1', level });
    expect(await crossings('warning')).toBe(0);
    source.set([claude('s1', 20_000)]);
    source.set([claude('s1', 185_000)]);
    // ok → compact-soon passes warning, critical and compact-soon.
    expect([await crossings('warning'), await crossings('critical'), await crossings('compact-soon')]).toEqual([1, 1, 1]);
    source.set([claude('s1', 10_000)]);
    source.set([claude('s1', 145_000)]);
    expect([await crossings('warning'), await crossings('critical')]).toEqual([2, 1]);
  });

  it('drops every series of a session that ended longer ago than the retention period', async () => {
    const source = new StateSource();
    const ended = (at: string) => claude('old', 50_000, { status: 'ended', pid: null, process: null, lastActivityAt: at });
    source.set([claude('live', 10_000), ended('2026-11-21T11:30:00.000Z')]);
    const server = await serve(source, 60 * 60_000);
    let m = await scrape(server.url);
    expect(new Set(m.samples.filter((s) => s.labels['session_id']).map((s) => s.labels['session_id']))).toEqual(new Set(['live', 'old']));
    source.set([claude('live', 10_000), ended('2026-11-21T10:30:00.000Z')]);
    m = await scrape(server.url);
    expect(m.samples.filter((s) => s.labels['session_id'] === 'old')).toEqual([]);
    expect(valueOf(m, 'headroom_context_tokens', { session_id: 'live' })).toBe(10_000);
  });

  it('starts a counter over when a cumulative figure went down (a transcript re-read from scratch)', async () => {
    const source = new StateSource();
    source.set([claude('s1', 10_000)]);
    const server = await serve(source);
    source.set([claude('s1', 10_000, { tokens: { input: 500, output: 100, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 600 } })]);
    expect(valueOf(await scrape(server.url), 'headroom_tokens_total', { session_id: 's1', kind: 'input' })).toBe(500);
  });

  it('answers only GET/HEAD /metrics, and listens on 127.0.0.1 only', async () => {
    const server = await serve(new StateSource());
    expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
    expect((await fetch(server.url, { method: 'HEAD' })).status).toBe(200);
    const other = await otherAddress();
    if (other) await expect(fetch(server.url.replace('127.0.0.1', other))).rejects.toThrow();
  });
});

describe('metricsSwitch (settings metrics.enabled / metrics.port)', () => {
  it('starts on the configured port, moves with it, stops when disabled, and reports a taken port', async () => {
    const source = new StateSource();
    const [portA, portB] = [await freePort(), await freePort()];
    const errors: string[] = [];
    const metrics = metricsSwitch(source, () => source.settings, (message) => errors.push(message));
    const at = (port: number) => `http://127.0.0.1:${port}/metrics`;
    const enabled = (port: number, on = true): Settings => ({ ...DEFAULT_SETTINGS, metrics: { enabled: on, port } });

    await metrics.apply(DEFAULT_SETTINGS);
    await expect(fetch(at(DEFAULT_SETTINGS.metrics.port))).rejects.toThrow();
    await metrics.apply(enabled(portA));
    expect((await fetch(at(portA))).status).toBe(200);
    await metrics.apply(enabled(portB));
    expect((await fetch(at(portB))).status).toBe(200);
    await expect(fetch(at(portA))).rejects.toThrow();
    await metrics.apply(enabled(portB, false));
    await expect(fetch(at(portB))).rejects.toThrow();

    const blocker = await serve(source);
    await metrics.apply(enabled(blocker.port));
    expect(errors).toEqual([`metrics: port ${blocker.port} on 127.0.0.1 is in use; choose another with metrics.port`]);
    await metrics.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A non-loopback address of this machine, if it has one. */
async function otherAddress(): Promise<string | null> {
  const { networkInterfaces } = await import('node:os');
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}
