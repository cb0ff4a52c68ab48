/**
 * Folds a Gemini CLI chat into a session. Because a chat is a list that can be replaced or rewound,
 * this keeps each file's current message list (small: ids, token counts, capped texts) and derives
 * the conversation from it. Spend is different: Gemini CLI re-writes the list without token counts
 * when a chat is resumed, and a rewound reply was still paid for, so every reply ever seen is kept
 * (by id, last version wins) and summed.
 *
 * Context is the newest Gemini reply's prompt size (`tokens.input`, which includes cached tokens)
 * against the model's window. Gemini CLI compresses the chat at half of the window by default
 * (chatCompressionSettings.contextPercentageThreshold = 0.5).
 */
import { GEMINI_DEFAULT_WINDOW, modelWindow } from '../../models/windows';
import { type PricedTokens, totalCost } from '../../models/prices';
import { clip } from '../../read/fields';
import { ActivityLog, TimeSpan } from '../activity';
import { ContextSeries } from '../context-series';
import type { EngineSettings, FileRole, SessionAccumulator, SessionCore } from '../types';
import type { GeminiMessage, GeminiRecord } from './records';

const COMPRESSION_FRACTION = 0.5;

export class GeminiSession implements SessionAccumulator<GeminiRecord> {
  private readonly lists = new Map<string, GeminiMessage[]>();
  /** Every reply that carried token counts or tool calls, by id. */
  private readonly seen = new Map<string, GeminiMessage>();
  private mainFile: string | null = null;
  private project: string | null = null;
  private startedAt: number | undefined;
  private readonly series = new ContextSeries();
  private compactions = 0;

  constructor(private readonly id: string) {}

  get contextEvents() {
    return this.series.events;
  }

  add(record: GeminiRecord, role: FileRole, file: string): void {
    if (role === 'main') this.mainFile ??= file;
    const list = this.lists.get(file) ?? [];
    this.lists.set(file, list);
    switch (record.kind) {
      case 'meta':
        if (record.at !== undefined && (this.startedAt === undefined || record.at < this.startedAt)) this.startedAt = record.at;
        if (record.directories[0]) this.project ??= record.directories[0];
        return;
      case 'replace':
        this.lists.set(file, record.messages);
        record.messages.forEach((message) => this.remember(message));
        return;
      case 'rewind': {
        const index = list.findIndex((message) => message.id === record.id);
        if (index >= 0) list.length = index;
        return;
      }
      case 'message': {
        const index = list.findLastIndex((message) => message.id === record.message.id);
        if (index >= 0) list[index] = record.message;
        else list.push(record.message);
        this.remember(record.message);
        if (role === 'main' && record.message.tokens) this.series.push(record.message.at, record.message.tokens.input, false);
        if (role === 'main' && record.message.type === 'info' && /compress/i.test(record.message.text ?? '')) {
          this.compactions += 1;
        }
        return;
      }
    }
  }

  private remember(message: GeminiMessage): void {
    if (message.workspace) this.project ??= message.workspace;
    if (message.tokens || message.tools.length > 0) this.seen.set(message.id, message);
  }

  core(settings: EngineSettings): SessionCore {
    const main = this.mainFile ? (this.lists.get(this.mainFile) ?? []) : [];
    const activity = new ActivityLog();
    const span = new TimeSpan();
    span.see(this.startedAt);
    let last: GeminiMessage | undefined;
    let model: string | null = null;
    for (const message of main) {
      span.see(message.at);
      if (message.type === 'user' && message.prompt) activity.prompt(message.prompt);
      if (message.type === 'error') activity.error(`msg:${message.id}`, message.text ?? 'error', message.at);
      if (message.type !== 'gemini') continue;
      activity.assistantMessages += 1;
      if (message.text) activity.lastAssistantText = clip(message.text);
      if (message.model) model = message.model;
      // A resumed chat's list has lost its token counts; the remembered version still has them.
      const known = message.tokens ? message : this.seen.get(message.id);
      if (known?.tokens) last = known;
    }
    const byModel = new Map<string, PricedTokens>();
    const tokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 0 };
    for (const message of this.seen.values()) {
      span.see(message.at);
      for (const tool of message.tools) {
        activity.toolCall(tool.id, tool.name);
        if (tool.filePath) activity.fileModified(tool.filePath);
        if (tool.status === 'error') activity.error(`tool:${tool.id}`, `${tool.name} failed`, message.at);
      }
      if (message.type !== 'gemini' || !message.tokens) continue;
      const t = message.tokens;
      const uncached = t.input - Math.min(t.cached, t.input);
      tokens.input += uncached;
      tokens.cacheRead += t.cached;
      tokens.output += t.output;
      tokens.reasoning += t.thoughts;
      tokens.total += t.total;
      const priced = byModel.get(message.model ?? 'unknown') ?? { input: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, output: 0 };
      priced.input += uncached;
      priced.cacheRead += t.cached;
      priced.output += t.output + t.thoughts;
      byModel.set(message.model ?? 'unknown', priced);
    }
    const used = last?.tokens?.input ?? null;
    const window = modelWindow(model, settings.modelWindows) ?? GEMINI_DEFAULT_WINDOW;
    return {
      id: this.id,
      agent: 'gemini-cli',
      project: this.project,
      title: activity.firstUserPrompt?.slice(0, 120) ?? null,
      model,
      gitBranch: null,
      startedAt: span.iso(span.first),
      lastActivityAt: span.iso(span.last),
      context: {
        usedTokens: used,
        windowTokens: window,
        percent: used === null ? null : Math.min(100, (used / window) * 100),
        autoCompactAtTokens: Math.floor(window * COMPRESSION_FRACTION),
        compactions: this.compactions,
        source: used === null ? null : 'usage',
      },
      tokens,
      costUsd: byModel.size === 0 ? null : totalCost(byModel, settings.prices),
      activity: activity.counts(),
      details: activity.details(),
    };
  }
}
