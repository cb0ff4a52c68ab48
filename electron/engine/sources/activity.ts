/**
 * Activity bookkeeping shared by every agent source: counters plus the few pieces of text a handoff
 * needs. Everything kept here is capped, so a session's memory does not grow with its transcript.
 */
import type { Activity, Details, Todo } from '../../../shared/session';
import { clip } from '../read/fields';

const RECENT_PROMPTS = 10;
const RECENT_ERRORS = 5;
const MAX_FILES = 200;

/** Prompts the user typed: a count plus the first and the most recent texts. */
export class PromptLog {
  count = 0;
  first: string | null = null;
  recent: string[] = [];

  add(text: string): void {
    this.count += 1;
    const kept = clip(text);
    this.first ??= kept;
    // In place: every prompt comes through here, and a copy of the list per prompt is garbage.
    this.recent.push(kept);
    if (this.recent.length > RECENT_PROMPTS) this.recent.shift();
  }
}

interface RecentError {
  at: number;
  message: string;
}

const compareErrors = (a: RecentError, b: RecentError): number => a.at - b.at || a.message.localeCompare(b.message);

export class ActivityLog {
  readonly prompts = new PromptLog();
  assistantMessages = 0;
  errors = 0;
  private readonly toolIds = new Set<string>();
  private readonly toolCounts = new Map<string, number>();
  private readonly files = new Set<string>();
  private readonly errorKeys = new Set<string>();
  private readonly recentErrors: RecentError[] = [];
  private todos: Todo[] = [];
  lastAssistantText: string | null = null;

  /** Counts a tool call once per id (streamed responses repeat their blocks). */
  toolCall(id: string, name: string): void {
    if (this.toolIds.has(id)) return;
    this.toolIds.add(id);
    this.toolCounts.set(name, (this.toolCounts.get(name) ?? 0) + 1);
  }

  fileModified(path: string): void {
    this.files.add(path);
  }

  /**
   * Counts an error once per key (a tool-use id, or a record uuid). The latest few messages are kept
   * in time order, so the list does not depend on which of a session's files was read first.
   */
  error(key: string, message: string | null, at = 0): void {
    if (this.errorKeys.has(key)) return;
    this.errorKeys.add(key);
    this.errors += 1;
    if (message) this.keepRecentError({ at, message: clip(message, 300) });
  }

  /**
   * Inserts in (time, text) order, after any equal entry — where a stable sort of the list plus the
   * new entry would put it — and drops the oldest past the limit; in place, with no copy per error.
   */
  private keepRecentError(error: RecentError): void {
    const list = this.recentErrors;
    let index = list.length;
    while (index > 0 && compareErrors(list[index - 1]!, error) > 0) index -= 1;
    list.splice(index, 0, error);
    if (list.length > RECENT_ERRORS) list.shift();
  }

  prompt(text: string): void {
    this.prompts.add(text);
  }

  setTodos(todos: Todo[]): void {
    this.todos = todos;
  }

  /** `prompts` lets a source choose between two ways of spotting prompts (see the Codex source). */
  counts(prompts: PromptLog = this.prompts): Activity {
    return {
      userMessages: prompts.count,
      assistantMessages: this.assistantMessages,
      toolCalls: this.toolIds.size,
      filesModified: this.files.size,
      errors: this.errors,
    };
  }

  get firstUserPrompt(): string | null {
    return this.prompts.first;
  }

  details(prompts: PromptLog = this.prompts): Details {
    const files = [...this.files].sort();
    return {
      firstPrompt: prompts.first,
      lastUserPrompt: prompts.recent.at(-1) ?? null,
      lastAssistantText: this.lastAssistantText,
      // A copy: the log's list changes in place as prompts arrive, a snapshot must not.
      recentPrompts: [...prompts.recent],
      todos: this.todos,
      filesModified: files.length > MAX_FILES ? files.slice(-MAX_FILES) : files,
      toolCounts: Object.fromEntries(this.toolCounts),
      recentErrors: this.recentErrors.map((error) => error.message),
    };
  }
}

/** Earliest and latest record time of a session. */
export class TimeSpan {
  first: number | null = null;
  last: number | null = null;

  see(ms: number | undefined): void {
    if (ms === undefined) return;
    if (this.first === null || ms < this.first) this.first = ms;
    if (this.last === null || ms > this.last) this.last = ms;
  }

  iso(ms: number | null): string | null {
    return ms === null ? null : new Date(ms).toISOString();
  }
}
