/**
 * Short labels for a session in the tray menu and tooltip. Built on shared/format.ts so a session is
 * named and measured the same way in the tray, the window and the terminal. Pure: no Electron, no clock.
 */
import type { SessionView } from '../../shared/api';
import { formatMinutes, projectLabel as folderLabel, UNKNOWN } from '../../shared/format';
import type { Agent } from '../../shared/session';

const AGENT_NAMES: Record<Agent, string> = {
  'claude-code': 'Claude Code',
  codex: 'Codex',
  'gemini-cli': 'Gemini CLI',
};

export function agentName(agent: Agent): string {
  return AGENT_NAMES[agent];
}

/**
 * The name a user recognises: their own project name, else the working directory's last segment,
 * else the session title, else the start of the id.
 */
export function projectLabel(session: Pick<SessionView, 'projectName' | 'project' | 'title' | 'id'>): string {
  if (session.projectName) return session.projectName;
  if (session.project) return folderLabel(session.project);
  return session.title ?? session.id.slice(0, 8);
}

/**
 * Whole percent for the narrow tray (`87%`), cut rather than rounded like `formatPercent`: 89.9%
 * reads 89%, so the tray never claims a 90% threshold the session has not crossed. Unknown is `—`.
 */
export function percentLabel(percent: number | null): string {
  if (percent === null || !Number.isFinite(percent)) return UNKNOWN;
  // The epsilon absorbs binary noise (0.57 × 100 = 56.99999999999999 is 57%), not real fractions.
  return `${Math.floor(percent + 1e-9)}%`;
}

/** `compacts in ~12 min`; null when the context is not growing or the rate is unknown. */
export function etaLabel(etaMinutes: number | null): string | null {
  if (etaMinutes === null) return null;
  return etaMinutes < 1 ? 'compacts in <1 min' : `compacts in ~${formatMinutes(etaMinutes)}`;
}
