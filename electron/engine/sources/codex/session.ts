/**
 * Folds a Codex rollout into a session.
 *
 * Context is exactly what Codex shows: from the newest token_count with info, L = last_token_usage
 * .total_tokens and W = model_context_window; Codex reports "% left" as
 * round(clamp(((W − 12000) − max(0, L − 12000)) / (W − 12000) × 100, 0, 100)) and Headroom's percent
 * is 100 minus that, unrounded (protocol.rs `percent_of_context_window_remaining`).
 * Spend is the newest cumulative total_token_usage; cost attributes each increase of that total to the
 * model active at the time, so a session that switched models is priced per model.
 */
import { isAbsolute, resolve } from 'node:path';
import { type PricedTokens, totalCost } from '../../models/prices';
import { clip } from '../../read/fields';
import { ActivityLog, PromptLog, TimeSpan } from '../activity';
import { ContextSeries } from '../context-series';
import type { EngineSettings, SessionAccumulator, SessionCore } from '../types';
import { type CodexRecord, type TokenUsage, patchedFiles } from './records';

/** Codex reserves this much for prompts, tools and the compaction call itself. */
export const CODEX_BASELINE_TOKENS = 12_000;

/** Codex's displayed "% context used" for a context of `used` tokens in an effective window `window`. */
export function codexPercentUsed(used: number, window: number): number {
  if (window <= CODEX_BASELINE_TOKENS) return 100;
  const effective = window - CODEX_BASELINE_TOKENS;
  const left = Math.min(100, Math.max(0, ((effective - Math.max(0, used - CODEX_BASELINE_TOKENS)) / effective) * 100));
  return 100 - left;
}

const ZERO_USAGE: TokenUsage = { input: 0, cached: 0, output: 0, reasoning: 0, total: 0 };

export class CodexSession implements SessionAccumulator<CodexRecord> {
  private readonly activity = new ActivityLog();
  private readonly itemPrompts = new PromptLog();
  private readonly span = new TimeSpan();
  private readonly series = new ContextSeries();
  private readonly byModel = new Map<string, PricedTokens>();
  private total: TokenUsage = ZERO_USAGE;
  private lastUsed: number | null = null;
  private window: number | null = null;
  private startedWindow: number | null = null;
  private compactions = 0;
  private model: string | null = null;
  private project: string | null = null;
  private gitBranch: string | null = null;
  private readonly openCalls = new Map<string, string>();

  constructor(private readonly id: string) {}

  get contextEvents() {
    return this.series.events;
  }

  add(record: CodexRecord): void {
    this.span.see(record.at);
    switch (record.kind) {
      case 'meta':
        this.project ??= record.cwd ?? null;
        if (record.branch) this.gitBranch = record.branch;
        return;
      case 'turn-context':
        if (record.model) this.model = record.model;
        this.project ??= record.cwd ?? null;
        return;
      case 'task-started':
        if (record.window) this.startedWindow = record.window;
        return;
      case 'token-count':
        return this.addTokenCount(record);
      case 'prompt':
        if (record.source === 'event') this.activity.prompt(record.text);
        else this.itemPrompts.add(record.text);
        return;
      case 'assistant-message':
        this.activity.assistantMessages += 1;
        if (record.text) this.activity.lastAssistantText = clip(record.text);
        return;
      case 'tool-call':
        this.activity.toolCall(record.id, record.name);
        this.openCalls.set(record.id, record.name);
        if (record.patch) for (const file of patchedFiles(record.patch)) this.activity.fileModified(this.absolute(file));
        return;
      case 'tool-output':
        if (record.exitCode !== undefined && record.exitCode !== 0) {
          this.activity.error(`tool:${record.id}`, `${this.openCalls.get(record.id) ?? 'tool'} exited with code ${record.exitCode}`, record.at);
        }
        this.openCalls.delete(record.id);
        return;
      case 'compacted':
        this.compactions += 1;
        this.series.push(record.at, this.lastUsed, true);
        return;
      case 'other':
        return;
    }
  }

  private addTokenCount(record: Extract<CodexRecord, { kind: 'token-count' }>): void {
    const input = Math.max(0, record.total.input - record.total.cached - (this.total.input - this.total.cached));
    const cached = Math.max(0, record.total.cached - this.total.cached);
    const output = Math.max(0, record.total.output - this.total.output);
    if (input + cached + output > 0) {
      const model = this.model ?? 'unknown';
      const priced = this.byModel.get(model) ?? { input: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, output: 0 };
      priced.input += input;
      priced.cacheRead += cached;
      priced.output += output;
      this.byModel.set(model, priced);
    }
    this.total = record.total;
    if (record.window) this.window = record.window;
    if (record.last) {
      this.lastUsed = record.last.total;
      this.series.push(record.at, this.lastUsed, false);
    }
  }

  private absolute(file: string): string {
    return isAbsolute(file) || !this.project ? file : resolve(this.project, file);
  }

  core(settings: EngineSettings): SessionCore {
    const window = this.window ?? this.startedWindow;
    const used = this.lastUsed;
    // Codex's window is already 95% of the model's; it auto-compacts at 90% of the model's window.
    const autoCompact = window === null ? null : Math.floor((window / 0.95) * 0.9);
    // Versions that log prompts as events are counted from those; others from the raw user items.
    const prompts = this.activity.prompts.count > 0 ? this.activity.prompts : this.itemPrompts;
    return {
      id: this.id,
      agent: 'codex',
      project: this.project,
      title: prompts.first?.slice(0, 120) ?? null,
      model: this.model,
      gitBranch: this.gitBranch,
      startedAt: this.span.iso(this.span.first),
      lastActivityAt: this.span.iso(this.span.last),
      context: {
        usedTokens: used,
        windowTokens: window,
        percent: used === null || window === null ? null : codexPercentUsed(used, window),
        autoCompactAtTokens: autoCompact,
        compactions: this.compactions,
        source: used === null ? null : 'usage',
      },
      tokens: {
        input: Math.max(0, this.total.input - this.total.cached),
        output: this.total.output,
        cacheCreation: 0,
        cacheRead: this.total.cached,
        reasoning: this.total.reasoning,
        total: this.total.total,
      },
      costUsd: this.byModel.size === 0 ? null : totalCost(this.byModel, settings.prices),
      activity: this.activity.counts(prompts),
      details: this.activity.details(prompts),
    };
  }
}
