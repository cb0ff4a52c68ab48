/**
 * Headroom's Prometheus metrics, from the engine host's state (the same `AppState` the views get).
 *
 * Per session (labels `session_id`, `agent`, `project`):
 *   gauges   headroom_context_tokens, headroom_context_percent, headroom_context_window_tokens,
 *            headroom_session_duration_seconds, headroom_health_score, headroom_process_rss_bytes,
 *            headroom_memory_leak_suspected (0/1)
 *   counters headroom_threshold_crossings_total{level}, headroom_checkpoints_total,
 *            headroom_tokens_total{kind}
 * Overall: headroom_active_sessions (not ended), headroom_parse_errors_total (bad transcript lines).
 *
 * Guarantees:
 * - Bounded label sets: only sessions that are live or ended less than `retentionMs` ago are exported,
 *   at most `maxSessions` of them (most recent first); a session that drops out has every series
 *   removed, so a long-running exporter does not grow without end.
 * - Counters only go up. Crossings are counted from level transitions as state changes arrive (the
 *   edge-triggered policy, policies/thresholds.ts); token, checkpoint and parse-error counters follow
 *   the cumulative figures, and start over (a counter reset, which Prometheus expects) if a figure
 *   ever went down — e.g. a transcript that was replaced and re-read.
 */
import { basename } from 'node:path';
import { Counter, Gauge, Registry } from 'prom-client';
import type { AppState, SessionView } from '../../shared/api';
import type { Level } from '../../shared/policy';
import type { Settings } from '../../shared/settings';
import { MemoryWatch } from '../engine/memory/watch';
import { countCrossings, NO_CROSSINGS, type CrossingCounts } from '../engine/policies/thresholds';

export interface MetricsSource {
  getState(): AppState;
  onPush(listener: (channel: string, payload: unknown) => void): () => void;
}

export interface MetricsOptions {
  settings: () => Settings;
  now?: () => number;
  retentionMs?: number;
  maxSessions?: number;
}

const LABELS = ['session_id', 'agent', 'project'] as const;
type Labels = Record<(typeof LABELS)[number], string>;
const TOKEN_KINDS = { input: 'input', output: 'output', cache_creation: 'cacheCreation', cache_read: 'cacheRead', reasoning: 'reasoning' } as const;
const CROSSING_LEVELS = ['warning', 'critical', 'compact-soon'] as const;

export interface HeadroomMetrics {
  registry: Registry;
  /** Brings every series up to date with the current state (also done on each scrape). */
  sync(): void;
  close(): void;
}

