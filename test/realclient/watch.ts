/**
 * Waiting on the live Monitor without sleeping: a condition over its sessions is checked at once and
 * after every event it emits, and only a generous deadline (a hang, not a race) fails the wait.
 */
import type { Session } from '../../shared/session';
import type { Monitor } from '../../electron/engine/monitor';

export function waitForSessions(monitor: Monitor, done: (sessions: Session[]) => boolean, what: string, timeoutMs = 20_000): Promise<Session[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const sessions = monitor.sessions();
      if (!done(sessions)) return;
      cleanup();
      resolve(sessions);
    };
    const timer = setTimeout(() => {
      cleanup();
      const seen = monitor.sessions().map((s) => `${s.agent}:${s.id} used=${String(s.context.usedTokens)} compactions=${s.context.compactions} tools=${s.activity.toolCalls}`);
      reject(new Error(`the monitor did not reach "${what}" within ${timeoutMs} ms; it has: ${seen.join('; ') || 'no sessions'}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      monitor.off('session-added', check);
      monitor.off('session-updated', check);
    };
    monitor.on('session-added', check);
    monitor.on('session-updated', check);
    check();
  });
}
