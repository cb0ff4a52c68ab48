/**
 * Connects a session monitor to an alert planner and a sink: what `headroom watch --notify` runs.
 *
 * Monitor events arrive one session at a time; they are coalesced over `batchMs` so that many sessions
 * crossing together (one scan, one burst of writes) are observed at once and can be grouped into one
 * summary. The current sessions are observed once at wiring time as the baseline, so nothing fires for
 * what was already there.
 */
import type { Session } from '../../../shared/session';
import type { Alert, AlertSink } from './alert';
import type { AlertPlanner } from './planner';

/** What of the Monitor (electron/engine/monitor.ts) the wiring needs. */
export interface SessionSource {
  on(event: 'session-added' | 'session-updated' | 'session-removed', listener: () => void): unknown;
  off(event: 'session-added' | 'session-updated' | 'session-removed', listener: () => void): unknown;
  sessions(): Session[];
}

export interface WireOptions {
  batchMs?: number;
  /** Called for every alert shown (e.g. to log it in the terminal). */
  onAlert?: (alert: Alert) => void;
}

/** Starts forwarding; returns a function that stops it. */
export function wireNotifications(monitor: SessionSource, planner: AlertPlanner, sink: AlertSink, options: WireOptions = {}): () => void {
  const batchMs = options.batchMs ?? 250;
  let timer: NodeJS.Timeout | null = null;
  planner.observe(monitor.sessions());

  const flush = () => {
    timer = null;
    for (const alert of planner.observe(monitor.sessions())) {
      sink.show(alert);
      options.onAlert?.(alert);
    }
  };
  const changed = () => {
    timer ??= setTimeout(flush, batchMs);
  };
  const events = ['session-added', 'session-updated', 'session-removed'] as const;
  for (const event of events) monitor.on(event, changed);
  return () => {
    for (const event of events) monitor.off(event, changed);
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
