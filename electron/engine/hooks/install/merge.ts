/**
 * Adding and removing Headroom's entries in an agent's hook settings, as pure functions over the
 * parsed JSON (`{"hooks": {"<Event>": [{"matcher": …, "hooks": [{"type": "command", "command": …}]}]}}`,
 * the shape Claude Code and Codex share).
 *
 * Guarantees: every key, event, group and handler that is not ours is kept as it was, in its place;
 * removing takes out exactly our handlers (recognised by ./command.ts), then only the groups, events
 * and `hooks` object left empty by that; adding first removes ours, so installing twice equals
 * installing once. A `hooks` value of the wrong shape is refused, not repaired.
 */
import type { JsonObject } from './settings-file';
import { parseHookCommand } from './command';

export interface HookEntry {
  /** The agent's event name, e.g. `PostToolUse`. */
  event: string;
  /** Omitted: every occurrence of the event. */
  matcher?: string;
  command: string;
  /** Seconds. */
  timeout: number;
}

export type Merged = { ok: true; value: JsonObject; removed: number } | { ok: false; message: string };

export function withoutOurHooks(settings: JsonObject): Merged {
  const hooks = settings['hooks'];
  if (hooks === undefined) return { ok: true, value: settings, removed: 0 };
  if (!isObject(hooks)) return { ok: false, message: '"hooks" is not an object' };
  let removed = 0;
  const kept: JsonObject = {};
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) return { ok: false, message: `"hooks.${event}" is not a list` };
    const keptGroups: unknown[] = [];
    for (const group of groups) {
      if (!isObject(group) || !Array.isArray(group['hooks'])) {
        keptGroups.push(group);
        continue;
      }
      const handlers = group['hooks'] as unknown[];
      const theirs = handlers.filter((handler) => !isOurs(handler));
      removed += handlers.length - theirs.length;
      if (theirs.length === handlers.length) keptGroups.push(group);
      else if (theirs.length > 0) keptGroups.push({ ...group, hooks: theirs });
    }
    if (keptGroups.length > 0 || groups.length === 0) kept[event] = keptGroups;
  }
  const value = { ...settings };
  if (Object.keys(kept).length > 0) value['hooks'] = kept;
  else delete value['hooks'];
  return { ok: true, value, removed };
}

export function withOurHooks(settings: JsonObject, entries: readonly HookEntry[]): Merged {
  const cleared = withoutOurHooks(settings);
  if (!cleared.ok) return cleared;
  const hooks: JsonObject = { ...((cleared.value['hooks'] as JsonObject | undefined) ?? {}) };
  for (const entry of entries) {
    const group: JsonObject = entry.matcher === undefined ? {} : { matcher: entry.matcher };
    group['hooks'] = [{ type: 'command', command: entry.command, timeout: entry.timeout }];
    hooks[entry.event] = [...((hooks[entry.event] as unknown[] | undefined) ?? []), group];
  }
  return { ok: true, value: { ...cleared.value, hooks }, removed: cleared.removed };
}

/** Our handlers in the settings, as `<Event>: <command>` pairs (for `hooks status`). */
export function ourHooks(settings: JsonObject): { event: string; command: string }[] {
  const hooks = settings['hooks'];
  if (!isObject(hooks)) return [];
  const found: { event: string; command: string }[] = [];
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    for (const group of groups) {
      if (!isObject(group) || !Array.isArray(group['hooks'])) continue;
      for (const handler of group['hooks'] as unknown[]) if (isOurs(handler)) found.push({ event, command: String((handler as JsonObject)['command']) });
    }
  }
  return found;
}

function isOurs(handler: unknown): boolean {
  return isObject(handler) && typeof handler['command'] === 'string' && parseHookCommand(handler['command']) !== null;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
