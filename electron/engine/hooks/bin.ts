/**
 * The program agents run as a hook: `node dist/cli/hook.js <event> --agent <agent> [--data-dir DIR]
 * [--run <statusLine command>]`.
 *
 * A separate, small bundle on purpose: the full `headroom` CLI loads commander, chokidar, conf, zod,
 * the notifier and the rest before it runs anything (~300 ms of CPU, measured), which would make every
 * tool call of the agent wait. This entry loads only what the event needs (see run-hook.ts). The same
 * hooks can be run by hand as `headroom hook <event> …`.
 *
 * Whatever happens, it exits 0 and prints nothing unasked (see run-hook.ts); a bad command line is
 * logged like any other problem.
 */
import { resolveDataDir } from '../data-dir';
import { logHook } from './hook-log';
import { HOOK_AGENTS, HOOK_EVENTS, type HookAgent, type HookEvent, runHook } from './run-hook';
import { readStdin } from './stdin';

interface HookArgs {
  event: HookEvent;
  agent: HookAgent;
  dataDir: string | undefined;
  run: string | null;
}

function parseArgs(argv: readonly string[]): HookArgs | string {
  const [event, ...rest] = argv;
  if (!HOOK_EVENTS.includes(event as HookEvent)) return `unknown hook event "${String(event)}" (expected ${HOOK_EVENTS.join(', ')})`;
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i]!;
    const value = rest[i + 1];
    if (!['--agent', '--data-dir', '--run'].includes(name) || value === undefined) return `unexpected argument "${name}"`;
    flags.set(name, value);
  }
  const agent = flags.get('--agent') ?? 'claude-code';
  if (!HOOK_AGENTS.includes(agent as HookAgent)) return `unknown agent "${agent}" (expected ${HOOK_AGENTS.join(' or ')})`;
  return { event: event as HookEvent, agent: agent as HookAgent, dataDir: flags.get('--data-dir'), run: flags.get('--run') ?? null };
}

const args = parseArgs(process.argv.slice(2));
if (typeof args === 'string') {
  logHook(resolveDataDir({}), `hook: ${args}`);
  process.exit(0);
}
const stdin = readStdin();
const code = await runHook({
  event: args.event,
  agent: args.agent,
  dataDir: resolveDataDir({ explicit: args.dataDir }),
  stdin,
  userCommand: args.run,
  write: (text) => process.stdout.write(text),
});
process.exitCode = code;
