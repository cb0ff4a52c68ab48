/**
 * Termination requests: "this session should stop", recorded in the data dir by whoever decides it
 * (`headroom request-termination`, the MCP tool, the usage hook at critical) and carried out later by
 * the handler in the app or `headroom watch` (./handler.ts).
 *
 * Layout: `<dataDir>/termination/<agent>/<sessionId>/<requestId>.json`, immutable once written; the
 * handler adds `<requestId>.attempts.json` while it retries and `<requestId>.outcome.json` when done. A
 * request without an outcome is pending. Writing needs no schema library, so the hook stays fast;
 * reading (./store.ts) validates.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from '../../../shared/session';
import { writeFileAtomic } from '../checkpoints/atomic-write';
import { fileStamp } from '../checkpoints/paths';
import { refComponent } from '../checkpoints/git-snapshot';
import type { ProcessIdentity } from './identity';

export const PRIORITIES = ['graceful', 'immediate'] as const;
export type TerminationPriority = (typeof PRIORITIES)[number];
export const REQUEST_SOURCES = ['cli', 'mcp', 'hook', 'app'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];

export interface TerminationRequest {
  kind: 'headroom-termination-request';
  version: 1;
  id: string;
  sessionId: string;
  agent: Agent;
  reason: string;
  /** What to run to continue the work; the session's resume command when the requester gave none. */
  continuationCommand: string | null;
  priority: TerminationPriority;
  requestedAt: string;
  source: RequestSource;
  /** The agent process as identified when the request was made; signals go only to this exact process. */
  target: ProcessIdentity | null;
}

export type NewRequest = Omit<TerminationRequest, 'kind' | 'version' | 'id' | 'requestedAt'>;

export function terminationRoot(dataDir: string): string {
  return join(dataDir, 'termination');
}

export function sessionRequestDir(dataDir: string, agent: Agent, sessionId: string): string {
  return join(terminationRoot(dataDir), agent, refComponent(sessionId));
}

export function requestPath(dataDir: string, request: Pick<TerminationRequest, 'agent' | 'sessionId' | 'id'>, suffix: '' | '.outcome' | '.attempts' = ''): string {
  return join(sessionRequestDir(dataDir, request.agent, request.sessionId), `${request.id}${suffix}.json`);
}

export function recordRequest(dataDir: string, input: NewRequest, now: number): TerminationRequest {
  const request: TerminationRequest = {
    kind: 'headroom-termination-request',
    version: 1,
    // Sorts in time order; the random part keeps two requests in the same millisecond apart.
    id: `${fileStamp(now)}-${randomBytes(3).toString('hex')}`,
    requestedAt: new Date(now).toISOString(),
    ...input,
  };
  writeFileAtomic(requestPath(dataDir, request), `${JSON.stringify(request, null, 2)}\n`);
  return request;
}

/** Ids of the session's requests that have no outcome yet (from file names alone: no parsing). */
export function pendingRequestIds(dataDir: string, agent: Agent, sessionId: string): string[] {
  let names: string[];
  try {
    names = readdirSync(sessionRequestDir(dataDir, agent, sessionId));
  } catch {
    return [];
  }
  const done = new Set(names.filter((name) => name.endsWith('.outcome.json')).map((name) => name.slice(0, -'.outcome.json'.length)));
  return names.filter(isRequestFile).map((name) => name.slice(0, -'.json'.length)).filter((id) => !done.has(id));
}

/** A request file name: `<id>.json`, not an attempts, outcome or temporary file. */
export function isRequestFile(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.outcome.json') && !name.endsWith('.attempts.json') && !name.includes('.tmp-');
}
