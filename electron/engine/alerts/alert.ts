/**
 * What a desktop notification says, independent of who shows it: the Electron shell (electron/main)
 * and `headroom watch --notify` (node-notifier) both implement `AlertSink` against these types.
 */
export type AlertKind = 'warning' | 'critical' | 'compact-soon' | 'checkpoint-written' | 'checkpoint-failed' | 'termination' | 'memory' | 'summary';

export interface Alert {
  /** The session to focus when the notification is clicked; null for a summary. */
  sessionId: string | null;
  kind: AlertKind;
  title: string;
  body: string;
}

export interface AlertSink {
  show(alert: Alert): void;
}
