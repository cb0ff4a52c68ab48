/**
 * Writes one checkpoint of a session: the handoff markdown and its JSON record under
 * `<dataDir>/checkpoints/<agent>/<sessionId>/`, plus a git snapshot of uncommitted work.
 *
 * Guarantees:
 * - No torn files: both documents are written in full and fsynced to temporary files first, then
 *   renamed into place, markdown first and JSON last. The JSON is the commit point: a checkpoint
 *   exists when its JSON exists; a crash before it leaves temporary files or a lone markdown file,
 *   which history ignores and the next checkpoint of the session removes (`removeLeftovers`).
 * - The project's working tree, index and branch are never changed (see git-repo.ts).
 * - A git failure does not lose the handoff: it is written with the git error in it.
 * Callers must hold the session's lock (the coordinator does).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Session } from '../../../shared/session';
import { TEMP_MARKER, tempPathFor, writeDurably, writeFileAtomic } from './atomic-write';
import { openRepo, summarize } from './git-repo';
import { snapshotUncommittedWork, type GitSnapshot } from './git-snapshot';
import { renderHandoff } from './handoff';
import { fileStamp, sessionCheckpointDir } from './paths';
import type { CheckpointFile, GitState } from './record';
import { continuationPrompt, resumeCommand } from './resume';

/** Points in a write where a test may stop the process (kill -9) to prove crash safety. */
export type WriteStep = 'git-done' | 'staged' | 'markdown-published';

export interface WriteCheckpointInput {
  session: Session;
  dataDir: string;
  reason: string;
  now: number;
  copyToProject: boolean;
  progress?: (step: WriteStep) => void | Promise<void>;
}

export interface WrittenCheckpoint {
  file: CheckpointFile;
  /** Things that did not work but did not stop the checkpoint (e.g. copying into the project). */
  warnings: string[];
}

export async function writeCheckpoint(input: WriteCheckpointInput): Promise<WrittenCheckpoint> {
  const { session, now } = input;
  const dir = sessionCheckpointDir(input.dataDir, session.agent, session.id);
  const stamp = fileStamp(now);
  const markdownPath = join(dir, `${stamp}.md`);
  const jsonPath = join(dir, `${stamp}.json`);
  const warnings: string[] = [];

  const { git, snapshot, gitError } = await gitPart(session);
  await input.progress?.('git-done');
  const restoreCommand = snapshot?.restoreCommand ?? null;
  const file: CheckpointFile = {
    kind: 'headroom-checkpoint',
    version: 1,
    record: {
      sessionId: session.id,
      agent: session.agent,
      createdAt: new Date(now).toISOString(),
      reason: input.reason,
      markdownPath,
      jsonPath,
      gitRef: snapshot?.ref ?? null,
      restoreCommand,
      resumeCommand: resumeCommand(session.agent, session.id, session.project),
      contextTokens: session.context.usedTokens,
    },
    filesModifiedCount: session.activity.filesModified,
    prompt: continuationPrompt({ agent: session.agent, markdownPath, project: session.project, restoreCommand }),
    git,
    gitError,
    session,
  };
  const markdown = renderHandoff(file);

  const mdTemp = tempPathFor(markdownPath);
  const jsonTemp = tempPathFor(jsonPath);
  try {
    writeDurablyIn(dir, mdTemp, markdown);
    writeDurably(jsonTemp, `${JSON.stringify(file, null, 2)}\n`);
    await input.progress?.('staged');
    renameSync(mdTemp, markdownPath);
    await input.progress?.('markdown-published');
    renameSync(jsonTemp, jsonPath);
  } catch (error) {
    for (const path of [mdTemp, jsonTemp, markdownPath]) rmSync(path, { force: true });
    throw error;
  }

  if (input.copyToProject && session.project) {
    try {
      writeFileAtomic(join(session.project, '.headroom', 'checkpoints', basename(markdownPath)), markdown);
    } catch (error) {
      warnings.push(`could not copy the handoff into the project: ${(error as Error).message}`);
    }
  }
  return { file, warnings };
}

async function gitPart(session: Session): Promise<{ git: GitState | null; snapshot: GitSnapshot | null; gitError: string | null }> {
  if (!session.project || !existsSync(session.project)) return { git: null, snapshot: null, gitError: null };
  try {
    const repo = await openRepo(session.project);
    if (!repo) return { git: null, snapshot: null, gitError: null };
    try {
      const summary = await summarize(repo);
      const snapshot = await snapshotUncommittedWork(repo, session.id);
      return { git: { ...summary, snapshotCommit: snapshot?.commit ?? null }, snapshot, gitError: null };
    } finally {
      await repo.close();
    }
  } catch (error) {
    return { git: null, snapshot: null, gitError: (error as Error).message };
  }
}

function writeDurablyIn(dir: string, path: string, data: string): void {
  mkdirSync(dir, { recursive: true });
  writeDurably(path, data);
}

/**
 * Removes what a crashed writer left in a session's folder: temporary files, and markdown files whose
 * JSON never landed. Only safe while holding the session's lock.
 */
export function removeLeftovers(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const present = new Set(names);
  for (const name of names) {
    if (name.startsWith('.')) continue; // the lock and its temporary files belong to other processes
    const orphanMarkdown = name.endsWith('.md') && !present.has(`${name.slice(0, -3)}.json`);
    if (name.includes(TEMP_MARKER) || orphanMarkdown) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}
