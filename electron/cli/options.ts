/**
 * Options shared by the commands that read sessions: where the transcripts are and where Headroom
 * keeps its own data.
 */
import type { Command } from 'commander';

export interface RootFlags {
  claudeDir?: string[];
  codexDir?: string[];
  geminiDir?: string[];
  dataDir?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds --claude-dir (repeatable), --codex-dir, --gemini-dir and --data-dir to a command. */
export function withRootFlags(command: Command): Command {
  return command
    .option('--claude-dir <dir>', 'Claude Code config folder to read (repeatable; replaces the defaults)', collect)
    .option('--codex-dir <dir>', 'Codex home folder to read (replaces the default)', collect)
    .option('--gemini-dir <dir>', 'Gemini CLI folder to read (replaces the default)', collect)
    .option('--data-dir <dir>', "Headroom's data folder (default: HEADROOM_DATA_DIR or the app's data folder)");
}

/** The engine's root options from parsed flags. */
export function rootOptions(flags: RootFlags) {
  return { claudeDirs: flags.claudeDir, codexDirs: flags.codexDir, geminiDirs: flags.geminiDir };
}
