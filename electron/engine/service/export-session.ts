/**
 * A session as a downloadable file: JSON (the snapshot as `status --json` prints it), YAML (the same
 * data) or Markdown (a readable summary). Pure.
 */
import { stringify } from 'yaml';
import type { ExportFormat } from '../../../shared/api';
import type { Session } from '../../../shared/session';
import { formatCount, formatPercent, formatUsd } from '../../../shared/format';

const MIME: Record<ExportFormat, string> = { json: 'application/json', yaml: 'application/yaml', md: 'text/markdown' };

export function exportSession(session: Session, format: ExportFormat, now: number): { filename: string; mime: string; content: string } {
  const data = { version: 1, exportedAt: new Date(now).toISOString(), session };
  const content = format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : format === 'yaml' ? stringify(data) : markdown(session);
  return { filename: `headroom-${session.agent}-${session.id}.${format}`, mime: MIME[format], content };
}

function markdown(s: Session): string {
  const lines = [
    `# ${s.title ?? s.id}`,
    '',
    `- Agent: ${s.agent} · model ${s.model ?? 'unknown'} · session \`${s.id}\``,
    `- Project: ${s.projectName ?? s.project ?? 'unknown'}${s.gitBranch ? ` (branch ${s.gitBranch})` : ''}`,
    `- Context: ${formatCount(s.context.usedTokens)} of ${formatCount(s.context.windowTokens)} tokens (${formatPercent(s.context.percent)}), ${s.context.compactions} compaction(s)`,
    `- Tokens: ${formatCount(s.tokens.total)} total · cost ${formatUsd(s.costUsd)}`,
    `- Activity: ${s.activity.userMessages} prompts, ${s.activity.toolCalls} tool calls, ${s.activity.filesModified} files modified, ${s.activity.errors} errors`,
    `- Started ${s.startedAt ?? 'unknown'} · last active ${s.lastActivityAt ?? 'unknown'}`,
  ];
  if (s.tags.length > 0) lines.push(`- Tags: ${s.tags.join(', ')}`);
  if (s.details.recentPrompts.length > 0) lines.push('', '## Recent prompts', '', ...s.details.recentPrompts.map((p) => `- ${p.replace(/\s+/g, ' ')}`));
  if (s.details.filesModified.length > 0) lines.push('', '## Files modified', '', ...s.details.filesModified.map((f) => `- \`${f}\``));
  if (s.details.todos.length > 0) lines.push('', '## Todos', '', ...s.details.todos.map((t) => `- [${t.status === 'completed' ? 'x' : ' '}] ${t.content}`));
  if (s.details.lastAssistantText) lines.push('', '## Last answer', '', s.details.lastAssistantText);
  return `${lines.join('\n')}\n`;
}
