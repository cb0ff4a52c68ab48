/**
 * The command line an agent runs for a Headroom hook, and how Headroom recognises its own lines later.
 *
 * Agents run hook commands through a shell, so the line is built from absolute paths, each quoted
 * for POSIX shells: `'/usr/bin/node' '/opt/headroom/dist/cli/hook.js' post-tool-use --agent claude-code`.
 * Absolute paths make it work from any working directory and whatever PATH the agent has.
 *
 * Recognition reads the line back into words and asks: is it `<node> <…/hook.js> <event> --agent
 * <agent>` (or `headroom hook <event> …`)? So an install from another folder, or an older Headroom,
 * is still found and replaced; a user's own hook that merely mentions Headroom is never touched.
 */
import { shellQuote } from '../../checkpoints/git-snapshot';
import { HOOK_AGENTS, HOOK_EVENTS, type HookAgent, type HookEvent } from '../run-hook';

export interface HookCommand {
  event: HookEvent;
  agent: HookAgent;
  dataDir: string | null;
  /** statusline: the user's own statusLine command it wraps. */
  run: string | null;
}

export interface Runtime {
  /** Absolute path of the Node executable. */
  node: string;
  /** Absolute path of dist/cli/hook.js. */
  script: string;
}

export function hookCommandLine(runtime: Runtime, command: HookCommand): string {
  const words = [shellQuote(runtime.node), shellQuote(runtime.script), command.event, '--agent', command.agent];
  if (command.dataDir) words.push('--data-dir', shellQuote(command.dataDir));
  if (command.run !== null) words.push('--run', shellQuote(command.run));
  return words.join(' ');
}

/** Our hook's arguments if `line` is a Headroom hook command line, else null. */
export function parseHookCommand(line: string): HookCommand | null {
  const words = shellWords(line);
  if (!words) return null;
  let rest: string[];
  if (words[0] && /(^|\/)headroom(\.js)?$/.test(words[0]) && words[1] === 'hook') rest = words.slice(2);
  else if (words[1] && /(^|[/\\])hook\.js$/.test(words[1])) rest = words.slice(2);
  else return null;
  const [event, flag, agent, ...options] = rest;
  if (!HOOK_EVENTS.includes(event as HookEvent) || flag !== '--agent' || !HOOK_AGENTS.includes(agent as HookAgent)) return null;
  const command: HookCommand = { event: event as HookEvent, agent: agent as HookAgent, dataDir: null, run: null };
  for (let i = 0; i < options.length; i += 2) {
    if (options[i] === '--data-dir') command.dataDir = options[i + 1] ?? null;
    else if (options[i] === '--run') command.run = options[i + 1] ?? null;
  }
  return command;
}

/**
 * Splits a POSIX shell line into words: single quotes, double quotes (with `\"`, `\\`, `\$`, `` \` ``)
 * and backslash escapes. Returns null for anything it cannot read exactly (an unclosed quote, `$(…)`,
 * a pipe, an unquoted glob or `~`…): such a line is not one we wrote.
 */
const SPECIAL = '|&;<>()$`*?[]{}~#';

export function shellWords(line: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return null;
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i += 1; i < line.length && line[i] !== '"'; i += 1) {
        if (line[i] === '\\' && '"\\$`'.includes(line[i + 1] ?? '')) i += 1;
        else if (line[i] === '$' || line[i] === '`') return null;
        text += line[i];
      }
      if (i >= line.length) return null;
      word = (word ?? '') + text;
    } else if (c === '\\') {
      if (i + 1 >= line.length) return null;
      word = (word ?? '') + line[i + 1];
      i += 1;
    } else if (SPECIAL.includes(c)) {
      return null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}
