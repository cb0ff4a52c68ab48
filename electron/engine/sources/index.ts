/** Every agent source Headroom reads, in display order. */
import type { Agent } from '../../../shared/session';
import { claudeSource } from './claude/source';
import { codexSource } from './codex/source';
import { geminiSource } from './gemini/source';
import type { Source } from './types';

export const SOURCES: readonly Source<unknown>[] = [claudeSource, codexSource, geminiSource] as Source<unknown>[];

export function sourceFor(agent: Agent): Source<unknown> | undefined {
  return SOURCES.find((source) => source.agent === agent);
}
