/**
 * Desktop notifications: the Electron implementation of the engine's `AlertSink`.
 *
 * Deciding *whether* to notify — thresholds crossed, rate limits, grouping ten crossings into one
 * summary, pause and per-level settings — happens in the engine's alert policy, which is tested
 * without Electron. This shell only shows what it is given and routes a click to the window: the
 * session's detail for a session alert, the overview for a summary.
 */
import { Notification, type NotificationConstructorOptions } from 'electron';
import type { Alert, AlertSink } from '../engine/alerts/alert';

/**
 * Notifications still on screen, held so the garbage collector cannot drop one (and its click
 * handler) while the user can still click it. Linux daemons do not always report a close, so the
 * oldest are released past this many.
 */
const MAX_TRACKED = 20;

export interface NotifierDeps {
  /** Opens the window on a session, or on the overview when `sessionId` is null. */
  open(sessionId: string | null): void;
  /** App icon shown in the notification on Linux and Windows. */
  iconPath?: string;
}

/** A direct answer to something the user just did (a menu action that failed), outside the alert policy. */
export interface Feedback {
  sessionId: string | null;
  title: string;
  body: string;
}

export interface Notifier extends AlertSink {
  tell(feedback: Feedback): void;
}

export function notificationOptions(alert: Alert | Feedback, iconPath?: string): NotificationConstructorOptions {
  const urgent = 'kind' in alert && (alert.kind === 'critical' || alert.kind === 'compact-soon' || alert.kind === 'termination');
  return {
    title: alert.title,
    body: alert.body,
    // Sound and Linux urgency only for what needs the user now; a written checkpoint is news, not a call.
    silent: !urgent,
    urgency: urgent ? 'critical' : 'normal',
    ...(iconPath ? { icon: iconPath } : {}),
  };
}

export function createNotifier({ open, iconPath }: NotifierDeps): Notifier {
  const onScreen = new Set<Notification>();
  const release = (notification: Notification) => onScreen.delete(notification);

  const show = (alert: Alert | Feedback): void => {
    if (!Notification.isSupported()) return;
    const notification = new Notification(notificationOptions(alert, iconPath));
    notification.on('click', () => {
      release(notification);
      open(alert.sessionId);
    });
    notification.on('close', () => release(notification));
    notification.on('failed', () => release(notification));
    onScreen.add(notification);
    for (const old of onScreen) {
      if (onScreen.size <= MAX_TRACKED) break;
      onScreen.delete(old);
    }
    notification.show();
  };
  return { show, tell: show };
}
