/**
 * Shows alerts as desktop notifications through node-notifier, for `headroom watch --notify` on
 * machines without the tray app (Linux: notify-send over D-Bus; macOS: terminal-notifier; Windows:
 * SnoreToast).
 *
 * Alert text comes partly from transcripts (session titles), so it is cleaned here: control characters
 * and newlines are flattened, and on Linux the markup characters `& < >` are escaped because
 * notification daemons render a subset of HTML in the body. node-notifier itself quotes every
 * argument it passes to notify-send (it escapes `" $ \` \\` inside double quotes).
 */
import notifier from 'node-notifier';
import type { Alert, AlertSink } from './alert';

type Notify = (options: Record<string, unknown>, callback: (error: Error | null) => void) => void;

export interface NodeNotifierSinkOptions {
  /** node-notifier's `notify`; injectable so the sink can be driven against another backend. */
  notify?: Notify;
  platform?: NodeJS.Platform;
  /** Failures (no notification daemon, no notify-send) are reported here instead of thrown. */
  onError?: (error: Error) => void;
}

export class NodeNotifierSink implements AlertSink {
  private readonly notify: Notify;
  private readonly linux: boolean;
  private readonly onError: (error: Error) => void;

  constructor(options: NodeNotifierSinkOptions = {}) {
    this.notify = options.notify ?? ((opts, cb) => notifier.notify(opts, (error) => cb(error ?? null)));
    this.linux = (options.platform ?? process.platform) === 'linux';
    this.onError = options.onError ?? (() => undefined);
  }

  show(alert: Alert): void {
    const urgent = alert.kind === 'critical' || alert.kind === 'compact-soon' || alert.kind === 'checkpoint-failed';
    const options: Record<string, unknown> = {
      title: clean(alert.title, false),
      message: clean(alert.body, this.linux),
      'app-name': 'Headroom',
    };
    if (this.linux) options.urgency = urgent ? 'critical' : 'normal';
    this.notify(options, (error) => {
      if (error) this.onError(error instanceof Error ? error : new Error(String(error)));
    });
  }
}

/** One line of plain text; markup characters escaped where the daemon would interpret them. */
export function clean(text: string, escapeMarkup: boolean): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return escapeMarkup ? flat.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : flat;
}
