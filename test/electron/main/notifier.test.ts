import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../shared/session';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import type { Alert } from '../../../electron/engine/alerts/alert';
import { AlertPlanner } from '../../../electron/engine/alerts/planner';
import { wireNotifications } from '../../../electron/engine/alerts/wire';
import { createNotifier, notificationOptions } from '../../../electron/main/notifier';
import { Notification, resetElectronMock } from '../support/electron-mock';
import { sessionView } from '../support/state';

vi.mock('electron', () => import('../support/electron-mock'));

beforeEach(resetElectronMock);

const critical: Alert = { sessionId: 'api', kind: 'critical', title: 'api-server: context critical at 91%', body: 'Checkpoint it.' };

describe('createNotifier', () => {
  it('shows an alert as an Electron notification and opens that session when clicked', () => {
    const open = vi.fn();
    createNotifier({ open, iconPath: '/app/build/icons/256x256.png' }).show(critical);
    const [notification] = Notification.instances;
    expect(notification!.options).toEqual({ title: critical.title, body: critical.body, silent: false, urgency: 'critical', icon: '/app/build/icons/256x256.png' });
    expect(notification!.show).toHaveBeenCalledTimes(1);
    expect(open).not.toHaveBeenCalled();
    notification!.emit('click');
    expect(open).toHaveBeenCalledWith('api');
  });

  it('opens the overview for a summary, which names no single session', () => {
    const open = vi.fn();
    createNotifier({ open }).show({ sessionId: null, kind: 'summary', title: '10 sessions crossed a context threshold', body: '…' });
    Notification.instances[0]!.emit('click');
    expect(open).toHaveBeenCalledWith(null);
  });

  it('shows nothing where the platform has no notifications', () => {
    Notification.supported = false;
    createNotifier({ open: vi.fn() }).show(critical);
    expect(Notification.instances).toHaveLength(0);
  });

  it.each([
    ['warning', true, 'normal'],
    ['critical', false, 'critical'],
    ['compact-soon', false, 'critical'],
    ['termination', false, 'critical'],
    ['checkpoint-written', true, 'normal'],
    ['checkpoint-failed', true, 'normal'],
    ['summary', true, 'normal'],
  ] as const)('a %s alert is silent=%s with urgency %s', (kind, silent, urgency) => {
    expect(notificationOptions({ ...critical, kind })).toEqual({ title: critical.title, body: critical.body, silent, urgency });
  });

  it('tells the user about a failed action the same way, without an alert kind', () => {
    const open = vi.fn();
    createNotifier({ open }).tell({ sessionId: 'api', title: 'Checkpoint not written', body: 'locked' });
    expect(Notification.instances[0]!.options).toMatchObject({ title: 'Checkpoint not written', body: 'locked', silent: true, urgency: 'normal' });
    Notification.instances[0]!.emit('click');
    expect(open).toHaveBeenCalledWith('api');
  });
});

/** The engine's monitor as the alert wiring sees it: events plus the current session list. */
class FakeMonitor extends EventEmitter {
  current: Session[] = [];
  sessions(): Session[] {
    return this.current;
  }
}

describe('policy → AlertSink → Electron notification → window', () => {
  const at = (id: string, percent: number) => sessionView({ id, project: `/src/${id}`, context: { percent, usedTokens: percent * 2000, windowTokens: 200_000, autoCompactAtTokens: null } });

  it('notifies one crossing as its own notification and opens its session on click', () => {
    vi.useFakeTimers();
    try {
      const monitor = new FakeMonitor();
      monitor.current = [at('api', 80)];
      const open = vi.fn();
      const settings: Settings = DEFAULT_SETTINGS;
      const stop = wireNotifications(monitor, new AlertPlanner({ settings: () => settings, now: () => Date.now() }), createNotifier({ open }));
      expect(Notification.instances).toHaveLength(0); // the state found at start-up is the baseline

      monitor.current = [at('api', 92)];
      monitor.emit('session-updated');
      vi.advanceTimersByTime(1000);
      expect(Notification.instances.map((n) => n.options.title)).toEqual(['api: context critical at 92%']);
      Notification.instances[0]!.emit('click');
      expect(open).toHaveBeenCalledWith(at('api', 92).id);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('groups ten sessions crossing at once into one summary that opens the overview', () => {
    vi.useFakeTimers();
    try {
      const monitor = new FakeMonitor();
      const ids = Array.from({ length: 10 }, (_, index) => `s${index}`);
      monitor.current = ids.map((id) => at(id, 50));
      const open = vi.fn();
      const stop = wireNotifications(monitor, new AlertPlanner({ settings: () => DEFAULT_SETTINGS, now: () => Date.now() }), createNotifier({ open }));

      monitor.current = ids.map((id) => at(id, 75));
      for (const _ of ids) monitor.emit('session-updated');
      vi.advanceTimersByTime(1000);
      expect(Notification.instances).toHaveLength(1);
      expect(Notification.instances[0]!.options.title).toBe('10 sessions crossed a context threshold');
      Notification.instances[0]!.emit('click');
      expect(open).toHaveBeenCalledWith(null);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows nothing while notifications are paused', () => {
    vi.useFakeTimers();
    try {
      const monitor = new FakeMonitor();
      monitor.current = [at('api', 80)];
      const paused: Settings = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, pausedUntil: new Date(Date.now() + 3_600_000).toISOString() } };
      const stop = wireNotifications(monitor, new AlertPlanner({ settings: () => paused, now: () => Date.now() }), createNotifier({ open: vi.fn() }));
      monitor.current = [at('api', 95)];
      monitor.emit('session-updated');
      vi.advanceTimersByTime(1000);
      expect(Notification.instances).toHaveLength(0);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
