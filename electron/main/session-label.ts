/**
 * Short, human labels for a session, shared by the tray menu and its tooltip so both name a session
 * the same way. Pure: no Electron, no clock.
 */
import type { SessionView } from '../../shared/api';
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
 * else the session title, else the start of the id. Handles both `/` and `\` so a Windows path read
 * on any platform still gives its folder name.
 */
export function projectLabel(session: Pick<SessionView, 'projectName' | 'project' | 'title' | 'id'>): string {
  if (session.projectName) return session.projectName;
  const folder = session.project?.split(/[\\/]+/).filter(Boolean).at(-1);
  if (folder) return folder;
  if (session.title) return session.title;
  return session.id.slice(0, 8);
}

/** `87%`, or `—` before the first usage record (unknown is never shown as 0%). */
export function percentLabel(percent: number | null): string {
  return percent === null ? '—' : `${Math.round(percent)}%`;
}

/** `compacts in ~12 min` / `~1 h 5 min`; null when the context is not growing or the rate is unknown. */
export function etaLabel(etaMinutes: number | null): string | null {
  if (etaMinutes === null) return null;
  if (etaMinutes < 1) return 'compacts in <1 min';
  const minutes = Math.round(etaMinutes);
  if (minutes < 60) return `compacts in ~${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `compacts in ~${hours} h` : `compacts in ~${hours} h ${rest} min`;
}
