import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HeadroomApi } from '../../../shared/api';
import { contextBridge, exposed, ipcRenderer, resetElectronMock } from '../support/electron-mock';
import { appState } from '../support/state';

vi.mock('electron', () => import('../support/electron-mock'));

let api: HeadroomApi;
let exposeCalls: unknown[][];

// The preload exposes its api as a side effect of loading, once, as in a real renderer.
beforeAll(async () => {
  resetElectronMock();
  await import('../../../electron/preload/index');
  api = exposed.get('headroom') as HeadroomApi;
  exposeCalls = [...contextBridge.exposeInMainWorld.mock.calls];
});
beforeEach(resetElectronMock);

describe('preload', () => {
  it('exposes exactly one object, window.headroom, with invoke and subscribe only', async () => {
    expect(exposeCalls).toEqual([['headroom', api]]);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards a contract channel and its request to ipcRenderer.invoke', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ pausedUntil: null });
    await expect(api.invoke('notifications:pause', { until: 'off' })).resolves.toEqual({ pausedUntil: null });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('notifications:pause', { until: 'off' });
  });

  it('refuses a channel outside the contract without reaching ipcRenderer', async () => {
    const untyped = api as unknown as { invoke(channel: string, request: unknown): Promise<unknown>; subscribe(channel: string, listener: () => void): () => void };
    await expect(untyped.invoke('electron-store-get-data', undefined)).rejects.toThrow('unknown channel electron-store-get-data');
    await expect(untyped.invoke('__proto__', undefined)).rejects.toThrow('unknown channel __proto__');
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    expect(() => untyped.subscribe('ELECTRON_BROWSER_REQUIRE', () => undefined)).toThrow('unknown push channel ELECTRON_BROWSER_REQUIRE');
    expect(ipcRenderer.listenerCount('ELECTRON_BROWSER_REQUIRE')).toBe(0);
  });

  it('delivers only the payload of a push, and stops when unsubscribed', async () => {
    const listener = vi.fn();
    const unsubscribe = api.subscribe('state:changed', listener);
    const state = appState([]);
    ipcRenderer.emit('state:changed', { sender: 'main-process-internals' }, state);
    expect(listener).toHaveBeenCalledWith(state);
    expect(listener.mock.calls[0]).toHaveLength(1);

    unsubscribe();
    ipcRenderer.emit('state:changed', {}, state);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('state:changed')).toBe(0);
  });
});
