/**
 * A session's checkpoint history, read from the checkpoint JSON files themselves: the files are the
 * history, so the two can never disagree. Unreadable or invalid files are skipped and reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENTS, type Agent } from '../../../shared/session';
import { CheckpointFileSchema, type CheckpointFile } from './record';
import { sessionCheckpointDir } from './paths';

export interface History {
  checkpoints: CheckpointFile[];
  /** Files that could not be read as checkpoints, with the reason. */
  skipped: { path: string; reason: string }[];
}

/** Checkpoints in a session folder, oldest first. */
export function readHistoryDir(dir: string): History {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  } catch {
    return { checkpoints: [], skipped: [] };
  }
  const checkpoints: CheckpointFile[] = [];
  const skipped: History['skipped'] = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    try {
      const parsed = CheckpointFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) checkpoints.push(parsed.data);
      else skipped.push({ path, reason: parsed.error.issues[0]?.message ?? 'invalid checkpoint' });
    } catch (error) {
      skipped.push({ path, reason: (error as Error).message });
    }
  }
  checkpoints.sort((a, b) => Date.parse(a.record.createdAt) - Date.parse(b.record.createdAt));
  return { checkpoints, skipped };
}

/** A session's history; without the agent, every agent's folder is searched. */
export function readHistory(dataDir: string, sessionId: string, agent?: Agent): History {
  const agents = agent ? [agent] : AGENTS;
  const all: History = { checkpoints: [], skipped: [] };
  for (const a of agents) {
    const h = readHistoryDir(sessionCheckpointDir(dataDir, a, sessionId));
    all.checkpoints.push(...h.checkpoints.filter((c) => c.record.sessionId === sessionId));
    all.skipped.push(...h.skipped);
  }
  all.checkpoints.sort((a, b) => Date.parse(a.record.createdAt) - Date.parse(b.record.createdAt));
  return all;
}

export interface HistorySummary {
  count: number;
  lastAt: string | null;
  /** Epoch ms of the latest checkpoint, for the decision policy. */
  lastAtMs: number | null;
  /** `activity.filesModified` at the latest checkpoint (0 when none). */
  filesModifiedAtLast: number;
  /** Context captured across checkpoints: what a fresh session no longer has to carry. */
  tokensSaved: number;
}

export function summarizeHistory(checkpoints: readonly CheckpointFile[]): HistorySummary {
  const last = checkpoints.at(-1);
  return {
    count: checkpoints.length,
    lastAt: last?.record.createdAt ?? null,
    lastAtMs: last ? Date.parse(last.record.createdAt) : null,
    filesModifiedAtLast: last?.filesModifiedCount ?? 0,
    tokensSaved: checkpoints.reduce((sum, c) => sum + (c.record.contextTokens ?? 0), 0),
  };
}
