/**
 * `headroom hooks install | uninstall | status`: Headroom's hooks in Claude Code's `settings.json` or
 * Codex's `hooks.json`, merged with whatever the user has there (./merge.ts, ./statusline-wrap.ts).
 *
 * Which events, per agent (the agents' own names):
 * | event        | what Headroom does                                  | timeout |
 * |--------------|-----------------------------------------------------|---------|
 * | SessionStart | records which process runs the session              | 10 s    |
 * | PostToolUse  | usage check (warning line / termination request)    | 10 s    |
 * | PreCompact   | checkpoint before the context is summarised         | 120 s   |
 * | SessionEnd   | records that the session ended                      | 3 s     |
 * Codex clamps SessionEnd to 3 s and Claude Code gives it 1.5 s in all, which the hook fits easily.
 * Claude Code can also get the statusLine wrapper (`--statusline`).
 *
 * A file is written only when its content changes (so a repeated install leaves it, and makes no
 * backup); a file that is not a JSON object is refused untouched.
 */
import { join } from 'node:path';
import { AGENT_EVENT_NAMES, type HookAgent, type HookEvent } from '../run-hook';
import { hookCommandLine, type Runtime } from './command';
import { type HookEntry, ourHooks, withOurHooks, withoutOurHooks } from './merge';
import { type JsonObject, readSettingsFile, writeSettingsFile } from './settings-file';
import { unwrapStatusline, wrapStatusline } from './statusline-wrap';

const TIMEOUTS: Readonly<Record<Exclude<HookEvent, 'statusline'>, number>> = { 'session-start': 10, 'post-tool-use': 10, 'pre-compact': 120, 'session-end': 3 };
const EVENTS = ['session-start', 'post-tool-use', 'pre-compact', 'session-end'] as const;

export interface InstallOptions {
  agent: HookAgent;
  configDir: string;
  runtime: Runtime;
  /** Baked into the commands when the data dir is not the default one. */
  dataDir: string | null;
  statusline: boolean;
  now: number;
}

export interface ChangeReport {
  file: string;
  changed: boolean;
  backup: string | null;
  /** The agent's event names Headroom is now hooked into (install) or was removed from (uninstall). */
  events: string[];
  statusline: 'wrapped' | 'added' | 'restored' | 'removed' | null;
  notes: string[];
}

export type Outcome<T> = { ok: true; report: T } | { ok: false; message: string };

/** The file an agent reads its hooks from. */
export function hooksFile(agent: HookAgent, configDir: string): string {
  return join(configDir, agent === 'claude-code' ? 'settings.json' : 'hooks.json');
}

export function hookEntries(options: Pick<InstallOptions, 'agent' | 'runtime' | 'dataDir'>): HookEntry[] {
  return EVENTS.map((event) => ({
    event: AGENT_EVENT_NAMES[event],
    command: hookCommandLine(options.runtime, { event, agent: options.agent, dataDir: options.dataDir, run: null }),
    timeout: TIMEOUTS[event],
  }));
}

export function installHooks(options: InstallOptions): Outcome<ChangeReport> {
  const file = hooksFile(options.agent, options.configDir);
  const read = readSettingsFile(file);
  if (!read.ok) return read;
  const merged = withOurHooks(read.value, hookEntries(options));
  if (!merged.ok) return { ok: false, message: `${file}: ${merged.message}; fix it first — nothing was changed` };
  let value = merged.value;
  let statusline: ChangeReport['statusline'] = null;
  const notes: string[] = [];
  if (options.statusline) {
    if (options.agent !== 'claude-code') return { ok: false, message: '--statusline is for Claude Code only (Codex has no statusLine command)' };
    const wrapped = wrapStatusline(value, options.runtime, options.dataDir);
    if (!wrapped.ok) return { ok: false, message: `${file}: ${wrapped.message}` };
    value = wrapped.value;
    statusline = wrapped.userCommand === null ? 'added' : 'wrapped';
  }
  if (options.agent === 'codex') notes.push('Codex runs hooks from hooks.json only once they are trusted: approve them in the Codex TUI, or run `codex exec --dangerously-bypass-hook-trust` for unattended runs.');
  return { ok: true, report: write(file, read.value, value, read.exists, options.now, { events: EVENTS.map((e) => AGENT_EVENT_NAMES[e]), statusline, notes }) };
}

export function uninstallHooks(options: Pick<InstallOptions, 'agent' | 'configDir' | 'now'>): Outcome<ChangeReport> {
  const file = hooksFile(options.agent, options.configDir);
  const read = readSettingsFile(file);
  if (!read.ok) return read;
  if (!read.exists) return { ok: true, report: { file, changed: false, backup: null, events: [], statusline: null, notes: [`${file} does not exist; nothing to remove`] } };
  const before = ourHooks(read.value).map((hook) => hook.event);
  const cleared = withoutOurHooks(read.value);
  if (!cleared.ok) return { ok: false, message: `${file}: ${cleared.message}; fix it first — nothing was changed` };
  const unwrapped = unwrapStatusline(cleared.value);
  const statusline = unwrapped.unwrapped ? (unwrapped.value['statusLine'] === undefined ? 'removed' : 'restored') : null;
  return { ok: true, report: write(file, read.value, unwrapped.value, true, options.now, { events: [...new Set(before)], statusline, notes: [] }) };
}

export interface StatusReport {
  file: string;
  exists: boolean;
  hooks: { event: string; command: string }[];
  statuslineWrapped: boolean;
  /** Set when the file cannot be read as settings. */
  problem: string | null;
}

export function hooksStatus(agent: HookAgent, configDir: string): StatusReport {
  const file = hooksFile(agent, configDir);
  const read = readSettingsFile(file);
  if (!read.ok) return { file, exists: true, hooks: [], statuslineWrapped: false, problem: read.message };
  return { file, exists: read.exists, hooks: ourHooks(read.value), statuslineWrapped: unwrapStatusline(read.value).unwrapped, problem: null };
}

function write(file: string, before: JsonObject, after: JsonObject, exists: boolean, now: number, rest: Pick<ChangeReport, 'events' | 'statusline' | 'notes'>): ChangeReport {
  if (JSON.stringify(before) === JSON.stringify(after)) return { file, changed: false, backup: null, ...rest };
  const backup = writeSettingsFile(file, after, exists, now);
  return { file, changed: true, backup, ...rest };
}
