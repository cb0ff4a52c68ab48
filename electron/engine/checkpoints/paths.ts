/**
 * Where checkpoints live: `<dataDir>/checkpoints/<agent>/<sessionId>/<UTC timestamp>.md|.json`.
 * Timestamps sort as text in time order and contain no `:` (not allowed in Windows file names).
 */
import { join } from 'node:path';
import type { Agent } from '../../../shared/session';
import { refComponent } from './git-snapshot';

export function checkpointsRoot(dataDir: string): string {
  return join(dataDir, 'checkpoints');
}

export function sessionCheckpointDir(dataDir: string, agent: Agent, sessionId: string): string {
  return join(checkpointsRoot(dataDir), agent, refComponent(sessionId));
}

/** `2026-11-21T12:00:00.123Z` → `2026-11-21T12-00-00-123Z`. */
export function fileStamp(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}

export function lockPath(sessionDir: string): string {
  return join(sessionDir, '.lock');
}
