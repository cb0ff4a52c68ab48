/**
 * Typed IPC for the renderer side — the only file that calls `ipcRenderer`.
 *
 * The allow-lists are objects checked with `satisfies Record<Channel, true>`: a channel added to
 * shared/api.ts that is missing here, or a name here that is not in the contract, fails to compile.
 * They cannot be derived from `RequestSchemas` at runtime because a sandboxed preload may only
 * `require('electron')` — pulling zod in with the schemas would break it — so only types are imported.
 */
import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Channel, PushChannel, Pushes, RequestOf, ResponseOf } from '../../shared/api';

const REQUEST_CHANNELS = {
  'state:get': true,
  'session:detail': true,
  'session:checkpoint': true,
  'session:history': true,
  'session:tag': true,
  'session:untag': true,
  'session:set-project': true,
  'session:export': true,
  'session:resume-command': true,
  'session:copy-resume': true,
  'session:open-folder': true,
  'session:open-transcript': true,
  'settings:get': true,
  'settings:set': true,
  'notifications:pause': true,
  'recommendations:get': true,
  'processes:leftovers': true,
  'processes:end-leftover': true,
} as const satisfies Record<Channel, true>;

const PUSH_CHANNELS = {
  'state:changed': true,
  'ui:focus-session': true,
} as const satisfies Record<PushChannel, true>;

/** The channels the preload forwards, for the contract test. */
export const PRELOAD_CHANNELS = Object.keys(REQUEST_CHANNELS) as Channel[];
export const PRELOAD_PUSH_CHANNELS = Object.keys(PUSH_CHANNELS) as PushChannel[];

/**
 * Sends one request. The page is untrusted, so a channel outside the contract is refused here and
 * never reaches `ipcRenderer`, even when called from plain JavaScript that ignores the types.
 */
export function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  if (!Object.hasOwn(REQUEST_CHANNELS, channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`));
  return ipcRenderer.invoke(channel, request) as Promise<ResponseOf<C>>;
}

/** Listens to one push; returns the function that stops listening. */
export function subscribe<P extends PushChannel>(channel: P, listener: (payload: Pushes[P]) => void): () => void {
  if (!Object.hasOwn(PUSH_CHANNELS, channel)) throw new Error(`unknown push channel ${String(channel)}`);
  // The Electron event (with `sender`) stays in the preload: the page only ever gets the payload.
  const forward = (_event: IpcRendererEvent, payload: Pushes[P]) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}
