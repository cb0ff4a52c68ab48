/**
 * Wrapping Claude Code's `statusLine` so Headroom sees Claude Code's own context figures, without the
 * user seeing any difference: the user's command moves, byte for byte, into the wrapper's `--run`
 * argument, and every other field of `statusLine` (padding, refreshInterval…) stays. Unwrapping puts the
 * command back, or removes `statusLine` when Headroom added it.
 */
import { hookCommandLine, parseHookCommand, type Runtime } from './command';
import { isObject } from './merge';
import type { JsonObject } from './settings-file';

export type Wrapped = { ok: true; value: JsonObject; userCommand: string | null } | { ok: false; message: string };

export function wrapStatusline(settings: JsonObject, runtime: Runtime, dataDir: string | null): Wrapped {
  const current = settings['statusLine'];
  if (current !== undefined && !isObject(current)) return { ok: false, message: '"statusLine" is not an object' };
  if (current && current['type'] !== undefined && current['type'] !== 'command') return { ok: false, message: `"statusLine" has type "${String(current['type'])}", not "command"; it was left alone` };
  if (current && typeof current['command'] !== 'string') return { ok: false, message: '"statusLine" has no command' };
  const existing = current ? (current['command'] as string) : null;
  // Already wrapped (by this or an older install): keep the user's command it carries.
  const ours = existing === null ? null : parseHookCommand(existing);
  const userCommand = ours ? ours.run : existing;
  const command = hookCommandLine(runtime, { event: 'statusline', agent: 'claude-code', dataDir, run: userCommand });
  return { ok: true, value: { ...settings, statusLine: { ...(current ?? { type: 'command' }), command } }, userCommand };
}

export function unwrapStatusline(settings: JsonObject): { value: JsonObject; unwrapped: boolean } {
  const current = settings['statusLine'];
  if (!isObject(current) || typeof current['command'] !== 'string') return { value: settings, unwrapped: false };
  const ours = parseHookCommand(current['command']);
  if (!ours || ours.event !== 'statusline') return { value: settings, unwrapped: false };
  const value = { ...settings };
  if (ours.run === null) delete value['statusLine'];
  else value['statusLine'] = { ...current, command: ours.run };
  return { value, unwrapped: true };
}
