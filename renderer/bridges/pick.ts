/**
 * Chooses the transport at start-up: the preload's api inside the desktop app, else the WebSocket of
 * `headroom serve`. The views only ever see `HeadroomApi` (plus the connection state, which only the
 * browser has).
 */
import type { HeadroomApi } from '../../shared/api';
import { electronBridge } from './electron';
import { createWebSocketBridge, socketUrlFor, type ConnectionState } from './websocket';

export interface Bridge {
  api: HeadroomApi;
  kind: 'electron' | 'browser';
  onConnection: (listener: (state: ConnectionState) => void) => () => void;
}

export function pickBridge(): Bridge {
  const desktop = electronBridge();
  if (desktop) return { api: desktop, kind: 'electron', onConnection: (listener) => (listener('open'), () => undefined) };
  const socket = createWebSocketBridge(socketUrlFor(window.location));
  return { api: socket, kind: 'browser', onConnection: socket.onConnection };
}
