/**
 * What the user says about a session (tags, a project name, notes), kept by Headroom in
 * `<dataDir>/annotations.json`, never in the agent's transcript.
 *
 * Guarantees:
 * - The file is validated on load; an invalid file is reported and never overwritten (it may be the
 *   user's hand edit), so changes are refused with the reason until it is fixed.
 * - Every change is a read-modify-write under a lock file, written atomically, so the app and the
 *   CLI changing tags at the same time never lose each other's change.
 * - Tags are trimmed, 1–50 characters, at most 20 per session, unique regardless of case.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Session } from '../../../shared/session';
import { writeFileAtomic } from '../checkpoints/atomic-write';
import { acquireLock } from '../checkpoints/lock';
import { annotationsPath, MAX_PROJECT_NAME, MAX_TAG_LENGTH, MAX_TAGS, type SessionAnnotation } from './limits';

export { MAX_TAG_LENGTH, MAX_TAGS, type SessionAnnotation } from './limits';
const LOCK_TRIES = 200;
const LOCK_RETRY_MS = 10;

const AnnotationSchema = z.object({
  tags: z.array(z.string().min(1).max(MAX_TAG_LENGTH)).max(MAX_TAGS).default([]),
  projectName: z.string().max(MAX_PROJECT_NAME).nullable().default(null),
  notes: z.string().nullable().default(null),
}) satisfies z.ZodType<SessionAnnotation, unknown>;

const FileSchema = z.object({ version: z.literal(1), sessions: z.record(z.string(), AnnotationSchema) });
type AnnotationsFile = z.infer<typeof FileSchema>;

export const EMPTY_ANNOTATION: SessionAnnotation = { tags: [], projectName: null, notes: null };

export class AnnotationError extends Error {}

export class AnnotationStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = annotationsPath(dataDir);
  }

  /** All annotations; `problem` says why the file could not be used (then nothing is annotated). */
  load(): { sessions: Record<string, SessionAnnotation>; problem: string | null } {
    const read = this.read();
    return read.ok ? { sessions: read.file.sessions, problem: null } : { sessions: {}, problem: read.problem };
  }

  get(sessionId: string): SessionAnnotation {
    return this.load().sessions[sessionId] ?? EMPTY_ANNOTATION;
  }

  /** Adds tags; returns the session's tags after the change. */
  tag(sessionId: string, tags: readonly string[]): string[] {
    const wanted = cleanTags(tags);
    return this.update(sessionId, (a) => ({ ...a, tags: limit(mergeTags(a.tags, wanted)) })).tags;
  }

  untag(sessionId: string, tags: readonly string[]): string[] {
    const drop = new Set(cleanTags(tags).map((t) => t.toLowerCase()));
    return this.update(sessionId, (a) => ({ ...a, tags: a.tags.filter((t) => !drop.has(t.toLowerCase())) })).tags;
  }

  setProject(sessionId: string, name: string | null): string | null {
    const clean = name?.trim() || null;
    if (clean && clean.length > MAX_PROJECT_NAME) throw new AnnotationError(`a project name is at most ${MAX_PROJECT_NAME} characters`);
    return this.update(sessionId, (a) => ({ ...a, projectName: clean })).projectName;
  }

  /** Restores what an import carried: tags are merged, name and notes replaced when present. */
  restore(sessionId: string, from: Partial<SessionAnnotation>): SessionAnnotation {
    return this.update(sessionId, (a) => ({
      tags: limit(mergeTags(a.tags, cleanTags(from.tags ?? []))),
      projectName: from.projectName ?? a.projectName,
      notes: from.notes ?? a.notes,
    }));
  }

  /**
   * A lookup for the Engine's `annotate` option, read once: the engine asks per session while it
   * builds snapshots, so the file is not re-read for each of them.
   */
  annotator(): (agent: Session['agent'], sessionId: string) => { tags: string[]; projectName: string | null } | null {
    const all = this.load().sessions;
    return (_agent, sessionId) => {
      const a = all[sessionId];
      return a ? { tags: a.tags, projectName: a.projectName } : null;
    };
  }

  /** Sessions with their stored tags and project name filled in. */
  apply<S extends Pick<Session, 'id' | 'tags' | 'projectName'>>(sessions: readonly S[]): S[] {
    const all = this.load().sessions;
    return sessions.map((s) => {
      const a = all[s.id];
      return a ? { ...s, tags: a.tags, projectName: a.projectName } : s;
    });
  }

  private update(sessionId: string, change: (a: SessionAnnotation) => SessionAnnotation): SessionAnnotation {
    return this.locked(() => {
      const read = this.read();
      if (!read.ok) throw new AnnotationError(`${read.problem}; fix or delete it first`);
      const next = change(read.file.sessions[sessionId] ?? EMPTY_ANNOTATION);
      const sessions = { ...read.file.sessions };
      if (next.tags.length === 0 && next.projectName === null && next.notes === null) delete sessions[sessionId];
      else sessions[sessionId] = next;
      writeFileAtomic(this.path, `${JSON.stringify({ version: 1, sessions } satisfies AnnotationsFile, null, 2)}\n`);
      return next;
    });
  }

  private locked<T>(work: () => T): T {
    const lockFile = `${this.path}.lock`;
    for (let attempt = 0; attempt < LOCK_TRIES; attempt += 1) {
      const lock = acquireLock(lockFile);
      if (lock.ok) {
        try {
          return work();
        } finally {
          lock.release();
        }
      }
      // Held for a few milliseconds by another process: wait a moment without spinning the CPU.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, LOCK_RETRY_MS);
    }
    throw new AnnotationError(`${lockFile} stayed locked for ${(LOCK_TRIES * LOCK_RETRY_MS) / 1000} s`);
  }

  private read(): { ok: true; file: AnnotationsFile } | { ok: false; problem: string } {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, file: { version: 1, sessions: {} } };
      return { ok: false, problem: `cannot read ${this.path}: ${(error as Error).message}` };
    }
    try {
      const parsed = FileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return { ok: true, file: parsed.data };
      const issue = parsed.error.issues[0];
      return { ok: false, problem: `${this.path} is invalid at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'unknown problem'}` };
    } catch (error) {
      return { ok: false, problem: `${this.path} is not valid JSON (${(error as Error).message})` };
    }
  }
}

/** Trims, drops empties, and refuses tags that are too long. */
export function cleanTags(tags: readonly string[]): string[] {
  const out = tags.map((t) => t.trim()).filter(Boolean);
  const long = out.find((t) => t.length > MAX_TAG_LENGTH);
  if (long) throw new AnnotationError(`tag "${long.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH} characters`);
  return out;
}

function mergeTags(have: readonly string[], add: readonly string[]): string[] {
  const seen = new Set(have.map((t) => t.toLowerCase()));
  const out = [...have];
  for (const tag of add) {
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

function limit(tags: string[]): string[] {
  if (tags.length > MAX_TAGS) throw new AnnotationError(`a session can have at most ${MAX_TAGS} tags`);
  return tags;
}
