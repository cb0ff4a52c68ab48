/**
 * The browser bridge (renderer/bridges/websocket.ts) against a real `headroom serve`: requests by id,
 * pushes fanned out to every subscriber, and a dropped socket that reconnects on its own with the
 * subscriptions intact. Node's side uses the `ws` client, which has the browser's WebSocket shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { AppState } from '../../shared/api';
import { createWebSocketBridge, type ConnectionState, type SocketLike } from '../../renderer/bridges/websocket';
import { findTranscript } from './support/find';
import { statusJson, type ServeProcess } from './support/headroom-cli';
import { serveWorkspace } from './support/served-dashboard';
import { appendClaudeTurn } from './support/transcripts';
import type { Workspace } from './support/workspace';

const CLAUDE_DEMO = '6f1039d8-684a-4732-870c-c177ae095f9e';

let workspace: Workspace;
let serve: ServeProcess;
let close = async () => {};

beforeAll(async () => {
  ({ workspace, serve, close } = await serveWorkspace());
});

afterAll(() => close());

function until<T>(subscribe: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise(subscribe);
}

describe('the WebSocket bridge', () => {
  it('answers requests, fans pushes out, and reconnects with its subscriptions', async () => {
    const sockets: WebSocket[] = [];
    const bridge = createWebSocketBridge(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`, {
      createSocket: (url) => {
        const socket = new WebSocket(url, { origin: serve.origin });
        sockets.push(socket);
        return socket as unknown as SocketLike;
      },
      minDelayMs: 20,
    });
    const states: ConnectionState[] = [];
    bridge.onConnection((state) => states.push(state));
    try {
      // Requests sent before the socket opened wait in the outbox.
      const [state, settings] = await Promise.all([bridge.invoke('state:get', undefined), bridge.invoke('settings:get', undefined)]);
      const report = await statusJson(workspace.flags);
      expect(state.sessions.map((session) => session.id).sort()).toEqual(report.sessions.map((session) => session.id).sort());
      expect(settings.thresholds.criticalPercent).toBe(90);
      await expect(bridge.invoke('session:detail', { sessionId: '' })).rejects.toThrow(/Invalid session:detail request/);

      // Drop the socket under the bridge: it reports the loss, opens a new one, and keeps listeners.
      const first: AppState[] = [];
      const second: AppState[] = [];
      bridge.subscribe('state:changed', (next) => first.push(next));
      bridge.subscribe('state:changed', (next) => second.push(next));
      const reopened = until<void>((resolve) => bridge.onConnection((next) => next === 'open' && sockets.length === 2 && resolve()));
      sockets[0]?.terminate();
      await reopened;
      expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);

      const file = await findTranscript(workspace.claudeDir, CLAUDE_DEMO);
      const pushed = until<AppState>((resolve) =>
        bridge.subscribe('state:changed', (next) => {
          if (next.sessions.find((session) => session.id === CLAUDE_DEMO)?.context.usedTokens === 150_005) resolve(next);
        }),
      );
      await appendClaudeTurn(file, { prompt: 'after the reconnect', contextTokens: 150_005, at: new Date() });
      const after = await pushed;
      // 150,005 of 200,000 = 75.0025%: over the 70% warning line.
      const session = after.sessions.find((entry) => entry.id === CLAUDE_DEMO);
      expect(session?.context.percent).toBeCloseTo(75.0025, 4);
      expect(session?.level).toBe('warning');
      // One push, every subscriber: both listeners got the very same snapshot.
      expect(first).toContain(after);
      expect(second).toContain(after);
    } finally {
      bridge.close();
    }
    await expect(bridge.invoke('state:get', undefined)).rejects.toThrow('The Headroom connection is closed.');
  });
});
