/**
 * Imports a Headroom export (JSON, YAML or Markdown with front matter) or a checkpoint (its JSON, or
 * its Markdown when the JSON sits next to it).
 *
 * Guarantees: the file is validated before anything is written; a bad file gets one clear sentence
 * naming the file and the first problem (with its field path), never a stack trace. Importing puts
 * tags, project name and notes back in the annotations; a checkpoint is also copied into this data
 * dir's history (with its paths rewritten) unless it is already there, so importing twice is harmless.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { AnnotationStore, SessionAnnotation } from '../annotations/store';
import { writeFileAtomic } from '../checkpoints/atomic-write';
import { renderHandoff } from '../checkpoints/handoff';
import { fileStamp, sessionCheckpointDir } from '../checkpoints/paths';
import { CheckpointFileSchema, type CheckpointFile } from '../checkpoints/record';
import { SessionExportSchema, type SessionExport } from './schema';

export class ImportError extends Error {}

export type Imported = { kind: 'export'; data: SessionExport } | { kind: 'checkpoint'; data: CheckpointFile };

export interface ImportOutcome {
  kind: Imported['kind'];
  sessionId: string;
  agent: SessionExport['session']['agent'];
  annotations: SessionAnnotation;
  /** Where an imported checkpoint now lives; null for an export or when it was already present. */
  checkpointPath: string | null;
}

/** Reads and validates a file; throws `ImportError` with a readable message. */
export function readImport(path: string): Imported {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ImportError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (path.endsWith('.md') && !text.startsWith('---\n')) {
    const sibling = path.replace(/\.md$/, '.json');
    if (existsSync(sibling)) return readImport(sibling);
    throw new ImportError(`${path} has no Headroom data: import an export, or a checkpoint's .json file`);
  }
  const value = parseAny(path, text);
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  if (kind === 'headroom-export') return { kind: 'export', data: validate(path, SessionExportSchema, value) };
  if (kind === 'headroom-checkpoint') return { kind: 'checkpoint', data: validate(path, CheckpointFileSchema, value) };
  throw new ImportError(`${path} is not a Headroom export or checkpoint (no "kind": "headroom-export" or "headroom-checkpoint")`);
}

/** Applies an import to this data dir: annotations, and the checkpoint itself for a checkpoint. */
export function applyImport(imported: Imported, dataDir: string, annotations: AnnotationStore): ImportOutcome {
  const session = imported.data.session;
  const carried =
    imported.kind === 'export'
      ? imported.data.annotations
      : { tags: session.tags, projectName: session.projectName, notes: null };
  const checkpointPath = imported.kind === 'checkpoint' ? copyCheckpoint(imported.data, dataDir) : null;
  return {
    kind: imported.kind,
    sessionId: session.id,
    agent: session.agent,
    annotations: annotations.restore(session.id, carried),
    checkpointPath,
  };
}

function copyCheckpoint(file: CheckpointFile, dataDir: string): string | null {
  const dir = sessionCheckpointDir(dataDir, file.record.agent, file.record.sessionId);
  const stamp = fileStamp(Date.parse(file.record.createdAt));
  const jsonPath = join(dir, `${stamp}.json`);
  if (existsSync(jsonPath)) return null;
  const markdownPath = join(dir, `${stamp}.md`);
  const moved: CheckpointFile = {
    ...file,
    record: { ...file.record, markdownPath, jsonPath },
    prompt: file.prompt.split(file.record.markdownPath).join(markdownPath),
  };
  writeFileAtomic(markdownPath, renderHandoff(moved));
  writeFileAtomic(jsonPath, `${JSON.stringify(moved, null, 2)}\n`);
  return jsonPath;
}

function parseAny(path: string, text: string): unknown {
  if (text.startsWith('---\n')) {
    const end = text.indexOf('\n---', 4);
    if (end < 0) throw new ImportError(`${path}: the front matter is not closed with "---"`);
    return parseYamlOrFail(path, text.slice(4, end));
  }
  try {
    return JSON.parse(text);
  } catch {
    return parseYamlOrFail(path, text);
  }
}

function parseYamlOrFail(path: string, text: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new ImportError(`${path} is neither JSON nor YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

function validate<T>(path: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new ImportError(`${path} is not a valid Headroom file${where}: ${issue?.message ?? 'invalid'}`);
}
