import { describe, expect, it, vi } from 'vitest';
import type { CheckpointResult, Handlers } from '../../../shared/api';
import { trayActions } from '../../../electron/main/tray-actions';
import type { TrayAction } from '../../../electron/main/tray-model';

function setup(overrides: Partial<Record<keyof Handlers, (request: never) => Promise<unknown>>> = {}) {
  const handlers = {
    'session:checkpoint': vi.fn(async (): Promise<CheckpointResult> => ({ ok: false, reason: 'locked', message: 'another checkpoint of this session is being written' })),
    'session:copy-resume': vi.fn(async () => ({ command: 'claude --resume abc' })),
    'session:open-folder': vi.fn(async () => ({ opened: true })),
    'session:open-transcript': vi.fn(async () => ({ opened: false })),
    'notifications:pause': vi.fn(async () => ({ pausedUntil: null })),
    ...overrides,
  } as unknown as Handlers;
  const window = { show: vi.fn(), showSession: vi.fn(), showSettings: vi.fn() };
  const quit = vi.fn();
  const report = vi.fn();
  const run = trayActions({ handlers, window, quit, report });
  /** Runs one action and lets its handler promise settle. */
  const act = async (action: TrayAction) => {
    run(action);
    await new Promise(setImmediate);
  };
  return { handlers, window, quit, report, act };
}

describe('trayActions', () => {
  it('routes session actions through the API handlers', async () => {
    const { handlers, act, report } = setup();
    await act({ kind: 'copy-resume', sessionId: 'abc' });
    await act({ kind: 'open-folder', sessionId: 'abc' });
    await act({ kind: 'pause', until: 'tomorrow' });
    expect(handlers['session:copy-resume']).toHaveBeenCalledWith({ sessionId: 'abc' });
    expect(handlers['session:open-folder']).toHaveBeenCalledWith({ sessionId: 'abc' });
    expect(handlers['notifications:pause']).toHaveBeenCalledWith({ until: 'tomorrow' });
    expect(report).not.toHaveBeenCalled();
  });

  it('opens the window on the right view and quits', async () => {
    const { window, quit, act } = setup();
    await act({ kind: 'show-details', sessionId: 'abc' });
    await act({ kind: 'open-window' });
    await act({ kind: 'settings' });
    await act({ kind: 'quit' });
    expect(window.showSession).toHaveBeenCalledWith('abc');
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(window.showSettings).toHaveBeenCalledTimes(1);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('tells the user when a checkpoint was refused or a file is gone — a menu click has no other answer', async () => {
    const { act, report } = setup();
    await act({ kind: 'checkpoint', sessionId: 'abc' });
    await act({ kind: 'open-transcript', sessionId: 'abc' });
    expect(report.mock.calls).toEqual([
      [{ sessionId: 'abc', title: 'Checkpoint not written', body: 'another checkpoint of this session is being written' }],
      [{ sessionId: 'abc', title: 'Transcript not found', body: 'The transcript file was moved or deleted.' }],
    ]);
  });

  it('leaves a failed write to the engine’s checkpoint-failed alert, so it is not announced twice', async () => {
    const { act, report } = setup({ 'session:checkpoint': async () => ({ ok: false, reason: 'failed', message: 'disk full' }) });
    await act({ kind: 'checkpoint', sessionId: 'abc' });
    expect(report).not.toHaveBeenCalled();
  });

  it('reports a handler that throws instead of leaving an unhandled rejection', async () => {
    const { act, report } = setup({ 'session:copy-resume': async () => Promise.reject(new Error('session abc is not known')) });
    await act({ kind: 'copy-resume', sessionId: 'abc' });
    expect(report).toHaveBeenCalledWith({ sessionId: 'abc', title: 'Headroom could not do that', body: 'session abc is not known' });
  });
});
