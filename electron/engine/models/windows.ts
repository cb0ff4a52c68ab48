/**
 * Context windows per model, as the agents size them. Dated 2026-11-21.
 *
 * Claude: Fable 5, Sonnet 5 and Opus 4.7 and later always run with the 1M window on the Anthropic API
 * (code.claude.com/docs/en/model-config, "Extended context"; Claude Code 2.1.197 reports
 * `contextWindow: 1000000` for its default claude-opus-4-8). Other models run with 200k unless the 1M
 * tier is on, which the engine detects from evidence (a `[1m]` id, or a context past 200k).
 * Gemini: Gemini CLI's `tokenLimit()` gives 1,048,576 for the 2.x/3.x families.
 * Codex needs no table: every token_count records the effective window.
 */
import { lookupByModel } from './lookup';

export const CLAUDE_DEFAULT_WINDOW = 200_000;
export const CLAUDE_EXTENDED_WINDOW = 1_000_000;
export const GEMINI_DEFAULT_WINDOW = 1_048_576;

export const BUNDLED_WINDOWS: Readonly<Record<string, number>> = {
  'claude-': CLAUDE_DEFAULT_WINDOW,
  'claude-opus-4-7': CLAUDE_EXTENDED_WINDOW,
  'claude-opus-4-8': CLAUDE_EXTENDED_WINDOW,
  'claude-opus-4-9': CLAUDE_EXTENDED_WINDOW,
  'claude-opus-5': CLAUDE_EXTENDED_WINDOW,
  'claude-sonnet-5': CLAUDE_EXTENDED_WINDOW,
  'claude-fable-5': CLAUDE_EXTENDED_WINDOW,
  'gemini-1.5-pro': 2_097_152,
  'gemini-1.5-flash': 1_048_576,
  'gemini-2.': GEMINI_DEFAULT_WINDOW,
  'gemini-3.': GEMINI_DEFAULT_WINDOW,
  'gemini-3': GEMINI_DEFAULT_WINDOW,
};

export function modelWindow(model: string | null, overrides: Readonly<Record<string, number>>): number | undefined {
  if (!model) return undefined;
  return lookupByModel(model, overrides, BUNDLED_WINDOWS);
}
