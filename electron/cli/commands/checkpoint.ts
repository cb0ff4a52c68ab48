/**
 * `headroom checkpoint <sessionId | --cwd DIR | --latest> [--force] [--reason TEXT] [--json]`
 *
 * Writes a checkpoint (handoff + git snapshot) and prints where it went and how to restore and resume.
 * Exit codes: 0 written; 75 not written now because another checkpoint is running or the cooldown has
 * not passed (try later, or --force for the cooldown); 1 the checkpoint failed; 2 bad usage; 3 no
 * such session.
 */
import type { Command } from 'commander';
import { cliContext, findSession, loadSessions } from '../context';
import { type RootFlags, withRootFlags } from '../options';

/** EX_TEMPFAIL: refused for now (locked / cooldown), nothing is wrong. */
export const EXIT_TRY_LATER = 75;
const number = new Intl.NumberFormat('en-US');

interface CheckpointFlags extends RootFlags {
  cwd?: string;
  latest?: boolean;
  force?: boolean;
  reason?: string;
  json?: boolean;
}

export function register(program: Command): void {
  withRootFlags(
    program
      .command('checkpoint')
      .description('Write a checkpoint of a session: handoff document, git snapshot of uncommitted work, resume command')
      .argument('[sessionId]', 'session id or a unique prefix of it'),
  )
    .option('--cwd <dir>', 'the latest session whose project is this folder')
    .option('--latest', 'the most recently active session')
    .option('--force', 'ignore the cooldown since the last checkpoint')
    .option('--reason <text>', 'why, recorded in the handoff and the history')
    .option('--json', 'print the checkpoint record as JSON')
    .addHelpText('after', '\nExit codes: 0 written, 75 locked or in cooldown (try later), 1 failed, 2 usage, 3 no such session.')
    .action(async (id: string | undefined, flags: CheckpointFlags) => {
      const ctx = cliContext(flags);
      const session = findSession(await loadSessions(ctx, flags), { id, cwd: flags.cwd, latest: flags.latest });
      const result = await ctx.checkpoints.checkpoint(session, { force: flags.force, reason: flags.reason?.trim() || 'manual checkpoint' });
      if (!result.ok) {
        process.stderr.write(`headroom: no checkpoint of ${session.id}: ${result.message}\n`);
        process.exitCode = result.reason === 'locked' || result.reason === 'cooldown' ? EXIT_TRY_LATER : 1;
        return;
      }
      const c = result.checkpoint;
      for (const warning of result.warnings ?? []) process.stderr.write(`headroom: warning: ${warning}\n`);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(c, null, 2)}\n`);
        return;
      }
      const lines = [
        `Checkpoint of ${session.agent} session ${session.id}`,
        `  handoff:  ${c.markdownPath}`,
        `  record:   ${c.jsonPath}`,
        c.gitRef ? `  git:      ${c.gitRef}` : `  git:      no uncommitted work to snapshot (or not a git repository)`,
      ];
      if (c.restoreCommand) lines.push(`  restore:  ${c.restoreCommand}`);
      lines.push(`  resume:   ${c.resumeCommand}`);
      if (c.contextTokens !== null) lines.push(`  captured: ${number.format(c.contextTokens)} tokens of context`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
