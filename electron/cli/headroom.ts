/**
 * `headroom` — the command-line face of the engine. Each subcommand is a module that registers itself
 * (commands/index.ts); this file only builds the program and turns failures into clear messages and
 * exit codes instead of stack traces.
 */
import { Command, CommanderError } from 'commander';
import { commandsFor } from './commands';
import { UsageError } from './errors';

const program = new Command('headroom')
  .description('Context-window monitor and checkpoints for Claude Code, Codex CLI and Gemini CLI sessions')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError('(run "headroom --help" for usage)');

for (const command of await commandsFor(process.argv.slice(2))) command.register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  fail(error instanceof Error ? error.message : String(error), error instanceof UsageError ? error.exitCode : 1);
}

/** A message may list several problems, one per line: each line says where it comes from. */
function fail(message: string, exitCode: number): never {
  process.stderr.write(message.split('\n').map((line) => `headroom: ${line}\n`).join(''));
  process.exit(exitCode);
}
