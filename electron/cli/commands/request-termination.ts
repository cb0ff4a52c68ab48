/**
 * `headroom request-termination --session ID | --cwd DIR --reason TEXT [--continuation-command CMD]
 * [--priority graceful|immediate] [--json]`
 *
 * Records the request in the data dir; the app (or `headroom watch`) carries it out: checkpoint, a
 * notification with the continuation command, and — only for `immediate` with
 * `termination.allowSignals` on — SIGTERM/SIGKILL to the verified agent process.
 */
import type { Command } from 'commander';
import { PRIORITIES, requestPath, type TerminationPriority } from '../../engine/termination/request';
import { requestTermination } from '../../engine/termination/for-session';
import { cliContext, findSession, loadSessions } from '../context';
import { UsageError } from '../errors';
import { type RootFlags, withRootFlags } from '../options';

interface RequestFlags extends RootFlags {
  session?: string;
  cwd?: string;
  reason?: string;
  continuationCommand?: string;
  priority: string;
  json?: boolean;
}

export function register(program: Command): void {
  withRootFlags(program.command('request-termination').description('Ask for a session to be stopped after a checkpoint (carried out by the app or `headroom watch`)'))
    .option('--session <id>', 'session id or a unique prefix of it')
    .option('--cwd <dir>', 'the latest session whose project is this folder')
    .option('--reason <text>', 'why the session should stop (shown to the user)')
    .option('--continuation-command <cmd>', "how to continue the work (default: the session's resume command)")
    .option('--priority <priority>', 'graceful: checkpoint and notify; immediate: also end the agent process if the settings allow', 'graceful')
    .option('--json', 'print the recorded request as JSON')
    .action(async (flags: RequestFlags) => {
      const reason = flags.reason?.trim();
      if (!reason) throw new UsageError('--reason is required: say why the session should stop');
      if (!PRIORITIES.includes(flags.priority as TerminationPriority)) throw new UsageError(`--priority must be ${PRIORITIES.join(' or ')}, not "${flags.priority}"`);
      if (!flags.session && !flags.cwd) throw new UsageError('name the session: --session ID or --cwd DIR');
      const ctx = cliContext(flags);
      const session = findSession(await loadSessions(ctx, flags), { id: flags.session, cwd: flags.session ? undefined : flags.cwd });
      const request = requestTermination(ctx.dataDir, session, { reason, continuationCommand: flags.continuationCommand, priority: flags.priority as TerminationPriority, source: 'cli' }, ctx.now);
      if (flags.json) return void process.stdout.write(`${JSON.stringify(request, null, 2)}\n`);
      const signals = request.priority === 'immediate' ? (ctx.settings.termination.allowSignals ? `the agent process ${request.target ? request.target.pid : '(none running)'} will then be ended` : 'signals are off (termination.allowSignals), so the agent will be left running') : 'the agent will be left running';
      process.stdout.write(
        [
          `Termination requested for ${session.agent} session ${session.id}`,
          `  request:  ${requestPath(ctx.dataDir, request)}`,
          `  continue: ${request.continuationCommand}`,
          `  The app or \`headroom watch\` checkpoints the session and notifies you; ${signals}.`,
        ].join('\n') + '\n',
      );
    });
}
