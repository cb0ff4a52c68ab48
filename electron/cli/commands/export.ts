/**
 * `headroom export <sessionId> --format json|yaml|md [-o FILE]`: one session with its tags, notes and
 * checkpoints. Every format can be imported back with `headroom import`.
 */
import { type Command, Option } from 'commander';
import type { ExportFormat } from '../../../shared/api';
import { writeFileAtomic } from '../../engine/checkpoints/atomic-write';
import { exportSession } from '../../engine/export/export';
import { cliContext, findSession, loadSessions } from '../context';
import { type RootFlags, withRootFlags } from '../options';

interface ExportFlags extends RootFlags {
  format: ExportFormat;
  output?: string;
}

export function register(program: Command): void {
  withRootFlags(
    program
      .command('export')
      .description('Export a session with its tags, notes and checkpoints as JSON, YAML or Markdown')
      .argument('<sessionId>', 'session id or a unique prefix of it'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'yaml', 'md']).default('json'))
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (id: string, flags: ExportFlags) => {
      const ctx = cliContext(flags);
      const session = findSession(await loadSessions(ctx, flags), { id });
      const annotation = ctx.annotations.get(session.id);
      const checkpoints = ctx.checkpoints.history(session.id, session.agent).checkpoints.map((c) => c.record);
      const file = exportSession({ session, annotations: annotation, checkpoints, now: ctx.now }, flags.format);
      if (!flags.output) {
        process.stdout.write(file.content);
        return;
      }
      writeFileAtomic(flags.output, file.content);
      process.stderr.write(`Exported ${session.id} to ${flags.output}\n`);
    });
}
