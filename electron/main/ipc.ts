/**
 * Electron IPC for the API contract in `shared/api.ts` — the only file that calls `ipcMain`.
 *
 * Every request is checked in the same order before the host sees it:
 * 1. the sender is the top frame of one of our windows, showing our `app://headroom` origin
 *    (a webview, an iframe, or a window that navigated elsewhere is refused);
 * 2. the payload, received as `unknown`, parses with the channel's schema from `RequestSchemas`.
 * Pushes from the host are forwarded to our windows only.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { z } from 'zod';
import { RequestSchemas, type ApiHost, type Channel, type Handlers, type PushChannel, type Pushes } from '../../shared/api';
import { isAppUrl } from './renderer-protocol';

/** Every request channel of the contract, in declaration order. */
export const CHANNELS = Object.keys(RequestSchemas) as Channel[];

export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

/**
 * Accepts only the main frame of a window we created (`isOurs` knows their webContents ids) that is
 * still showing our renderer. `senderFrame` is null once the frame navigated away or was destroyed.
 */
export function trustedSender(isOurs: (webContentsId: number) => boolean): SenderCheck {
  return ({ sender, senderFrame }) =>
    senderFrame !== null && senderFrame.parent === null && isOurs(sender.id) && isAppUrl(senderFrame.url);
}

/** Routes one channel to its handler, after the sender check and the payload schema. */
export function handle<C extends Channel>(channel: C, handler: Handlers[C], isTrusted: SenderCheck): void {
  ipcMain.handle(channel, async (event, payload: unknown) => {
    if (!isTrusted(event)) {
      console.warn(`headroom: refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      throw new Error(`${channel}: refused — the request did not come from Headroom's window`);
    }
    const parsed = RequestSchemas[channel].safeParse(payload);
    if (!parsed.success) throw new Error(`${channel}: invalid request — ${describeIssues(parsed.error)}`);
    // The schema for `channel` just produced `RequestOf<C>`; TypeScript cannot narrow a union of
    // handler signatures by a generic key, so the call goes through one widened signature.
    return (handler as (request: unknown) => Promise<unknown>)(parsed.data);
  });
}

/** Sends one push, typed by the contract; a window that is closing is skipped. */
export function sendPush<P extends PushChannel>(target: WebContents, channel: P, payload: Pushes[P]): void {
  if (!target.isDestroyed()) target.send(channel, payload);
}

export interface IpcDeps {
  host: ApiHost;
  isTrusted: SenderCheck;
  /** Our windows' webContents at the moment a push goes out. */
  targets: () => WebContents[];
}

/** Registers every channel and forwards pushes; returns the function that undoes both. */
export function registerIpc({ host, isTrusted, targets }: IpcDeps): () => void {
  for (const channel of CHANNELS) handle(channel, host.handlers[channel], isTrusted);
  const stopPushes = host.onPush((channel, payload) => {
    for (const target of targets()) sendPush(target, channel, payload);
  });
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
    stopPushes();
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
}
