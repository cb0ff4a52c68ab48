/**
 * The human-readable `headroom status` table: one row per session with a context bar. Plain text
 * (color only on a terminal), so it can be piped, diffed and tested.
 */
import type { Session, StatusReport } from '../../../shared/session';
import { formatAgo, formatPercent, formatTokens, formatUsd, projectLabel } from '../../../shared/format';

const BAR_WIDTH = 12;
const AGENT_LABEL: Record<Session['agent'], string> = { 'claude-code': 'claude', codex: 'codex', 'gemini-cli': 'gemini' };

export interface TableOptions {
  now: number;
  /** Sessions found in total, to say how many --all would add. */
  total: number;
  color: boolean;
}

export function contextBar(percent: number | null, width = BAR_WIDTH): string {
  if (percent === null) return `[${' '.repeat(width)}]`;
  const filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function paint(text: string, percent: number | null, color: boolean): string {
  if (!color || percent === null) return text;
  const code = percent >= 90 ? 31 : percent >= 70 ? 33 : 32;
  return `\u001b[${code}m${text}\u001b[0m`;
}

export function renderStatusTable(report: StatusReport, options: TableOptions): string {
  const lines: string[] = [];
  if (report.sessions.length === 0) {
    lines.push(options.total > 0 ? `No recent sessions (${options.total} older; use --all).` : 'No sessions found.');
  } else {
    const header = ['AGENT', 'PROJECT', 'MODEL', 'CONTEXT', '', 'TOKENS', 'COST', 'STATUS', 'ACTIVE'];
    const rows = report.sessions.map((s) => [
      AGENT_LABEL[s.agent],
      s.projectName ?? projectLabel(s.project),
      s.model ?? '—',
      contextBar(s.context.percent),
      formatPercent(s.context.percent),
      formatTokens(s.tokens.total),
      formatUsd(s.costUsd),
      s.status,
      formatAgo(s.lastActivityAt, options.now),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
    lines.push(format(header));
    report.sessions.forEach((session, index) => {
      const line = format(rows[index]!);
      lines.push(paint(line, session.context.percent, options.color));
    });
    const hidden = options.total - report.sessions.length;
    if (hidden > 0) lines.push(`(${hidden} older session${hidden === 1 ? '' : 's'} hidden; use --all)`);
  }
  const problems = report.problems.items;
  for (const problem of problems) lines.push(`! ${problem.message}`);
  return `${lines.join('\n')}\n`;
}
