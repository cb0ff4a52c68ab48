/** `headroom tag <sessionId> TAG…`: labels a session (stored by Headroom, shown and filtered on). */
import type { Command } from 'commander';
import { annotate } from '../annotate-command';

export function register(program: Command): void {
  annotate(
    program.command('tag').description('Add tags to a session').argument('<sessionId>', 'session id or a unique prefix').argument('<tags...>', 'one or more tags'),
    (store, id, tags: string[]) => `${id}: ${store.tag(id, tags).join(', ') || '(no tags)'}`,
  );
}
