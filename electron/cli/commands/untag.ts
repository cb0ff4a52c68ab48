/** `headroom untag <sessionId> TAG…`: removes labels from a session. */
import type { Command } from 'commander';
import { annotate } from '../annotate-command';

export function register(program: Command): void {
  annotate(
    program.command('untag').description('Remove tags from a session').argument('<sessionId>', 'session id or a unique prefix').argument('<tags...>', 'one or more tags'),
    (store, id, tags: string[]) => `${id}: ${store.untag(id, tags).join(', ') || '(no tags)'}`,
  );
}
