/**
 * Exports a session as JSON, YAML or Markdown (`headroom export`, the `session:export` channel).
 * Pure: the caller supplies the session, its annotations and its checkpoint records.
 */
import { stringify } from 'yaml';
import type { ExportFormat } from '../../../shared/api';
import type { Session } from '../../../shared/session';
import type { CheckpointRecord } from '../../../shared/api';
import { block, section, sessionFacts, sessionHeading, sessionSections } from '../checkpoints/handoff';
import { refComponent } from '../checkpoints/git-snapshot';
import type { SessionExport } from './schema';

export interface ExportInput {
  session: Session;
  annotations: SessionExport['annotations'];
  checkpoints: readonly CheckpointRecord[];
  now: number;
}

export interface ExportedFile {
  filename: string;
  mime: string;
  content: string;
}

const MIME: Readonly<Record<ExportFormat, string>> = { json: 'application/json', yaml: 'application/yaml', md: 'text/markdown' };

export function buildExport(input: ExportInput): SessionExport {
  return {
    kind: 'headroom-export',
    version: 1,
    exportedAt: new Date(input.now).toISOString(),
    session: { ...input.session, tags: input.annotations.tags, projectName: input.annotations.projectName },
    annotations: input.annotations,
    checkpoints: [...input.checkpoints],
  };
}

export function exportSession(input: ExportInput, format: ExportFormat): ExportedFile {
  const data = buildExport(input);
  const filename = `headroom-${input.session.agent}-${refComponent(input.session.id)}.${format}`;
  const content = format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : format === 'yaml' ? stringify(data) : markdown(data);
  return { filename, mime: MIME[format], content };
}

function markdown(data: SessionExport): string {
  const { session } = data;
  const out = [`---`, stringify(data).trimEnd(), `---`, '', `# ${sessionHeading(session)}`, '', ...sessionFacts(session)];
  out.push(`- Started: ${session.startedAt ?? 'unknown'}; last activity: ${session.lastActivityAt ?? 'unknown'}; status: ${session.status}`);
  if (data.annotations.notes) section(out, 'Notes', data.annotations.notes);
  out.push(...sessionSections(session));
  const checkpoints = data.checkpoints.map((c) => `- ${c.createdAt} — ${c.reason}: ${c.markdownPath}${c.gitRef ? ` (git ${c.gitRef})` : ''}`);
  section(out, 'Checkpoints', checkpoints.join('\n') || 'None.');
  section(out, 'Transcript files', block(session.files.join('\n') || '(none)'));
  return `${out.join('\n')}\n`;
}
