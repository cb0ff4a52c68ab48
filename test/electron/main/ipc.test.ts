import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestSchemas, type ApiHost, type Handlers, type PushChannel, type Pushes } from '../../../shared/api';
import { CHANNELS, registerIpc, trustedSender } from '../../../electron/main/ipc';
import { PRELOAD_CHANNELS } from '../../../electron/preload/ipc';
import { ipcHandlers, ipcMain, resetElectronMock } from '../support/electron-mock';
import { appState } from '../support/state';

vi.mock('electron', () => import('../support/electron-mock'));

type PushListener = <P extends PushChannel>(channel: P, payload: Pushes[P]) => void;

/** A host whose every handler echoes what it was called with. */
function fakeHost() {
  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, vi.fn(async (request: unknown) => ({ channel, request }))])) as unknown as Handlers;
  const listeners = new Set<PushListener>();
  const host: ApiHost = {
    handlers,
    onPush(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { host, handlers, push: <P extends PushChannel>(channel: P, payload: Pushes[P]) => listeners.forEach((listener) => listener(channel, payload)) };
}

const OURS = 7;
const fromOurWindow = { sender: { id: OURS }, senderFrame: { url: 'app://headroom/index.html#/settings', parent: null } };

function call(channel: string, payload: unknown, event: unknown = fromOurWindow): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler(event, payload));
}

beforeEach(resetElectronMock);

describe('the IPC contract', () => {
  it('has one main handler and one preload path for every channel in RequestSchemas', () => {
    const contract = Object.keys(RequestSchemas).sort();
    expect([...CHANNELS].sort()).toEqual(contract);
    expect([...PRELOAD_CHANNELS].sort()).toEqual(contract);
    registerIpc({ host: fakeHost().host, isTrusted: () => true, targets: () => [] });
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(contract);
  });

  it('routes a valid request to the host handler of its channel', async () => {
    const { host, handlers } = fakeHost();
    registerIpc({ host, isTrusted: trustedSender((id) => id === OURS), targets: () => [] });
    await expect(call('session:tag', { sessionId: 'abc', tags: ['urgent'] })).resolves.toEqual({ channel: 'session:tag', request: { sessionId: 'abc', tags: ['urgent'] } });
    await expect(call('state:get', undefined)).resolves.toEqual({ channel: 'state:get', request: undefined });
    expect(handlers['session:tag']).toHaveBeenCalledTimes(1);
  });
});

describe('sender check', () => {
  it.each([
    ['another webContents', { sender: { id: 99 }, senderFrame: { url: 'app://headroom/index.html', parent: null } }],
    ['an iframe inside our window', { sender: { id: OURS }, senderFrame: { url: 'app://headroom/frame.html', parent: {} } }],
    ['our window after navigating to a web page', { sender: { id: OURS }, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['our window showing a file: page', { sender: { id: OURS }, senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
    ['a look-alike host', { sender: { id: OURS }, senderFrame: { url: 'app://headroom.evil/index.html', parent: null } }],
    ['a destroyed frame', { sender: { id: OURS }, senderFrame: null }],
  ])('refuses %s before reading the payload', async (_name, event) => {
    const { host, handlers } = fakeHost();
    registerIpc({ host, isTrusted: trustedSender((id) => id === OURS), targets: () => [] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(call('session:checkpoint', { sessionId: 'abc' }, event)).rejects.toThrow("session:checkpoint: refused — the request did not come from Headroom's window");
    expect(handlers['session:checkpoint']).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('payload validation', () => {
  it.each([
    ['session:checkpoint', { sessionId: '' }, 'sessionId: Too small'],
    ['session:checkpoint', { sessionId: 'abc', reason: 5 }, 'reason: Invalid input: expected string, received number'],
    ['session:export', { sessionId: 'abc', format: 'exe' }, 'format: Invalid option'],
    ['notifications:pause', { until: 'forever' }, 'until: Invalid option'],
    ['session:tag', { sessionId: 'abc', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags: Too big'],
    ['state:get', { sneaky: true }, 'request: Invalid input: expected undefined, received object'],
    ['session:detail', 'abc', 'request: Invalid input: expected object, received string'],
  ])('%s rejects %j', async (channel, payload, message) => {
    const { host, handlers } = fakeHost();
    registerIpc({ host, isTrusted: () => true, targets: () => [] });
    await expect(call(channel, payload)).rejects.toThrow(`${channel}: invalid request — ${message}`);
    expect(handlers[channel as keyof Handlers]).not.toHaveBeenCalled();
  });

  it('passes the parsed payload on, without keys the schema does not know', async () => {
    const { host, handlers } = fakeHost();
    registerIpc({ host, isTrusted: () => true, targets: () => [] });
    await call('session:detail', { sessionId: 'abc', __proto__: { polluted: true }, extra: 'dropped' });
    expect(handlers['session:detail']).toHaveBeenCalledWith({ sessionId: 'abc' });
  });
});

describe('pushes and teardown', () => {
  it('forwards host pushes to our windows only while registered, skipping a closing one', () => {
    const { host, push } = fakeHost();
    const open = { send: vi.fn(), isDestroyed: () => false };
    const closing = { send: vi.fn(), isDestroyed: () => true };
    const dispose = registerIpc({ host, isTrusted: () => true, targets: () => [open, closing] as never });
    const state = appState([]);
    push('state:changed', state);
    expect(open.send).toHaveBeenCalledWith('state:changed', state);
    expect(closing.send).not.toHaveBeenCalled();

    dispose();
    push('state:changed', state);
    expect(open.send).toHaveBeenCalledTimes(1);
    expect(ipcHandlers.size).toBe(0);
  });
});
