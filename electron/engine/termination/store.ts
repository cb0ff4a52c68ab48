/**
 * Reads termination requests back, validated (files in the data dir are untrusted: a crash, a copy or
 * a hand edit can leave anything), and records the handler's attempts and outcomes.
 *
 * An invalid request file is reported and skipped, never acted on: a malformed request can cause no
 * signal. Outcomes are written atomically and only once; a request with an outcome is done.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentSchema } from '../../../shared/session';
import { writeFileAtomic } from '../checkpoints/atomic-write';
import { isRequestFile, PRIORITIES, REQUEST_SOURCES, requestPath, terminationRoot, type TerminationRequest } from './request';

const IdentitySchema = z.object({ pid: z.number().int().positive(), uid: z.number().int().nullable(), startKey: z.string().nullable() });

export const RequestSchema = z.object({
  kind: z.literal('headroom-termination-request'),
  version: z.literal(1),
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  sessionId: z.string().min(1),
  agent: AgentSchema,
  reason: z.string(),
  continuationCommand: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  requestedAt: z.iso.datetime({ offset: true }),
  source: z.enum(REQUEST_SOURCES),
  target: IdentitySchema.nullable(),
}) satisfies z.ZodType<TerminationRequest>;

const CheckpointRefSchema = z.object({ markdownPath: z.string(), resumeCommand: z.string() });

/** The handler's progress on a request it could not finish in one go, so a retry repeats no step. */
export const AttemptsSchema = z.object({
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number(),
  lastError: z.string().nullable(),
  checkpoint: CheckpointRefSchema.nullable(),
  notified: z.boolean(),
});
export type Attempts = z.infer<typeof AttemptsSchema>;

export const OUTCOME_STATUSES = ['notified', 'terminated', 'already-gone', 'refused', 'failed', 'not-found'] as const;
export const OutcomeSchema = z.object({
  status: z.enum(OUTCOME_STATUSES),
  at: z.iso.datetime({ offset: true }),
  detail: z.string(),
  attempts: z.number().int().positive(),
  checkpoint: CheckpointRefSchema.nullable(),
  continuationCommand: z.string().nullable(),
  signal: z.enum(['SIGTERM', 'SIGKILL']).nullable(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export interface StoredRequest {
  request: TerminationRequest;
  attempts: Attempts | null;
  outcome: Outcome | null;
}

export interface RequestListing {
  requests: StoredRequest[];
  /** Files that could not be read or did not validate, with why. */
  problems: string[];
}

/** Every request under the data dir, oldest first. */
export function listRequests(dataDir: string): RequestListing {
  const listing: RequestListing = { requests: [], problems: [] };
  const root = terminationRoot(dataDir);
  for (const agent of names(root)) {
    for (const session of names(join(root, agent))) {
      for (const file of names(join(root, agent, session)).filter(isRequestFile)) readOne(join(root, agent, session, file), listing);
    }
  }
  listing.requests.sort((a, b) => a.request.id.localeCompare(b.request.id));
  return listing;
}

export function pendingRequests(dataDir: string): RequestListing {
  const all = listRequests(dataDir);
  return { requests: all.requests.filter((stored) => stored.outcome === null), problems: all.problems };
}

function readOne(path: string, listing: RequestListing): void {
  const request = readJson(path, RequestSchema);
  if (!request.ok) {
    listing.problems.push(`${path}: ${request.message}`);
    return;
  }
  const sibling = (suffix: '.attempts' | '.outcome') => path.slice(0, -'.json'.length) + `${suffix}.json`;
  const attempts = readJson(sibling('.attempts'), AttemptsSchema);
  const outcome = readJson(sibling('.outcome'), OutcomeSchema);
  if (!outcome.ok && outcome.message !== 'missing') listing.problems.push(`${sibling('.outcome')}: ${outcome.message}`);
  listing.requests.push({ request: request.value, attempts: attempts.ok ? attempts.value : null, outcome: outcome.ok ? outcome.value : null });
}

export function writeAttempts(dataDir: string, request: TerminationRequest, attempts: Attempts): void {
  writeFileAtomic(requestPath(dataDir, request, '.attempts'), `${JSON.stringify(attempts)}\n`);
}

export function writeOutcome(dataDir: string, request: TerminationRequest, outcome: Outcome): void {
  writeFileAtomic(requestPath(dataDir, request, '.outcome'), `${JSON.stringify(outcome, null, 2)}\n`);
}

function names(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function readJson<T>(path: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : (error as Error).message };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not valid JSON' };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}
