/**
 * Every `headroom` subcommand, by name. Each is loaded only when it runs (or for `--help`), so a quick
 * command such as `status` or an agent hook does not pay for the MCP SDK, the dashboard server or the
 * file watcher at start-up.
 */
import type { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

export const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  status: () => import('./status'),
  watch: () => import('./watch'),
  app: () => import('./app'),
  serve: () => import('./serve'),
  checkpoint: () => import('./checkpoint'),
  'check-tokens': () => import('./check-tokens'),
  recommend: () => import('./recommend'),
  export: () => import('./export'),
  import: () => import('./import'),
  tag: () => import('./tag'),
  untag: () => import('./untag'),
  'set-project': () => import('./set-project'),
  config: () => import('./config'),
  hooks: () => import('./hooks'),
  hook: () => import('./hook'),
  'request-termination': () => import('./request-termination'),
  mcp: () => import('./mcp'),
  metrics: () => import('./metrics'),
  orphans: () => import('./orphans'),
};

/**
 * The modules a command line needs: just its subcommand's; none for `--version`, which the program
 * answers itself; all of them otherwise (help, unknown names), to list or suggest them.
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandModule[]> {
  const name = argv.find((arg) => !arg.startsWith('-'));
  if (name === undefined && argv.some((arg) => arg === '-V' || arg === '--version')) return [];
  const loaders = name !== undefined && COMMANDS[name] ? [COMMANDS[name]] : Object.values(COMMANDS);
  return Promise.all(loaders.map((load) => load()));
}
