/**
 * Context windows per model, as the agents size them. Dated 2026-11-21.
 *
 * Claude: every current model runs with 200k unless the 1M tier is on; the engine switches to 1M on
 * evidence (a `[1m]` id, or a context that already exceeded 200k) — see the Claude source.
 * Gemini: Gemini CLI's `tokenLimit()` gives 1,048,576 for the 2.x/3.x families.
 * Codex needs no table: every token_count records the effective window.
 */
import { lookupByModel } from './lookup';

export const CLAUDE_DEFAULT_WINDOW = 200_000;
export const CLAUDE_EXTENDED_WINDOW = 1_000_000;
export const GEMINI_DEFAULT_WINDOW = 1_048_576;

export const BUNDLED_WINDOWS: Readonly<Record<string, number>> = {
  'claude-': CLAUDE_DEFAULT_WINDOW,
  'gemini-1.5-pro': 2_097_152,
  'gemini-1.5-flash': 1_048_576,
  'gemini-2.': GEMINI_DEFAULT_WINDOW,
  'gemini-3.': GEMINI_DEFAULT_WINDOW,
  'gemini-3': GEMINI_DEFAULT_WINDOW,
};

export function modelWindow(model: string | null, overrides: Readonly<Record<string, number>>): number | undefined {
  if (!model) return undefined;
  return lookupByModel(model, [overrides, BUNDLED_WINDOWS]);
}
