/**
 * `headroom recommend`: what to do about the sessions now — checkpoint and restart the full ones,
 * watch the fast burners, checkpoint the ones that are due, close the idle ones — each with its reason.
 */
import type { Command } from 'commander';
import { evaluateSession } from '../../engine/policies/evaluate';
import { recommend } from '../../engine/policies/recommendations';
import { cliContext, loadSessions } from '../context';
import { type RootFlags, withRootFlags } from '../options';

interface RecommendFlags extends RootFlags {
  json?: boolean;
}

export function register(program: Command): void {
  withRootFlags(program.command('recommend').description('Advice per session: checkpoint and restart, close idle, fast burn'))
    .option('--json', 'print the recommendations as JSON')
    .action(async (flags: RecommendFlags) => {
      const ctx = cliContext(flags);
      const sessions = await loadSessions(ctx, flags);
      const inputs = sessions.map((session) => {
        const { level, decision } = evaluateSession(session, ctx.settings, ctx.checkpoints.summary(session.id, session.agent), ctx.now);
        return { session, level, decision };
      });
      const recommendations = recommend(inputs, ctx.settings.idleAfterMinutes, ctx.now);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(recommendations, null, 2)}\n`);
        return;
      }
      if (recommendations.length === 0) {
        process.stdout.write(`Nothing to do: ${sessions.length} session${sessions.length === 1 ? '' : 's'} checked.\n`);
        return;
      }
      const lines = recommendations.map((r) => `- [${r.kind}] ${r.message}\n    ${r.sessionId}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