export function createMetrics(source: MetricsSource, options: MetricsOptions): HeadroomMetrics {
  const now = options.now ?? Date.now;
  const retentionMs = options.retentionMs ?? 60 * 60_000;
  const maxSessions = options.maxSessions ?? 200;
  const registry = new Registry();
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames: LABELS, registers: [registry] });
  const contextTokens = gauge('headroom_context_tokens', 'Tokens in the context window now, as the agent counts them');
  const contextPercent = gauge('headroom_context_percent', 'Share of the context window in use, 0-100');
  const windowTokens = gauge('headroom_context_window_tokens', 'Size of the context window');
  const duration = gauge('headroom_session_duration_seconds', 'Time from the first to the latest activity of the session');
  const health = gauge('headroom_health_score', 'Session health, 0-100 (higher is healthier)');
  const rss = gauge('headroom_process_rss_bytes', 'Resident memory of the agent process');
  const leak = gauge('headroom_memory_leak_suspected', '1 when the agent process memory kept growing over the last 30 minutes');
  const crossings = new Counter({ name: 'headroom_threshold_crossings_total', help: 'Times the session entered a context level (warning, critical, compact-soon)', labelNames: [...LABELS, 'level'], registers: [registry] });
  const checkpoints = new Counter({ name: 'headroom_checkpoints_total', help: 'Checkpoints written for the session', labelNames: LABELS, registers: [registry] });
  const tokens = new Counter({ name: 'headroom_tokens_total', help: 'Tokens the session spent, by kind', labelNames: [...LABELS, 'kind'], registers: [registry] });
  const active = new Gauge({ name: 'headroom_active_sessions', help: 'Sessions that are running or idle (not ended)', registers: [registry] });
  const parseErrors = new Counter({ name: 'headroom_parse_errors_total', help: 'Transcript lines that were not valid records and were skipped', registers: [registry] });

  const memory = new MemoryWatch();
  const exported = new Map<string, Labels>();
  const levels = new Map<string, Level>();
  const crossingCounts = new Map<string, CrossingCounts>();
  const totals = new Map<string, number>();
  let parseErrorTotal = 0;

  /** Raises a counter to `value` (a cumulative figure), starting it over if the figure went down. */
  const follow = (key: string, counter: Counter<string>, labels: Record<string, string>, value: number) => {
    const previous = totals.get(key);
    if (previous === undefined || value < previous) {
      if (previous !== undefined) counter.remove(labels);
      counter.inc(labels, value);
    } else if (value > previous) {
      counter.inc(labels, value - previous);
    }
    totals.set(key, value);
  };

  const forget = (key: string) => {
    const labels = exported.get(key);
    if (labels) {
      for (const metric of [contextTokens, contextPercent, windowTokens, duration, health, rss, leak, checkpoints]) metric.remove(labels);
      for (const level of CROSSING_LEVELS) crossings.remove({ ...labels, level });
      for (const kind of Object.keys(TOKEN_KINDS)) tokens.remove({ ...labels, kind });
    }
    exported.delete(key);
    for (const total of [...totals.keys()]) if (total.startsWith(`${key}|`)) totals.delete(total);
  };

  function sync(): void {
    const state = source.getState();
    const at = now();
    const settings = options.settings();
    const kept = state.sessions.filter((s) => s.status !== 'ended' || (s.lastActivityAt !== null && at - Date.parse(s.lastActivityAt) < retentionMs)).slice(0, maxSessions);
    const keep = new Set(kept.map(keyOf));
    for (const key of [...exported.keys()]) if (!keep.has(key)) forget(key);
    for (const key of [...levels.keys()]) {
      if (keep.has(key)) continue;
      levels.delete(key);
      crossingCounts.delete(key);
    }
    const assessments = memory.observe(kept, settings.memory.warnMegabytes * 1024 * 1024, at);

    for (const session of kept) {
      const key = keyOf(session);
      const labels = labelsOf(session);
      const previousLabels = exported.get(key);
      if (previousLabels && JSON.stringify(previousLabels) !== JSON.stringify(labels)) forget(key);
      exported.set(key, labels);
      setOrRemove(contextTokens, labels, session.context.usedTokens);
      setOrRemove(contextPercent, labels, session.context.percent);
      setOrRemove(windowTokens, labels, session.context.windowTokens);
      setOrRemove(duration, labels, durationSeconds(session));
      health.set(labels, session.health.score);
      setOrRemove(rss, labels, session.process?.rssBytes ?? null);
      const assessment = assessments.get(key);
      setOrRemove(leak, labels, assessment ? (assessment.leak ? 1 : 0) : null);

      const counts = countCrossings(crossingCounts.get(key) ?? NO_CROSSINGS, levels.get(key), session.level);
      crossingCounts.set(key, counts);
      levels.set(key, session.level);
      for (const level of CROSSING_LEVELS) follow(`${key}|cross|${level}`, crossings, { ...labels, level }, counts[level]);
      follow(`${key}|checkpoints`, checkpoints, labels, session.checkpoints.count);
      for (const [kind, field] of Object.entries(TOKEN_KINDS)) follow(`${key}|tokens|${kind}`, tokens, { ...labels, kind }, session.tokens[field]);
    }
    active.set(state.sessions.filter((s) => s.status !== 'ended').length);
    const badLines = state.sessions.reduce((sum, s) => sum + s.badLines, 0);
    if (badLines < parseErrorTotal) parseErrors.reset();
    parseErrors.inc(badLines < parseErrorTotal ? badLines : badLines - parseErrorTotal);
    parseErrorTotal = badLines;
  }

  sync();
  const unsubscribe = source.onPush((channel) => {
    if (channel === 'state:changed') sync();
  });
  return { registry, sync, close: unsubscribe };
}

function keyOf(session: Pick<SessionView, 'agent' | 'id'>): string {
  return `${session.agent}:${session.id}`;
}

function labelsOf(session: SessionView): Labels {
  return { session_id: session.id, agent: session.agent, project: session.projectName ?? (session.project ? basename(session.project) : '') };
}

function durationSeconds(session: SessionView): number | null {
  if (!session.startedAt || !session.lastActivityAt) return null;
  return Math.max(0, (Date.parse(session.lastActivityAt) - Date.parse(session.startedAt)) / 1000);
}

function setOrRemove(gauge: Gauge<string>, labels: Labels, value: number | null): void {
  if (value === null) gauge.remove(labels);
  else gauge.set(labels, value);
}
