/**
 * One session's snapshot, read from its own files only: the hook knows the transcript path, so there
 * is no need to scan every session under the agent's folder (thousands, for a long-time user) just to
 * checkpoint one. The engine is the real one, so the snapshot equals what `headroom status` shows.
 */
import { dirname, join, sep } from 'node:path';
import type { Agent, Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import { Engine } from '../engine';
import type { Annotate } from '../snapshot';
import { findFiles } from '../sources/walk';

/** The folder under the agent's root that holds its transcripts; the root is its parent. */
const MARKERS: Partial<Record<Agent, readonly string[]>> = { 'claude-code': ['projects'], codex: ['sessions', 'archived_sessions'] };

export interface OneSessionInput {
  agent: Agent;
  transcript: string;
  sessionId: string;
  settings: Settings;
  now: () => number;
  annotate?: Annotate;
}

export async function readOneSession(input: OneSessionInput): Promise<Session | null> {
  const root = agentRoot(input.agent, input.transcript);
  if (root === null) return null;
  const dirs = { claudeDirs: input.agent === 'claude-code' ? [root] : undefined, codexDirs: input.agent === 'codex' ? [root] : undefined };
  const engine = new Engine({ ...dirs, settings: input.settings, now: input.now, annotate: input.annotate, env: {} });
  for (const file of [input.transcript, ...subagentFiles(input.agent, input.transcript, input.sessionId)]) await engine.update(file);
  return engine.session(`${input.agent}:${input.sessionId}`);
}

/** `<root>/projects/<p>/<id>.jsonl` → `<root>`; `<root>/sessions/Y/M/D/rollout-….jsonl` → `<root>`. */
export function agentRoot(agent: Agent, transcript: string): string | null {
  const parts = transcript.split(sep);
  const markers = MARKERS[agent] ?? [];
  for (let i = parts.length - 2; i > 0; i -= 1) if (markers.includes(parts[i]!)) return parts.slice(0, i).join(sep) || sep;
  return null;
}

/** Claude Code keeps a session's subagent transcripts in `<project>/<sessionId>/subagents/`. */
function subagentFiles(agent: Agent, transcript: string, sessionId: string): string[] {
  if (agent !== 'claude-code') return [];
  return findFiles(join(dirname(transcript), sessionId, 'subagents'), (name) => name.endsWith('.jsonl'), 3, () => undefined);
}
