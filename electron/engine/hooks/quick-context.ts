/**
 * A session's context figures from the transcript's tail alone, computed the way the engine computes
 * them (sources/claude/session.ts, sources/codex/session.ts) so a hook and the app agree; a test keeps
 * the two equal on real transcripts. For Claude Code the window comes, best first, from Claude Code's
 * own statusLine record, from evidence of the 1M tier, or from the model table.
 */
import type { Level } from '../../../shared/policy';
import type { Agent, Context } from '../../../shared/session';
import { CLAUDE_DEFAULT_WINDOW, CLAUDE_EXTENDED_WINDOW, modelWindow } from '../models/windows';
import { levelOf } from '../policies/thresholds';
import { codexPercentUsed } from '../sources/codex/session';
import type { HookSettings } from './hook-settings';
import type { StatuslineRecord } from './statusline-record';
import type { TailUsage } from './tail-usage';

export type QuickContext = Pick<Context, 'usedTokens' | 'windowTokens' | 'percent' | 'autoCompactAtTokens'>;

export interface QuickInput {
  agent: Agent;
  tail: TailUsage;
  /** Claude Code only: what its statusLine last reported for this session. */
  statusline: StatuslineRecord | null;
  /** An earlier check of this session already saw the 1M tier. */
  knownExtended: boolean;
  settings: HookSettings;
}

export interface QuickResult {
  context: QuickContext;
  level: Level;
  /** The tail (or an earlier check) showed the 1M tier; remembered for the next check. */
  extendedContext: boolean;
}

export function quickContext(input: QuickInput): QuickResult {
  const context = input.agent === 'codex' ? codexContext(input.tail) : claudeContext(input);
  const extendedContext = input.knownExtended || input.tail.extendedContext || (input.tail.usedTokens ?? 0) > CLAUDE_DEFAULT_WINDOW;
  return { context, level: levelOf({ context: { ...context, compactions: 0, source: null, etaMinutes: null } }, input.settings.thresholds), extendedContext };
}

function claudeContext(input: QuickInput): QuickContext {
  const { tail, settings } = input;
  const used = tail.usedTokens;
  const extended = input.knownExtended || tail.extendedContext || tail.model?.endsWith('[1m]') === true || (used ?? 0) > CLAUDE_DEFAULT_WINDOW;
  const fromTranscript = extended ? CLAUDE_EXTENDED_WINDOW : (modelWindow(tail.model, settings.modelWindows) ?? CLAUDE_DEFAULT_WINDOW);
  const window = input.statusline?.contextWindowSize || fromTranscript;
  return {
    usedTokens: used,
    windowTokens: window,
    percent: used === null ? null : Math.min(100, (used / window) * 100),
    autoCompactAtTokens: Math.max(0, window - settings.autoCompactBufferTokens),
  };
}

function codexContext(tail: TailUsage): QuickContext {
  const { usedTokens: used, windowTokens: window } = tail;
  return {
    usedTokens: used,
    windowTokens: window,
    percent: used === null || window === null ? null : codexPercentUsed(used, window),
    // Codex's window is already 95% of the model's; it auto-compacts at 90% of the model's window.
    autoCompactAtTokens: window === null ? null : Math.floor((window / 0.95) * 0.9),
  };
}
