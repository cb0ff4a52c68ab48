/**
 * Folds Claude Code records (main transcript + subagent transcripts) into one session.
 *
 * Context is what Claude Code itself shows: input + cache_creation + cache_read of the newest
 * main-chain, non-synthetic assistant record after the latest compact_boundary; right after a
 * boundary, the boundary's postTokens; before any usage, unknown. Spend deduplicates streamed lines by
 * (message.id, requestId) across all of the session's files, keeping each field's largest value
 * (earlier lines of a response carry partial output counts).
 */
import { CLAUDE_DEFAULT_WINDOW, CLAUDE_EXTENDED_WINDOW, modelWindow } from '../../models/windows';
import { totalCost } from '../../models/prices';
import { clip } from '../../read/fields';
import { ActivityLog, TimeSpan } from '../activity';
import { ContextSeries } from '../context-series';
import type { EngineSettings, FileRole, SessionAccumulator, SessionCore, SessionHints } from '../types';
import type { ClaudeRecord } from './records';
import { ClaudeSpend, responseKey } from './spend';

export class ClaudeSession implements SessionAccumulator<ClaudeRecord> {
  private readonly spend = new ClaudeSpend();
  /** Main-chain responses, keyed as `responseKey` says, to their request id. */
  private readonly mainResponses = new Map<string, string>();
  private anonymousResponses = 0;
  private readonly activity = new ActivityLog();
  private readonly span = new TimeSpan();
  private readonly series = new ContextSeries();
  private lastContext: number | null = null;
  private boundaryPostTokens: number | null = null;
  private sawBoundary = false;
  private largestContext = 0;
  private extendedContext = false;
  private compactions = 0;
  private compactSummaries = 0;
  private model: string | null = null;
  private project: string | null = null;
  private gitBranch: string | null = null;
  private readonly titles: Partial<Record<'custom' | 'ai' | 'summary', string>> = {};

  constructor(private readonly id: string) {}

  get contextEvents() {
    return this.series.events;
  }

  add(record: ClaudeRecord, role: FileRole): void {
    if (record.kind === 'title') {
      this.titles[record.source] = record.text;
      return;
    }
    if (record.kind === 'identity') {
      this.extendedContext = true;
      return;
    }
    this.span.see(record.at);
    const mainChain = role === 'main' && !record.sidechain;
    if (mainChain) this.noteLocation(record.cwd, record.gitBranch);
    else if (this.project === null && record.cwd) this.project = record.cwd;

    switch (record.kind) {
      case 'assistant':
        return this.addAssistant(record, mainChain);
      case 'user':
        return this.addUser(record, mainChain);
      case 'compact-boundary':
        if (!mainChain) return;
        this.compactions += 1;
        this.sawBoundary = true;
        this.lastContext = null;
        this.boundaryPostTokens = record.postTokens ?? null;
        this.series.push(record.at, this.currentContext(), true);
        return;
      case 'api-error':
        this.activity.error(`api:${record.uuid ?? this.activity.errors}`, record.message ?? 'API error', record.at);
        return;
      case 'other':
        return;
    }
  }

  private noteLocation(cwd: string | undefined, branch: string | undefined): void {
    if (this.project === null && cwd) this.project = cwd;
    if (branch) this.gitBranch = branch;
  }

  private addAssistant(record: Extract<ClaudeRecord, { kind: 'assistant' }>, mainChain: boolean): void {
    if (record.synthetic) {
      if (record.apiError) this.activity.error(`api:${record.uuid ?? this.activity.errors}`, record.errorText ?? 'API error', record.at);
      return;
    }
    if (record.usage) this.spend.add(record.messageId, record.requestId, record.model ?? 'unknown', record.usage);
    for (const tool of record.tools) {
      if (tool.filePath) this.activity.fileModified(tool.filePath);
      if (!mainChain) continue;
      this.activity.toolCall(tool.id, tool.name);
      if (tool.todos) this.activity.setTodos(tool.todos);
    }
    if (!mainChain) return;
    if (record.messageId === undefined) this.anonymousResponses += 1;
    else this.countResponse(record.messageId, record.requestId);
    this.activity.assistantMessages = this.mainResponses.size + this.anonymousResponses;
    if (record.model) this.model = record.model;
    if (record.text) this.activity.lastAssistantText = clip(record.text);
    if (record.usage) {
      const context = record.usage.input + record.usage.cacheCreation + record.usage.cacheRead;
      this.lastContext = context;
      this.largestContext = Math.max(this.largestContext, context);
      this.series.push(record.at, context, false);
    }
  }

  private countResponse(messageId: string, requestId: string): void {
    const held = this.mainResponses.get(messageId);
    const key = responseKey(held, messageId, requestId);
    const seen = key === messageId ? held !== undefined : this.mainResponses.has(key);
    if (!seen) this.mainResponses.set(key, requestId);
  }

  private addUser(record: Extract<ClaudeRecord, { kind: 'user' }>, mainChain: boolean): void {
    for (const error of record.toolErrors) this.activity.error(`tool:${error.id}`, error.message, record.at);
    if (!mainChain) return;
    if (record.compactSummary) this.compactSummaries += 1;
    if (record.prompt) this.activity.prompt(record.prompt);
  }

  private currentContext(): number | null {
    if (this.lastContext !== null) return this.lastContext;
    return this.sawBoundary ? this.boundaryPostTokens : null;
  }

  /**
   * The window, most certain evidence first: what Claude Code itself reported (statusLine), a `[1m]`
   * model id, a context already past 200k, the model table (FORMATS.md §1.7).
   */
  private windowTokens(settings: EngineSettings, hints: SessionHints | undefined): number {
    if (hints?.windowTokens) return hints.windowTokens;
    if (this.extendedContext || this.model?.endsWith('[1m]') || this.largestContext > CLAUDE_DEFAULT_WINDOW) {
      return CLAUDE_EXTENDED_WINDOW;
    }
    return modelWindow(this.model, settings.modelWindows) ?? CLAUDE_DEFAULT_WINDOW;
  }

  core(settings: EngineSettings, hints?: SessionHints): SessionCore {
    const used = this.currentContext();
    const window = this.windowTokens(settings, hints);
    const tokens = this.spend.tokens();
    return {
      id: this.id,
      agent: 'claude-code',
      project: this.project,
      title: this.titles.custom ?? this.titles.ai ?? this.titles.summary ?? this.activity.firstUserPrompt?.slice(0, 120) ?? null,
      model: this.model,
      gitBranch: this.gitBranch,
      startedAt: this.span.iso(this.span.first),
      lastActivityAt: this.span.iso(this.span.last),
      context: {
        usedTokens: used,
        windowTokens: window,
        percent: used === null ? null : Math.min(100, (used / window) * 100),
        autoCompactAtTokens: Math.max(0, window - settings.autoCompactBufferTokens),
        // Very old versions wrote only the summary line, no boundary: count those instead, never both.
        compactions: this.compactions > 0 ? this.compactions : this.compactSummaries,
        source: used === null ? null : 'usage',
      },
      tokens,
      costUsd: this.spend.empty ? null : totalCost(this.spend.pricedByModel(), settings.prices),
      activity: this.activity.counts(),
      details: this.activity.details(),
    };
  }
}
