import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiHost, AppState, PushChannel, Pushes } from '../../../shared/api';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { TrayModel } from '../../../electron/main/tray-model';
import { syncTray } from '../../../electron/main/tray-sync';
import { appState, sessionView } from '../support/state';

afterEach(() => vi.useRealTimers());

function setup() {
  let state: AppState = appState([sessionView({ level: 'warning', context: { percent: 72 } })]);
  let push: (<P extends PushChannel>(channel: P, payload: Pushes[P]) => void) | null = null;
  let settingsChanged: (() => void) | null = null;
  const host: Pick<ApiHost, 'onPush'> = {
    onPush(listener) {
      push = listener;
      return () => (push = null);
    },
  };
  const rendered: TrayModel[] = [];
  const stop = syncTray({
    tray: { render: (model) => rendered.push(model), destroy: () => undefined },
    host,
    getState: () => state,
    getSettings: () => DEFAULT_SETTINGS,
    onSettingsChange: (listener) => ((settingsChanged = listener), () => (settingsChanged = null)),
    now: () => Date.now(),
  });
  return {
    rendered,
    stop,
    setState: (next: AppState) => (state = next),
    push: <P extends PushChannel>(channel: P, payload: Pushes[P]) => push?.(channel, payload),
    changeSettings: () => settingsChanged?.(),
  };
}

describe('syncTray', () => {
  it('draws at once, then on every state push and settings change', () => {
    const tray = setup();
    expect(tray.rendered.map((model) => model.title)).toEqual(['72%']);
    const next = appState([sessionView({ level: 'critical', context: { percent: 91 } })]);
    tray.setState(next);
    tray.push('state:changed', next);
    tray.push('ui:focus-session', { sessionId: 'x' });
    tray.changeSettings();
    expect(tray.rendered.map((model) => [model.icon, model.title])).toEqual([
      ['warning', '72%'],
      ['critical', '91%'],
      ['critical', '91%'],
    ]);
  });

  it('redraws each minute so an expired pause stops showing, and stops on request', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-03-02T10:00:00Z'));
    const tray = setup();
    const paused = appState([], { notificationsPausedUntil: '2026-03-02T10:00:30Z' });
    tray.setState(paused);
    tray.push('state:changed', paused);
    expect(tray.rendered.at(-1)?.tooltip).toBe('Headroom · no active sessions · notifications paused');
    // No push arrives when the pause runs out; the minute timer is what redraws.
    vi.advanceTimersByTime(60_000);
    expect(tray.rendered.at(-1)?.tooltip).toBe('Headroom · no active sessions');
    tray.stop();
    vi.advanceTimersByTime(180_000);
    tray.push('state:changed', appState([]));
    tray.changeSettings();
    expect(tray.rendered).toHaveLength(3);
  });
});
