/**
 * A throw-away copy of the fixture transcripts in the agents' own layout, plus an empty Headroom data
 * folder, so a test can append to transcripts and make checkpoints without touching test/fixtures.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

export interface Workspace {
  root: string;
  claudeDir: string;
  codexDir: string;
  geminiDir: string;
  dataDir: string;
  /** The `--claude-dir … --data-dir …` flags every CLI call of the test uses. */
  flags: string[];
  remove(): Promise<void>;
}

/** `empty`: the agents' folders exist but hold no transcript (a fresh machine). */
export interface WorkspaceOptions {
  /** No transcripts at all (the first-run screen). */
  empty?: boolean;
}

export async function createWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'headroom-e2e-'));
  const [claudeDir, codexDir, geminiDir, dataDir] = ['claude', 'codex', 'gemini', 'data'].map((name) => join(root, name)) as [string, string, string, string];
  if (options.empty) {
    await Promise.all([claudeDir, codexDir, geminiDir].map((dir) => mkdir(dir, { recursive: true })));
  } else {
    await Promise.all([
      cp(join(FIXTURES, 'claude'), claudeDir, { recursive: true }),
      cp(join(FIXTURES, 'codex'), codexDir, { recursive: true }),
      cp(join(FIXTURES, 'gemini'), geminiDir, { recursive: true }),
    ]);
  }
  return {
    root,
    claudeDir,
    codexDir,
    geminiDir,
    dataDir,
    flags: ['--claude-dir', claudeDir, '--codex-dir', codexDir, '--gemini-dir', geminiDir, '--data-dir', dataDir],
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
