/**
 * `headroom hooks install | uninstall | status [--agent claude-code|codex] [--config-dir DIR]`
 *
 * Puts Headroom's hooks into the agents' own settings (Claude Code `settings.json`, Codex `hooks.json`),
 * merged with the user's: see electron/engine/hooks/install/install.ts. The hook commands name this Node
 * and the `hook.js` next to this CLI by absolute path, so they work from any folder. Without --agent,
 * every agent whose config folder exists is handled.
 */
import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { DATA_DIR_ENV, resolveDataDir } from '../../engine/data-dir';
import { type ChangeReport, hooksStatus, installHooks, uninstallHooks } from '../../engine/hooks/install/install';
import { HOOK_AGENTS, type HookAgent } from '../../engine/hooks/run-hook';
import { UsageError } from '../errors';

interface HooksFlags {
  agent?: string;
  configDir?: string;
  dataDir?: string;
  statusline?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  const hooks = program.command('hooks').description("Install, remove or show Headroom's hooks in Claude Code and Codex");
  withAgentFlags(hooks.command('install').description('Add the hooks (PreCompact checkpoint, PostToolUse usage check, SessionStart/End registry)'))
    .option('--statusline', "Claude Code: also wrap the statusLine to record Claude Code's own context figures (your statusLine keeps working unchanged)")
    .option('--data-dir <dir>', "Headroom's data folder the hooks write to (default: HEADROOM_DATA_DIR or the app's data folder)")
    .action((flags: HooksFlags) => {
      const runtime = { node: process.execPath, script: hookScript() };
      const dataDir = flags.dataDir || process.env[DATA_DIR_ENV] ? resolveDataDir({ explicit: flags.dataDir }) : null;
      for (const { agent, configDir } of targets(flags)) {
        const result = installHooks({ agent, configDir, runtime, dataDir, statusline: flags.statusline === true, now: Date.now() });
        if (!result.ok) throw new UsageError(result.message, 1);
        print('installed', agent, result.report);
      }
    });
  withAgentFlags(hooks.command('uninstall').description('Remove exactly the hooks Headroom added (and restore a wrapped statusLine)')).action((flags: HooksFlags) => {
    for (const { agent, configDir } of targets(flags)) {
      const result = uninstallHooks({ agent, configDir, now: Date.now() });
      if (!result.ok) throw new UsageError(result.message, 1);
      print('removed', agent, result.report);
    }
  });
  withAgentFlags(hooks.command('status').description("Show where Headroom's hooks are installed"))
    .option('--json', 'print the status as JSON')
    .action((flags: HooksFlags) => {
      const statuses = targets(flags, true).map(({ agent, configDir }) => ({ agent, ...hooksStatus(agent, configDir) }));
      if (flags.json) return void process.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
      for (const s of statuses) {
        const state = s.problem ?? (s.hooks.length === 0 ? 'not installed' : `installed: ${[...new Set(s.hooks.map((h) => h.event))].join(', ')}${s.statuslineWrapped ? ' + statusLine' : ''}`);
        process.stdout.write(`${s.agent}: ${state} (${s.file})\n`);
      }
    });
}

function withAgentFlags(command: Command): Command {
  return command
    .option('--agent <agent>', `claude-code or codex (default: each agent whose config folder exists)`)
    .option('--config-dir <dir>', "the agent's config folder (default: CLAUDE_CONFIG_DIR or ~/.claude; CODEX_HOME or ~/.codex)");
}

/** The agents (and their config folders) a command applies to. */
function targets(flags: HooksFlags, all = false): { agent: HookAgent; configDir: string }[] {
  if (flags.agent !== undefined && !HOOK_AGENTS.includes(flags.agent as HookAgent)) throw new UsageError(`--agent must be ${HOOK_AGENTS.join(' or ')}, not "${flags.agent}"`);
  if (flags.configDir && !flags.agent) throw new UsageError('--config-dir needs --agent (which agent the folder belongs to)');
  if (flags.agent) return [{ agent: flags.agent as HookAgent, configDir: flags.configDir ?? defaultConfigDir(flags.agent as HookAgent) }];
  const found = HOOK_AGENTS.map((agent) => ({ agent, configDir: defaultConfigDir(agent) })).filter((t) => all || existsSync(t.configDir));
  if (found.length === 0) throw new UsageError('found neither ~/.claude nor ~/.codex; name the agent with --agent (and --config-dir)');
  return found;
}

function defaultConfigDir(agent: HookAgent): string {
  const env = process.env;
  if (agent === 'claude-code') return env['CLAUDE_CONFIG_DIR']?.split(',')[0]?.trim() || join(homedir(), '.claude');
  return env['CODEX_HOME'] || join(homedir(), '.codex');
}

/**
 * dist/cli/hook.js, built next to the CLI. This module may run from dist/cli/ or from a split chunk in
 * dist/chunks/; `../cli/hook.js` names the same file from both, and the CLI's own path is the fallback.
 */
function hookScript(): string {
  const candidates = [fileURLToPath(new URL('../cli/hook.js', import.meta.url))];
  if (process.argv[1]) candidates.push(join(dirname(realpathSync(process.argv[1])), 'hook.js'));
  const script = candidates.find((path) => existsSync(path));
  if (!script) throw new UsageError(`${candidates[0]} is missing: build Headroom first (npm run build)`, 1);
  return script;
}

function print(verb: 'installed' | 'removed', agent: HookAgent, report: ChangeReport): void {
  const lines = [`${agent}: ${report.changed ? `${verb} ${report.events.join(', ') || 'nothing'}` : `nothing to change`} (${report.file})`];
  if (report.statusline) lines.push(`  statusLine: ${report.statusline}`);
  if (report.backup) lines.push(`  backup of the previous file: ${report.backup}`);
  lines.push(...report.notes.map((note) => `  note: ${note}`));
  process.stdout.write(`${lines.join('\n')}\n`);
}
