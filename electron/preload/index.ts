/**
 * The preload: exposes one narrow object, `window.headroom`, implementing `HeadroomApi` from
 * shared/api.ts — the same interface the browser dashboard gets over its WebSocket, so the views
 * cannot tell the transports apart. Nothing else (no `ipcRenderer`, no Node) crosses the bridge.
 */
import { contextBridge } from 'electron';
import type { HeadroomApi } from '../../shared/api';
import { invoke, subscribe } from './ipc';

export const api = { invoke, subscribe } satisfies HeadroomApi;

contextBridge.exposeInMainWorld('headroom', api);
