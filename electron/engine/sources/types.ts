/**
 * The contract between the engine and an agent source (Claude Code, Codex, Gemini CLI).
 *
 * A source knows three things: which files under its roots are transcripts and which session each
 * belongs to (`classify`), how to turn one line into a validated record (`parse`, which throws
 * `BadRecord`), and how to fold records into a session (`SessionAccumulator`, which never throws — so
 * a bad line can never leave a session half-updated).
 */
import type { Agent, Context, Details, Activity, Tokens } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { Json } from '../read/fields';
import type { FieldSpec } from '../read/field-spec';
import type { WalkError } from './walk';

export type FileRole = 'main' | 'sub';

export interface FileClass {
  role: FileRole;
  /** The owning session; null when only the file's records can tell (old flat Claude subagent files). */
  sessionId: string | null;
  /** Lower wins when two files claim to be the same session's main file (e.g. active vs archived). */
  priority: number;
}

/** What a source computes for a session; the engine adds files, status, process and annotations. */
export interface SessionCore {
  id: string;
  agent: Agent;
  project: string | null;
  title: string | null;
  model: string | null;
  gitBranch: string | null;
  startedAt: string | null;
  lastActivityAt: string | null;
  context: Omit<Context, 'etaMinutes'>;
  tokens: Tokens;
  costUsd: number | null;
  activity: Activity;
  details: Details;
}

export type EngineSettings = Pick<Settings, 'modelWindows' | 'prices' | 'autoCompactBufferTokens'>;

/** What the agent itself reported outside its transcript (e.g. Claude Code's statusLine), when known. */
export interface SessionHints {
  /** The context window the agent says it runs with. */
  windowTokens: number | null;
}

export interface SessionAccumulator<R> {
  add(record: R, role: FileRole, file: string): void;
  core(settings: EngineSettings, hints?: SessionHints): SessionCore;
  /** Context size after each record that changed it, for the history chart and burn rate. */
  readonly contextEvents: ContextEvent[];
}

export interface ContextEvent {
  at: number;
  usedTokens: number | null;
  compaction: boolean;
}

/**
 * Where an agent keeps its transcripts and which session each file is — all that finding the files
 * needs, without the parsers (a warm `status` loads only this).
 */
export interface SourcePlace {
  readonly agent: Agent;
  /** Default roots for this agent from the environment (e.g. CLAUDE_CONFIG_DIR, CODEX_HOME). */
  defaultRoots(env: NodeJS.ProcessEnv, home: string): string[];
  /** The folders under a root that hold transcripts, for the watcher. */
  watchPaths(root: string): string[];
  /** Transcript files under one root (absolute paths). Missing folders yield nothing. */
  listFiles(root: string, onError: WalkError): string[];
  classify(file: string, root: string): FileClass | null;
}

/** An agent's transcripts: where they are, and how their lines become records folded into sessions. */
export interface Source<R> extends SourcePlace {
  /** The session id for a file whose class left it null, from its first records. */
  sessionIdFromRecord?(record: Json): string | null;
  /** Files written whole each time (not appended), read as one JSON record; default: none. */
  wholeFile?(file: string): boolean;
  parse(record: Json): R | null;
  /** Every field `parse` and `sessionIdFromRecord` read: lines are read into just these (read/select.ts). */
  readonly fields?: FieldSpec;
  create(sessionId: string): SessionAccumulator<R>;
}
