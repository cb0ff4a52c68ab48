/**
 * Desktop alerts for agent processes that use too much memory or keep growing (memory/assess.ts).
 * Edge-triggered like the context alerts: one alert when a session's process becomes a concern, and
 * again only after it was fine in between. Checked on a slow clock, since RSS moves without any
 * transcript change.
 */
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { AlertSink } from '../alerts/alert';
import type { AlertPlanner } from '../alerts/planner';
import { MemoryWatch } from '../memory/watch';

const MB = 1024 * 1024;

export type MemoryCheck = (sessions: readonly Session[], settings: Settings, now: number) => void;

export function createMemoryAlerts(planner: Pick<AlertPlanner, 'memoryWarning'>, sink: AlertSink): MemoryCheck {
  const watch = new MemoryWatch();
  const concerned = new Set<string>();
  return (sessions, settings, now) => {
    const assessments = watch.observe(sessions, settings.memory.warnMegabytes * MB, now);
    for (const session of sessions) {
      const key = `${session.agent}:${session.id}`;
      const reason = assessments.get(key)?.reason ?? null;
      if (reason === null) {
        concerned.delete(key);
        continue;
      }
      if (concerned.has(key)) continue;
      concerned.add(key);
      const alert = planner.memoryWarning(session, reason);
      if (alert) sink.show(alert);
    }
  };
}
