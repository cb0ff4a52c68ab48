/**
 * `headroom status`: every session's context, spend and activity, as a table or as JSON
 * (the `StatusReport` schema in shared/session.ts, documented in the README). Registering it loads
 * nothing heavy, so `status --help` is quick; the work is in ../status-run.ts.
 */
import type { Command } from 'commander';
import { withRootFlags } from '../options';
import { AGENT_NAMES, STATUS_NAMES } from '../status-flags';
import type { StatusFlags } from '../status-run';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function register(program: Command): void {
  withRootFlags(program.command('status').description('Show context usage, tokens and activity of agent sessions'))
    .option('--json', 'print the status report as JSON')
    .option('--all', 'include every session found, not only recent ones')
    .option('--tag <tag>', 'only sessions with this tag (repeatable: all must match)', collect)
    .option('--project <name>', 'only sessions of this project (name, folder or path)')
    .option('--agent <agent>', `only sessions of this agent (${AGENT_NAMES.join(', ')})`)
    .option('--status <status>', `only sessions with this status (${STATUS_NAMES.join(', ')})`)
    .option('--no-cache', 'read every transcript again instead of starting from the warm-start cache')
    .action(async (flags: StatusFlags) => (await import('../status-run')).runStatus(flags));
}
