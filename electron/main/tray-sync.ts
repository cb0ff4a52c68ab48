/**
 * Keeps the tray in step with the one app state: redrawn on every state push and settings change,
 * and once a minute so a pause that ran out stops being shown without waiting for news. Redrawing is
 * cheap — `tray.ts` only touches what changed.
 */
import type { ApiHost, AppState } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import type { TrayView } from './tray';
import { trayModel } from './tray-model';

const REFRESH_MS = 60_000;

export interface TraySyncDeps {
  tray: TrayView;
  host: Pick<ApiHost, 'onPush'>;
  getState(): AppState;
  getSettings(): Settings;
  onSettingsChange(listener: () => void): () => void;
  now(): number;
}

export function syncTray({ tray, host, getState, getSettings, onSettingsChange, now }: TraySyncDeps): () => void {
  const render = () => tray.render(trayModel(getState(), getSettings(), now()));
  const stopPushes = host.onPush((channel) => {
    if (channel === 'state:changed') render();
  });
  const stopSettings = onSettingsChange(render);
  const timer = setInterval(render, REFRESH_MS);
  timer.unref();
  render();
  return () => {
    clearInterval(timer);
    stopPushes();
    stopSettings();
  };
}
