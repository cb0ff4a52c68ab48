/**
 * The handoff document: everything a fresh session (or a colleague) needs to pick the work up, as
 * Markdown. Pure: it renders what it is given, so it can be tested without a filesystem.
 *
 * Text from transcripts can contain anything, including Markdown fences; every quoted block gets a
 * fence longer than any backtick run inside it, so it can never break out of its block.
 */
import type { Session } from '../../../shared/session';
import type { CheckpointFile } from './record';
import { AGENT_LABELS } from './resume';

const MAX_STATUS_LINES = 200;
const number = new Intl.NumberFormat('en-US');

export function renderHandoff(file: CheckpointFile): string {
  const { record, session, git } = file;
  const out: string[] = [`# Checkpoint: ${sessionHeading(session)}`, ''];
  out.push(...sessionFacts(session).slice(0, 2), `- Created: ${record.createdAt} — ${record.reason}`, ...sessionFacts(session).slice(2));
  out.push(...sessionSections(session));
  section(out, 'Git', gitSection(file, git));
  section(
    out,
    'Continue',
    [`Resume this session:`, block(record.resumeCommand, 'sh'), '', 'Or start a fresh session and paste:', block(file.prompt)].join('\n'),
  );
  return `${out.join('\n')}\n`;
}

/** The session's title, or its first prompt, or its id, on one line. */
export function sessionHeading(session: Session): string {
  return oneLine(session.title ?? session.details.firstPrompt ?? session.id, 100);
}

/** The bullet list that identifies a session and its context and token figures. */
export function sessionFacts(session: Session): string[] {
  const facts = [
    `- Session: \`${session.id}\` (${AGENT_LABELS[session.agent]}${session.model ? `, ${session.model}` : ''})`,
    `- Project: ${session.project ?? 'unknown'}${session.projectName ? ` (${session.projectName})` : ''}`,
    `- Context: ${contextLine(session)}`,
    `- Tokens: ${tokensLine(session)}`,
  ];
  if (session.tags.length > 0) facts.push(`- Tags: ${session.tags.join(', ')}`);
  return facts;
}

/** Goal, recent requests, todos, files, tools, errors and the last answer, as Markdown lines. */
export function sessionSections(session: Session): string[] {
  const out: string[] = [];
  section(out, 'Goal', session.details.firstPrompt ? block(session.details.firstPrompt) : 'Not recorded.');
  section(out, 'Recent requests', numbered(session.details.recentPrompts.map((p) => oneLine(p, 300))));
  section(out, 'Todo list', session.details.todos.map((t) => `- [${t.status === 'completed' ? 'x' : ' '}] ${oneLine(t.content, 200)}${t.status === 'completed' || t.status === 'pending' ? '' : ` (${t.status})`}`).join('\n') || 'None recorded.');
  section(out, 'Files modified', session.details.filesModified.map((f) => `- ${f}`).join('\n') || 'None recorded.');
  section(out, 'Tools used', toolsTable(session.details.toolCounts));
  section(out, 'Errors', session.details.recentErrors.map((e) => `- ${oneLine(e, 300)}`).join('\n') || 'None recorded.');
  section(out, 'Last assistant message', session.details.lastAssistantText ? block(session.details.lastAssistantText) : 'None recorded.');
  return out;
}

export function section(out: string[], title: string, body: string): void {
  out.push('', `## ${title}`, '', body);
}

function contextLine(session: Session): string {
  const c = session.context;
  if (c.usedTokens === null) return 'unknown';
  const window = c.windowTokens === null ? '' : ` / ${number.format(c.windowTokens)}`;
  const percent = c.percent === null ? '' : ` (${c.percent.toFixed(1)}%)`;
  const compactAt = c.autoCompactAtTokens === null ? '' : `; auto-compact at ${number.format(c.autoCompactAtTokens)}`;
  return `${number.format(c.usedTokens)}${window} tokens${percent}${compactAt}; ${c.compactions} compaction${c.compactions === 1 ? '' : 's'}`;
}

function tokensLine(session: Session): string {
  const t = session.tokens;
  const cost = session.costUsd === null ? '' : `; cost $${session.costUsd.toFixed(2)}`;
  return `${number.format(t.total)} total (input ${number.format(t.input)}, output ${number.format(t.output)}, cache read ${number.format(t.cacheRead)}, cache write ${number.format(t.cacheCreation)})${cost}`;
}

function toolsTable(counts: Record<string, number>): string {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (rows.length === 0) return 'None recorded.';
  return ['| Tool | Calls |', '|---|---:|', ...rows.map(([name, n]) => `| ${name.replace(/\|/g, '\\|')} | ${n} |`)].join('\n');
}

function gitSection(file: CheckpointFile, git: CheckpointFile['git']): string {
  if (file.gitError) return `Could not read the repository: ${oneLine(file.gitError, 300)}`;
  if (!git) return 'Not a git repository (or the project folder is unknown).';
  const lines = [`- Branch: ${git.branch}`];
  if (file.record.gitRef && file.record.restoreCommand) {
    lines.push(`- Uncommitted work saved as \`${file.record.gitRef}\`. Restore it with:`, '', block(file.record.restoreCommand, 'sh'));
  } else {
    lines.push('- No uncommitted work at checkpoint time.');
  }
  const status = git.statusPorcelain.split('\n').filter(Boolean);
  if (status.length > 0) {
    const shown = status.slice(0, MAX_STATUS_LINES).join('\n');
    const more = status.length > MAX_STATUS_LINES ? `\n… and ${status.length - MAX_STATUS_LINES} more` : '';
    lines.push('', '`git status --porcelain`:', '', block(shown + more));
  }
  if (git.diffStat.trim()) lines.push('', 'Diff stat:', '', block(git.diffStat.trimEnd()));
  return lines.join('\n');
}

function numbered(items: string[]): string {
  return items.length === 0 ? 'None recorded.' : items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

/** A fenced block whose fence is longer than any backtick run in the text. */
export function block(text: string, lang = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.trimEnd()}\n${fence}`;
}

export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
