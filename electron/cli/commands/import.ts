/**
 * `headroom import FILE`: brings back an export (JSON, YAML or Markdown) or a checkpoint (its JSON or
 * Markdown): tags, project name and notes go back into the annotations, a checkpoint into the history.
 * A bad file is refused with one line saying what is wrong, and nothing is changed.
 */
import type { Command } from 'commander';
import { resolveDataDir } from '../../engine/data-dir';
import { AnnotationError, AnnotationStore } from '../../engine/annotations/store';
import { applyImport, ImportError, readImport } from '../../engine/export/import';
import { UsageError } from '../errors';

interface ImportFlags {
  dataDir?: string;
}

export function register(program: Command): void {
  program
    .command('import')
    .description('Import a Headroom export or checkpoint: restores tags, project name, notes and the checkpoint history')
    .argument('<file>', 'an export (.json, .yaml, .md) or a checkpoint (.json, or its .md)')
    .option('--data-dir <dir>', "Headroom's data folder (default: HEADROOM_DATA_DIR or the app's data folder)")
    .action((file: string, flags: ImportFlags) => {
      const dataDir = resolveDataDir({ explicit: flags.dataDir });
      try {
        const outcome = applyImport(readImport(file), dataDir, new AnnotationStore(dataDir));
        const a = outcome.annotations;
        const parts = [`tags: ${a.tags.length > 0 ? a.tags.join(', ') : 'none'}`, `project: ${a.projectName ?? 'none'}`, `notes: ${a.notes ? 'yes' : 'none'}`];
        process.stdout.write(`Imported ${outcome.kind} of ${outcome.agent} session ${outcome.sessionId} (${parts.join('; ')})\n`);
        if (outcome.kind === 'checkpoint') {
          process.stdout.write(outcome.checkpointPath ? `  checkpoint: ${outcome.checkpointPath}\n` : '  checkpoint: already in the history\n');
        }
      } catch (error) {
        if (error instanceof ImportError || error instanceof AnnotationError) throw new UsageError(error.message, 1);
        throw error;
      }
    });
}
