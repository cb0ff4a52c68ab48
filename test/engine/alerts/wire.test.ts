import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../shared/session';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { Alert } from '../../../electron/engine/alerts/alert';
import { AlertPlanner } from '../../../electron/engine/alerts/planner';
import { wireNotifications } from '../../../electron/engine/alerts/wire';
import type { Monitor } from '../../../electron/engine/monitor';
import { makeSession } from '../policies/make-session';

/** A session list that emits the Monitor's events, the way the Monitor does after each change. */
class Sessions extends EventEmitter {
  list: Session[] = [];
  sessions(): Session[] {
    return this.list;
  }
  update(list: Session[]): void {
    this.list = list;
    for (const session of list) this.emit('session-updated', session);
  }
}

const at = (id: string, percent: number) => makeSession({ id, context: { percent } });

afterEach(() => {
  vi.useRealTimers();
});

describe('wireNotifications', () => {
  it('takes the current sessions as the baseline and batches a burst of updates into one observation', () => {
    vi.useFakeTimers();
    const source = new Sessions();
    source.list = [at('a', 95), ...Array.from({ length: 5 }, (_, i) => at(`s${i}`, 10))];
    const shown: Alert[] = [];
    const planner = new AlertPlanner({ settings: () => DEFAULT_SETTINGS, now: () => Date.now() });
    const stop = wireNotifications(source, planner, { show: (alert) => shown.push(alert) }, { batchMs: 100 });

    source.update([at('a', 95), ...Array.from({ length: 5 }, (_, i) => at(`s${i}`, 92))]);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(shown.map((a) => [a.kind, a.title])).toEqual([['summary', '5 sessions crossed a context threshold']]);

    stop();
    source.update([at('a', 10)]);
    source.update([at('a', 80)]);
    vi.advanceTimersByTime(1000);
    expect(shown).toHaveLength(1);
  });

  it('accepts the engine Monitor as its source (type-level)', () => {
    const accepts = (monitor: Monitor) => wireNotifications(monitor, new AlertPlanner({ settings: () => DEFAULT_SETTINGS }), { show: () => undefined });
    expect(typeof accepts).toBe('function');
  });
});
