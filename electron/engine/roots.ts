/**
 * Which folders Headroom reads for each agent. Explicit folders (CLI flags, or the settings file)
 * replace that agent's defaults; defaults come from the agent's own environment variables
 * (CLAUDE_CONFIG_DIR, CODEX_HOME, …) or its home-folder location.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { Agent } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import { PLACES } from './sources/places';

export interface RootOptions {
  claudeDirs?: readonly string[] | undefined;
  codexDirs?: readonly string[] | undefined;
  geminiDirs?: readonly string[] | undefined;
  settings?: Pick<Settings, 'roots'> | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  home?: string | undefined;
}

export interface Root {
  agent: Agent;
  path: string;
  /** Named by the user: a missing explicit root is a problem, a missing default one is not. */
  explicit: boolean;
}

export function resolveRoots(options: RootOptions = {}): Root[] {
  const env = options.env ?? process.env;
  const home = options.home ?? homedir();
  const explicit: Record<Agent, readonly string[] | undefined> = {
    'claude-code': pick(options.claudeDirs, options.settings?.roots.claude),
    codex: pick(options.codexDirs, options.settings?.roots.codex),
    'gemini-cli': pick(options.geminiDirs, options.settings?.roots.gemini),
  };
  const roots: Root[] = [];
  for (const source of PLACES) {
    const chosen = explicit[source.agent];
    const paths = chosen ?? source.defaultRoots(env, home);
    for (const path of new Set(paths.map((p) => resolve(p)))) roots.push({ agent: source.agent, path, explicit: chosen !== undefined });
  }
  return roots;
}

function pick(flags: readonly string[] | undefined, configured: readonly string[] | undefined): readonly string[] | undefined {
  if (flags && flags.length > 0) return flags;
  if (configured && configured.length > 0) return configured;
  return undefined;
}

/** Why a root cannot be read, or null when it can. */
export async function unreadableReason(path: string): Promise<string | null> {
  try {
    await access(path, constants.R_OK | constants.X_OK);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'cannot be read';
  }
}
