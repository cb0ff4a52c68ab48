/**
 * Shared body of `tag`, `untag` and `set-project`: resolve the session (so a typo in an id is an
 * error, not a silent annotation of nothing), apply the change, print the result.
 */
import type { Command } from 'commander';
import { AnnotationError, type AnnotationStore } from '../engine/annotations/store';
import { cliContext, findSession, loadSessions } from './context';
import { UsageError } from './errors';
import { type RootFlags, withRootFlags } from './options';

export function annotate<V>(command: Command, change: (store: AnnotationStore, sessionId: string, value: V) => string): void {
  withRootFlags(command).action(async (id: string, value: V, flags: RootFlags) => {
    const ctx = cliContext(flags);
    const session = findSession(await loadSessions(ctx, flags), { id });
    try {
      process.stdout.write(`${change(ctx.annotations, session.id, value)}\n`);
    } catch (error) {
      if (error instanceof AnnotationError) throw new UsageError(error.message, 1);
      throw error;
    }
  });
}
