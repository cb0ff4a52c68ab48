/**
 * Runs the termination handler next to a live monitor: what the engine host (app, `headroom serve`,
 * `headroom mcp`) and `headroom watch` call. Requests are files written by other processes (the CLI,
 * hooks, an MCP server), so the request folder is looked at every `intervalMs`; one pass at a time,
 * never overlapping, and a failing pass is reported instead of stopping the loop.
 */
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { CheckpointCoordinator } from '../checkpoints/coordinator';
import { type Handled, TerminationHandler, type TerminationDeps } from './handler';

export interface TerminationLoopOptions extends Partial<Pick<TerminationDeps, 'now' | 'end' | 'endOptions' | 'identity'>> {
  dataDir: string;
  monitor: { session(key: string): Session | null };
  coordinator: Pick<CheckpointCoordinator, 'checkpoint'>;
  settings: () => Settings;
  notify: (session: Session, detail: string) => void;
  intervalMs?: number;
  onHandled?: (handled: Handled) => void;
  onError?: (error: Error) => void;
}

/** Starts handling; returns a function that stops it (and waits for a pass in progress). */
export function startTerminationHandler(options: TerminationLoopOptions): () => Promise<void> {
  const handler = new TerminationHandler({
    dataDir: options.dataDir,
    settings: options.settings,
    findSession: (agent, id) => options.monitor.session(`${agent}:${id}`),
    checkpoint: (session, request) => options.coordinator.checkpoint(session, request),
    notify: options.notify,
    now: options.now,
    end: options.end,
    endOptions: options.endOptions,
    identity: options.identity,
  });
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = () => {
    if (running || stopped) return;
    running = handler
      .runOnce()
      .then((handled) => handled.forEach((h) => options.onHandled?.(h)))
      .catch((error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        running = null;
      });
  };
  pass();
  const timer = setInterval(pass, options.intervalMs ?? 2000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
