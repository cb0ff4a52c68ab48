import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, onShutdown } from '../../../electron/main/lifecycle';
import { app, resetElectronMock } from '../support/electron-mock';

vi.mock('electron', () => import('../support/electron-mock'));

beforeEach(resetElectronMock);
afterEach(() => {
  vi.useRealTimers();
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
});

const quitEvent = () => ({ preventDefault: vi.fn() });

describe('claimSingleInstance', () => {
  it('shows the window when a second copy is launched', () => {
    const onSecond = vi.fn();
    expect(claimSingleInstance(onSecond)).toBe(true);
    app.emit('second-instance');
    expect(onSecond).toHaveBeenCalledTimes(1);
  });

  it('reports that another copy holds the lock', () => {
    app.lockAvailable = false;
    expect(claimSingleInstance(vi.fn())).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('onShutdown', () => {
  it('holds the quit until cleanup finished, runs it once, then quits for real', async () => {
    let finish!: () => void;
    const cleanup = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    onShutdown(cleanup);

    const first = quitEvent();
    app.emit('before-quit', first);
    const second = quitEvent();
    app.emit('before-quit', second);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(second.preventDefault).toHaveBeenCalled();
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    const last = quitEvent();
    app.emit('before-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('quits after 5 s when cleanup hangs', async () => {
    vi.useFakeTimers();
    onShutdown(() => new Promise<void>(() => undefined));
    app.emit('before-quit', quitEvent());
    await vi.advanceTimersByTimeAsync(4_999);
    expect(app.quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('quits on SIGTERM (from `headroom app` or the session manager) through the same path', () => {
    onShutdown(async () => undefined);
    process.emit('SIGTERM');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });
});
