/**
 * The words of each alert. Pure: built from the session snapshot only, so the Electron and the
 * node-notifier sinks show the same text.
 */
import type { Level } from '../../../shared/policy';
import type { Session } from '../../../shared/session';
import type { Alert } from './alert';

const number = new Intl.NumberFormat('en-US');
const AGENT: Readonly<Record<Session['agent'], string>> = { 'claude-code': 'Claude Code', codex: 'Codex', 'gemini-cli': 'Gemini CLI' };

export type AlertSubject = Pick<Session, 'id' | 'agent' | 'project' | 'projectName' | 'title' | 'context'>;

/** A short name for a session: the user's project name, else the folder name, else the title, else the id. */
export function sessionLabel(session: Pick<Session, 'id' | 'project' | 'projectName' | 'title'>): string {
  const folder = session.project?.split(/[\\/]/).filter(Boolean).at(-1);
  const label = session.projectName ?? folder ?? session.title ?? session.id.slice(0, 8);
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

export function levelAlert(session: AlertSubject, level: Exclude<Level, 'ok'>, thresholds: { warningPercent: number; criticalPercent: number }): Alert {
  const name = sessionLabel(session);
  const c = session.context;
  const pct = c.percent === null ? '?' : `${Math.round(c.percent)}%`;
  const tokens = c.usedTokens === null ? '' : ` ${number.format(c.usedTokens)}${c.windowTokens ? ` of ${number.format(c.windowTokens)}` : ''} tokens.`;
  const base = { sessionId: session.id, kind: level };
  if (level === 'warning') {
    return { ...base, title: `${name}: context at ${pct}`, body: `${AGENT[session.agent]} session passed the warning threshold (${thresholds.warningPercent}%).${tokens}` };
  }
  if (level === 'critical') {
    return {
      ...base,
      title: `${name}: context critical at ${pct}`,
      body: `${AGENT[session.agent]} session passed ${thresholds.criticalPercent}%.${tokens} Checkpoint it and continue in a fresh session.`,
    };
  }
  const eta = c.etaMinutes === null ? '' : ` in about ${Math.max(1, Math.round(c.etaMinutes))} min`;
  const at = c.autoCompactAtTokens === null ? '' : ` at ${number.format(c.autoCompactAtTokens)} tokens`;
  return {
    ...base,
    title: `${name}: about to auto-compact`,
    body: `${AGENT[session.agent]} will compact this session${at}${eta} and lose detail.${tokens} Checkpoint now to keep it.`,
  };
}

export function summaryAlert(crossed: readonly { session: AlertSubject; level: Exclude<Level, 'ok'> }[]): Alert {
  const byLevel = (level: string) => crossed.filter((c) => c.level === level).length;
  const parts = (['compact-soon', 'critical', 'warning'] as const).filter((l) => byLevel(l) > 0).map((l) => `${byLevel(l)} ${l}`);
  const names = crossed.slice(0, 3).map((c) => sessionLabel(c.session));
  const more = crossed.length > 3 ? ` and ${crossed.length - 3} more` : '';
  return {
    sessionId: null,
    kind: 'summary',
    title: `${crossed.length} sessions crossed a context threshold`,
    body: `${parts.join(', ')}: ${names.join(', ')}${more}.`,
  };
}

export function checkpointWrittenAlert(session: Pick<Session, 'id' | 'project' | 'projectName' | 'title'>, resumeCommand: string): Alert {
  return { sessionId: session.id, kind: 'checkpoint-written', title: `${sessionLabel(session)}: checkpoint saved`, body: `Resume with: ${resumeCommand}` };
}

export function checkpointFailedAlert(session: Pick<Session, 'id' | 'project' | 'projectName' | 'title'>, message: string): Alert {
  return { sessionId: session.id, kind: 'checkpoint-failed', title: `${sessionLabel(session)}: checkpoint failed`, body: message };
}

export function terminationAlert(session: Pick<Session, 'id' | 'project' | 'projectName' | 'title'>, detail: string): Alert {
  return { sessionId: session.id, kind: 'termination', title: `${sessionLabel(session)}: stop requested`, body: detail };
}

export function memoryAlert(session: Pick<Session, 'id' | 'project' | 'projectName' | 'title'>, reason: string): Alert {
  return { sessionId: session.id, kind: 'memory', title: `${sessionLabel(session)}: agent memory`, body: reason };
}
