/**
 * The `status` filters' names and their parsing. The agent and status names are spelled out here
 * rather than taken from shared/session.ts, whose zod schemas would be built just to print `--help`;
 * the compiler checks each name, and a test checks that both lists are complete and in order.
 */
import type { Agent, SessionStatus } from '../../shared/session';
import { UsageError } from './errors';

export const AGENT_NAMES = ['claude-code', 'codex', 'gemini-cli'] as const satisfies readonly Agent[];
export const STATUS_NAMES = ['running', 'idle', 'ended'] as const satisfies readonly SessionStatus[];

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
