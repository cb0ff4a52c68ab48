/**
 * The annotations for `headroom status`, which must answer fast: what `AnnotationStore.load()` gives,
 * without loading zod for a file that is plainly valid — the usual case, since Headroom writes it.
 *
 * The quick check accepts only what the store's schema accepts, and gives what the schema gives
 * (defaults filled in, unknown fields left out). Whatever it is not sure of — an invalid file, an odd
 * key — goes to the store, whose schema decides and explains.
 */
import { readFileSync } from 'node:fs';
import { MAX_PROJECT_NAME, MAX_TAG_LENGTH, MAX_TAGS, annotationsPath, type SessionAnnotation } from './limits';

export type AnnotationMap = Record<string, SessionAnnotation>;

/** Every session's annotation; an unusable file annotates nothing (as `AnnotationStore.load()`). */
export async function readAnnotations(dataDir: string): Promise<AnnotationMap> {
  let text: string;
  try {
    text = readFileSync(annotationsPath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    return viaStore(dataDir);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  return quickAnnotations(json) ?? viaStore(dataDir);
}

async function viaStore(dataDir: string): Promise<AnnotationMap> {
  const { AnnotationStore } = await import('./store');
  return new AnnotationStore(dataDir).load().sessions;
}

/** The file's sessions when it is plainly valid; null when only the schema can say. */
export function quickAnnotations(json: unknown): AnnotationMap | null {
  if (!isObject(json) || json['version'] !== 1 || !isObject(json['sessions'])) return null;
  const stored = json['sessions'];
  const sessions: AnnotationMap = {};
  for (const id of Object.keys(stored)) {
    const annotation = id === '__proto__' ? null : quickAnnotation(stored[id]);
    if (!annotation) return null;
    sessions[id] = annotation;
  }
  return sessions;
}

function quickAnnotation(value: unknown): SessionAnnotation | null {
  if (!isObject(value)) return null;
  const { tags = [], projectName = null, notes = null } = value;
  if (!Array.isArray(tags) || tags.length > MAX_TAGS || !tags.every(isTag)) return null;
  if (projectName !== null && (typeof projectName !== 'string' || projectName.length > MAX_PROJECT_NAME)) return null;
  if (notes !== null && typeof notes !== 'string') return null;
  return { tags: [...(tags as string[])], projectName, notes };
}

const isTag = (tag: unknown) => typeof tag === 'string' && tag.length >= 1 && tag.length <= MAX_TAG_LENGTH;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
