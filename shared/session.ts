/**
 * The session snapshot: what Headroom knows about one agent session.
 *
 * This is a public interface — `headroom status --json` prints it, the dashboard renders it, the MCP
 * server and the Prometheus exporter read it. Fields are only ever added, never renamed; the README
 * documents every one. Unknown values are `null`, never a made-up 0.
 */
import { z } from 'zod';
import { AGENTS, SESSION_STATUSES } from './names';

export { AGENTS } from './names';
export const AgentSchema = z.enum(AGENTS);
export type Agent = z.infer<typeof AgentSchema>;

/** `usage`: exact figures the agent recorded; `estimate`: counted with a tokenizer (no usage on disk). */
export const ContextSourceSchema = z.enum(['usage', 'estimate']);
export type ContextSource = z.infer<typeof ContextSourceSchema>;

export const SessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

const count = z.number().int().nonnegative();
const isoTime = z.iso.datetime({ offset: true });

export const ContextSchema = z.object({
  /** Tokens in the context window right now, as the agent counts them; null before the first usage record. */
  usedTokens: count.nullable(),
  windowTokens: count.nullable(),
  /** usedTokens / windowTokens × 100 (Codex: its own baseline-adjusted "% used"), unrounded. */
  percent: z.number().min(0).max(100).nullable(),
  /** Where the agent compacts on its own. */
  autoCompactAtTokens: count.nullable(),
  compactions: count,
  source: ContextSourceSchema.nullable(),
  /** Minutes until `autoCompactAtTokens` at the recent burn rate; null when not growing or unknown. */
  etaMinutes: z.number().nonnegative().nullable(),
});
export type Context = z.infer<typeof ContextSchema>;

export const TokensSchema = z.object({
  input: count,
  output: count,
  cacheCreation: count,
  cacheRead: count,
  reasoning: count,
  total: count,
});
export type Tokens = z.infer<typeof TokensSchema>;

export const ActivitySchema = z.object({
  userMessages: count,
  assistantMessages: count,
  toolCalls: count,
  filesModified: count,
  errors: count,
});
export type Activity = z.infer<typeof ActivitySchema>;

export const TodoSchema = z.object({
  content: z.string(),
  status: z.string(),
});
export type Todo = z.infer<typeof TodoSchema>;

/** What a handoff or the detail view needs beyond the counters; every list is capped. */
export const DetailsSchema = z.object({
  firstPrompt: z.string().nullable(),
  lastUserPrompt: z.string().nullable(),
  lastAssistantText: z.string().nullable(),
  recentPrompts: z.array(z.string()),
  todos: z.array(TodoSchema),
  filesModified: z.array(z.string()),
  toolCounts: z.record(z.string(), count),
  recentErrors: z.array(z.string()),
});
export type Details = z.infer<typeof DetailsSchema>;

export const ProcessInfoSchema = z.object({
  rssBytes: count.nullable(),
  cpuPercent: z.number().nonnegative().nullable(),
});
export type ProcessInfo = z.infer<typeof ProcessInfoSchema>;

export const SessionSchema = z.object({
  id: z.string().min(1),
  agent: AgentSchema,
  /** The working directory the agent ran in. */
  project: z.string().nullable(),
  title: z.string().nullable(),
  model: z.string().nullable(),
  gitBranch: z.string().nullable(),
  startedAt: isoTime.nullable(),
  lastActivityAt: isoTime.nullable(),
  /** Transcript files, the main one first. */
  files: z.array(z.string()),
  /** Lines that were not valid records and were skipped. */
  badLines: count,
  status: SessionStatusSchema,
  pid: z.number().int().positive().nullable(),
  process: ProcessInfoSchema.nullable(),
  context: ContextSchema,
  tokens: TokensSchema,
  /** From the bundled price table; null when the model's price is unknown. */
  costUsd: z.number().nonnegative().nullable(),
  activity: ActivitySchema,
  details: DetailsSchema,
  /** User-assigned labels and project name (stored by Headroom, never in the transcript). */
  tags: z.array(z.string()),
  projectName: z.string().nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

export const ProblemSchema = z.object({
  kind: z.enum(['missing-root', 'unreadable', 'bad-lines', 'watch', 'cache', 'process']),
  path: z.string().nullable(),
  message: z.string(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const ProblemsSchema = z.object({
  /** Bad lines across all sessions. */
  badLines: count,
  items: z.array(ProblemSchema),
});
export type Problems = z.infer<typeof ProblemsSchema>;

/** `headroom status --json`. */
export const StatusReportSchema = z.object({
  version: z.literal(1),
  generatedAt: isoTime,
  sessions: z.array(SessionSchema),
  problems: ProblemsSchema,
});
export type StatusReport = z.infer<typeof StatusReportSchema>;
