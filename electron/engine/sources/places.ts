/** Where every agent keeps its transcripts, in display order — finding files without loading the parsers. */
import type { Agent } from '../../../shared/session';
import { claudePlace } from './claude/place';
import { codexPlace } from './codex/place';
import { geminiPlace } from './gemini/place';
import type { SourcePlace } from './types';

export const PLACES: readonly SourcePlace[] = [claudePlace, codexPlace, geminiPlace];

export function placeFor(agent: Agent): SourcePlace | undefined {
  return PLACES.find((place) => place.agent === agent);
}
