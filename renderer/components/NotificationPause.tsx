/** Pause notifications for an hour or until tomorrow, or resume them; shows until when they are off. */
import type { HeadroomApi } from '../../shared/api';
import { useNotify } from '../app/notice';

export function NotificationPause({ api, pausedUntil }: { api: HeadroomApi; pausedUntil: string | null }) {
  const notify = useNotify();
  const pause = (until: '1h' | 'tomorrow' | 'off'): void => {
    api.invoke('notifications:pause', { until }).then(
      (result) => notify(result.pausedUntil ? `Notifications paused until ${new Date(result.pausedUntil).toLocaleString()}` : 'Notifications on', 'success'),
      (error: unknown) => notify(error instanceof Error ? error.message : String(error), 'error'),
    );
  };
  return (
    <div class="field" data-key="notifications.pausedUntil">
      <span class="field-label">Pause</span>
      <div class="field-input">
        <span class="muted">{pausedUntil ? `Paused until ${new Date(pausedUntil).toLocaleString()}` : 'Not paused'}</span>
        <button class="small" onClick={() => pause('1h')}>
          1 hour
        </button>
        <button class="small" onClick={() => pause('tomorrow')}>
          Until tomorrow
        </button>
        {pausedUntil && (
          <button class="small" onClick={() => pause('off')}>
            Resume
          </button>
        )}
      </div>
    </div>
  );
}
