/**
 * `headroom check-tokens [sessionId | --cwd DIR]`: one line of context usage, for scripts and hooks.
 *
 * Exit codes (stable; hooks build on them): 0 ok, 1 warning, 2 critical (also when the agent is about
 * to auto-compact), 3 no session found or bad usage. Without a session argument it looks for the
 * latest session of the current folder.
 */
import { type Command, CommanderError } from 'commander';
import type { Level } from '../../../shared/policy';
import type { Session } from '../../../shared/session';
import { levelOf } from '../../engine/policies/thresholds';
import { cliContext, findSession, loadSessions } from '../context';
import { UsageError } from '../errors';
import { type RootFlags, withRootFlags } from '../options';

export const CHECK_EXIT: Readonly<Record<Level, number>> = { ok: 0, warning: 1, critical: 2, 'compact-soon': 2 };
export const EXIT_NOT_FOUND = 3;
const number = new Intl.NumberFormat('en-US');

interface CheckFlags extends RootFlags {
  cwd?: string;
  json?: boolean;
}

export function register(program: Command): void {
  const command = withRootFlags(
    program
      .command('check-tokens')
      .description('Print one line of context usage; exit 0 ok, 1 warning, 2 critical, 3 not found')
      .argument('[sessionId]', 'session id or a unique prefix (default: the latest session of --cwd)'),
  )
    .option('--cwd <dir>', 'the latest session whose project is this folder (default: the current folder)')
    .option('--json', 'print {sessionId, level, usedTokens, windowTokens, percent} instead')
    .addHelpText('after', '\nExit codes: 0 ok, 1 warning, 2 critical or about to auto-compact, 3 no session found or bad usage.')
    .action(async (id: string | undefined, flags: CheckFlags) => {
      try {
        const ctx = cliContext(flags);
        const session = findSession(await loadSessions(ctx, flags), { id, cwd: id ? undefined : (flags.cwd ?? process.cwd()) });
        const level = levelOf(session, ctx.settings.thresholds);
        const c = session.context;
        if (flags.json) {
          const out = { sessionId: session.id, agent: session.agent, level, usedTokens: c.usedTokens, windowTokens: c.windowTokens, percent: c.percent };
          process.stdout.write(`${JSON.stringify(out)}\n`);
        } else process.stdout.write(`${usageLine(session, level)}\n`);
        process.exitCode = CHECK_EXIT[level];
      } catch (error) {
        // 1 and 2 mean warning and critical here, so every failure uses 3.
        if (error instanceof UsageError) throw new UsageError(error.message, EXIT_NOT_FOUND);
        throw error;
      }
    });
  // commander's own errors (unknown option…) would exit 1, which means "warning" for this command.
  command.exitOverride((error) => {
    throw error.exitCode === 0 ? error : new CommanderError(EXIT_NOT_FOUND, error.code, error.message);
  });
}

export function usageLine(session: Session, level: Level): string {
  const c = session.context;
  const who = `${session.agent} ${session.id.slice(0, 8)}`;
  if (c.usedTokens === null) return `${who}: context unknown (no usage recorded yet) — ok`;
  const window = c.windowTokens === null ? '' : ` / ${number.format(c.windowTokens)}`;
  const percent = c.percent === null ? '' : ` (${c.percent.toFixed(1)}%)`;
  return `${who}: ${number.format(c.usedTokens)}${window} tokens${percent} — ${level}`;
}
