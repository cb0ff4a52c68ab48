/** `headroom set-project <sessionId> NAME`: names the project a session belongs to ("" clears it). */
import type { Command } from 'commander';
import { annotate } from '../annotate-command';

export function register(program: Command): void {
  annotate(
    program.command('set-project').description('Set the project name of a session ("" clears it)').argument('<sessionId>', 'session id or a unique prefix').argument('<name>', 'project name'),
    (store, id, name: string) => `${id}: project ${store.setProject(id, name) ?? '(none)'}`,
  );
}
