/** Ground truth a generated session carries: the numbers the engine must report for it. */
import type { Agent, Tokens } from '../../../shared/session';

export interface ExpectedSession {
  id: string;
  agent: Agent;
  usedTokens: number | null;
  windowTokens: number | null;
  compactions: number;
  tokens: Tokens;
  toolCalls: number;
  filesModified: number;
  userMessages: number;
  errors: number;
  badLines: number;
  /** Transcript files written for this session. */
  files: string[];
}
