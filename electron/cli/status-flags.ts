/**
 * The `status` filters' names and their parsing, from shared/names.ts: shared/session.ts would build
 * its zod schemas just to print `--help`.
 */
import { AGENTS, SESSION_STATUSES } from '../../shared/names';
import type { Agent, SessionStatus } from '../../shared/session';
import { UsageError } from './errors';

export const AGENT_NAMES: readonly Agent[] = AGENTS;
export const STATUS_NAMES: readonly SessionStatus[] = SESSION_STATUSES;

export function agentFlag(value: string | undefined): Agent | undefined {
  if (value === undefined) return undefined;
  if ((AGENT_NAMES as readonly string[]).includes(value)) return value as Agent;
  throw new UsageError(`unknown agent "${value}" (expected one of: ${AGENT_NAMES.join(', ')})`);
}

export function statusFlag(value: string | undefined): SessionStatus | undefined {
  if (value === undefined) return undefined;
  if ((STATUS_NAMES as readonly string[]).includes(value)) return value as SessionStatus;
  throw new UsageError(`unknown status "${value}" (expected one of: ${STATUS_NAMES.join(', ')})`);
}
