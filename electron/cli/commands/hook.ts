/**
 * `headroom hook <event> [--agent A] [--data-dir DIR] [--run CMD]`: runs one hook by hand, with the
 * payload on stdin — the same code the agents run through the small `dist/cli/hook.js` (installed by
 * `headroom hooks install`; the full CLI starts too slowly to run after every tool call).
 */
import type { Command } from 'commander';
import { resolveDataDir } from '../../engine/data-dir';
import { HOOK_AGENTS, HOOK_EVENTS, type HookAgent, type HookEvent, runHook } from '../../engine/hooks/run-hook';
import { readStdin } from '../../engine/hooks/stdin';
import { UsageError } from '../errors';

interface HookFlags {
  agent: string;
  dataDir?: string;
  run?: string;
}

export function register(program: Command): void {
  program
    .command('hook')
    .description('Run one agent hook with its JSON payload on stdin (what the installed hooks run)')
    .argument('<event>', HOOK_EVENTS.join(' | '))
    .option('--agent <agent>', HOOK_AGENTS.join(' or '), 'claude-code')
    .option('--data-dir <dir>', "Headroom's data folder")
    .option('--run <command>', "statusline: the user's own statusLine command to run after recording")
    .action(async (event: string, flags: HookFlags) => {
      if (!HOOK_EVENTS.includes(event as HookEvent)) throw new UsageError(`unknown hook event "${event}" (expected ${HOOK_EVENTS.join(', ')})`);
      if (!HOOK_AGENTS.includes(flags.agent as HookAgent)) throw new UsageError(`--agent must be ${HOOK_AGENTS.join(' or ')}, not "${flags.agent}"`);
      process.exitCode = await runHook({
        event: event as HookEvent,
        agent: flags.agent as HookAgent,
        dataDir: resolveDataDir({ explicit: flags.dataDir }),
        stdin: readStdin(),
        userCommand: flags.run ?? null,
        write: (text) => process.stdout.write(text),
      });
    });
}
