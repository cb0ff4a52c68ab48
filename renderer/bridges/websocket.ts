/**
 * The browser bridge for `headroom serve`: `HeadroomApi` over one WebSocket.
 *
 * Wire format (electron/server/api-socket.ts is the other end): a request is `{id, channel, request}`,
 * its answer `{id, ok, response}` or `{id, ok: false, error}`, a push `{push, payload}`. Requests made
 * while the socket is down wait in an outbox; a dropped socket fails the requests in flight (their
 * answers are lost with it) and reconnects with backoff, and listeners stay subscribed throughout.
 */
import type { Channel, HeadroomApi, PushChannel, Pushes, RequestOf, ResponseOf } from '../../shared/api';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WebSocketBridge extends HeadroomApi {
  /** Called with every change of the connection, and once at once with the current one. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Closes for good: no reconnect, pending requests fail. */
  close(): void;
}

/** The subset of the WHATWG WebSocket the bridge uses, so tests can pass the `ws` package's client. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface WebSocketBridgeOptions {
  createSocket?: (url: string) => SocketLike;
  /** Reconnect delays double from `minDelayMs` up to `maxDelayMs`. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A request with no answer after this long fails instead of hanging the view. */
  timeoutMs?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

const OPEN = 1;

export function createWebSocketBridge(url: string, options: WebSocketBridgeOptions = {}): WebSocketBridge {
  const createSocket = options.createSocket ?? ((target: string) => new WebSocket(target) as unknown as SocketLike);
  const minDelay = options.minDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pending = new Map<number, Pending>();
  const outbox: string[] = [];
  const pushListeners = new Map<PushChannel, Set<(payload: never) => void>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: SocketLike | null = null;
  let nextId = 1;
  let delay = minDelay;
  let closedForGood = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of connectionListeners) listener(next);
  };

  const failPending = (message: string): void => {
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      request.reject(new Error(message));
      pending.delete(id);
    }
  };

  const onMessage = (data: unknown): void => {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return; // Not ours to crash on; the server only sends JSON.
    }
    if (typeof message !== 'object' || message === null) return;
    const record = message as Record<string, unknown>;
    if (typeof record.push === 'string') {
      for (const listener of pushListeners.get(record.push as PushChannel) ?? []) listener(record.payload as never);
      return;
    }
    const request = typeof record.id === 'number' ? pending.get(record.id) : undefined;
    if (!request || typeof record.id !== 'number') return;
    pending.delete(record.id);
    clearTimeout(request.timer);
    if (record.ok === true) request.resolve(record.response);
    else request.reject(new Error(typeof record.error === 'string' ? record.error : 'The request failed.'));
  };

  const connect = (): void => {
    retryTimer = null;
    setState('connecting');
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      delay = minDelay;
      setState('open');
      for (const message of outbox.splice(0)) current.send(message);
    };
    current.onmessage = (event) => onMessage(event.data);
    current.onerror = () => undefined; // A close event always follows; that is where we act.
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      failPending('The connection to Headroom was lost.');
      setState('closed');
      if (closedForGood) return;
      retryTimer = setTimeout(connect, delay);
      delay = Math.min(maxDelay, delay * 2);
    };
  };

  connect();

  return {
    invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      if (closedForGood) return Promise.reject(new Error('The Headroom connection is closed.'));
      const id = nextId++;
      const message = JSON.stringify({ id, channel, request });
      return new Promise<ResponseOf<C>>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`Headroom did not answer ${channel} in ${Math.round(timeoutMs / 1000)} s.`));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        if (socket && socket.readyState === OPEN) socket.send(message);
        else outbox.push(message);
      });
    },
    subscribe<P extends PushChannel>(channel: P, listener: (payload: Pushes[P]) => void): () => void {
      const listeners = pushListeners.get(channel) ?? new Set();
      pushListeners.set(channel, listeners);
      const entry = listener as (payload: never) => void;
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      return () => connectionListeners.delete(listener);
    },
    close() {
      closedForGood = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      outbox.length = 0;
      failPending('The Headroom connection is closed.');
      socket?.close();
      setState('closed');
    },
  };
}

/** The socket URL for the page the dashboard was loaded from, carrying its `?token=` along. */
export function socketUrlFor(location: { protocol: string; host: string; search: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get('token') ?? '';
  return `${scheme}//${location.host}/api?token=${encodeURIComponent(token)}`;
}
