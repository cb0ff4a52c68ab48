/**
 * What the usage check remembers between tool calls, one tiny file per session
 * (`<dataDir>/hooks/state/<agent>/<sessionId>.json`): the level it last warned the agent about, so a
 * warning is given once on entering a level instead of after every tool call (each one would cost
 * context), and whether the session was seen running with the 1M window.
 *
 * Edge-triggered like the alerts (policies/thresholds.ts): the agent is told when the level rises
 * above what it was last told; when the level falls (after a compaction) the memory falls with it, so
 * the next rise is told again. Written only when something changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Level } from '../../../shared/policy';
import type { Agent } from '../../../shared/session';
import { LEVEL_RANK } from '../policies/thresholds';
import { sessionFileName } from './file-name';

export interface HookState {
  warnedLevel: Level;
  extendedContext: boolean;
}

const FRESH: HookState = { warnedLevel: 'ok', extendedContext: false };

export function hookStatePath(dataDir: string, agent: Agent, sessionId: string): string {
  return join(dataDir, 'hooks', 'state', agent, `${sessionFileName(sessionId)}.json`);
}

export function readHookState(dataDir: string, agent: Agent, sessionId: string): HookState {
  try {
    const raw = JSON.parse(readFileSync(hookStatePath(dataDir, agent, sessionId), 'utf8')) as Partial<HookState>;
    return {
      warnedLevel: typeof raw.warnedLevel === 'string' && Object.hasOwn(LEVEL_RANK, raw.warnedLevel) ? raw.warnedLevel : 'ok',
      extendedContext: raw.extendedContext === true,
    };
  } catch {
    return FRESH;
  }
}

/** Loaded only when something changed: the atomic writer pulls in node:crypto. */
export async function writeHookState(dataDir: string, agent: Agent, sessionId: string, state: HookState): Promise<void> {
  const { writeFileAtomic } = await import('../checkpoints/atomic-write');
  writeFileAtomic(hookStatePath(dataDir, agent, sessionId), `${JSON.stringify(state)}\n`);
}

/** Whether the agent should be told about `level` now, and what to remember afterwards. */
export function nextWarning(previous: HookState, level: Level): { tell: boolean; warnedLevel: Level } {
  if (LEVEL_RANK[level] > LEVEL_RANK[previous.warnedLevel]) return { tell: true, warnedLevel: level };
  return { tell: false, warnedLevel: LEVEL_RANK[level] < LEVEL_RANK[previous.warnedLevel] ? level : previous.warnedLevel };
}
