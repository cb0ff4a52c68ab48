/**
 * Lookups from what a process shows (an open file, a working directory) to sessions.
 *
 * Paths from the kernel are canonical (symlinks resolved) while sessions carry the paths they were
 * found under (`~/.claude` may be a link into a dotfiles repo; a project may be opened through a
 * link). Exact matches are tried first; only when they fail is the slower comparison made — by file
 * identity for transcripts, by resolved path for projects — and resolved projects are remembered
 * across calls so the cost is paid once per folder.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Agent, Session } from '../../../shared/session';

/** What matching needs of a session (the engine supplies these without building full snapshots). */
export type MatchableSession = Pick<Session, 'agent' | 'id' | 'project' | 'files' | 'startedAt' | 'lastActivityAt'>;
import type { SessionFacts } from './assign';

export const sessionKey = (session: Pick<Session, 'agent' | 'id'>) => `${session.agent}:${session.id}`;

export class SessionIndex {
  private byKey: Map<string, MatchableSession> | undefined;
  private readonly factsByKey = new Map<string, SessionFacts>();
  private byProject: Map<string, MatchableSession[]> | undefined;
  private byResolvedProject: Map<string, MatchableSession[]> | undefined;
  private byFile: Map<string, string> | undefined;

  /** Builds nothing up front: a call with no agent running (the usual case) costs no indexing. */
  constructor(
    private readonly sessions: readonly MatchableSession[],
    /** Project path → resolved path (or null when it cannot be resolved), kept by the matcher. */
    private readonly resolved: Map<string, string | null>,
  ) {}

  facts(key: string): SessionFacts | undefined {
    const cached = this.factsByKey.get(key);
    if (cached) return cached;
    this.byKey ??= new Map(this.sessions.map((session) => [sessionKey(session), session]));
    const session = this.byKey.get(key);
    return session ? this.factsOf(session) : undefined;
  }

  sessionsIn(agent: Agent, cwd: string): SessionFacts[] {
    this.byProject ??= this.groupByProject((project) => project);
    const exact = this.byProject.get(projectKey(agent, cwd));
    if (exact) return exact.map((session) => this.factsOf(session));
    this.byResolvedProject ??= this.groupByProject((project) => {
      const real = this.resolve(project);
      return real !== null && real !== project ? real : null;
    });
    return (this.byResolvedProject.get(projectKey(agent, cwd)) ?? []).map((session) => this.factsOf(session));
  }

  private factsOf(session: MatchableSession): SessionFacts {
    const key = sessionKey(session);
    let facts = this.factsByKey.get(key);
    if (!facts) {
      facts = { key, agent: session.agent, startedAtMs: parseTime(session.startedAt), lastActivityMs: parseTime(session.lastActivityAt) };
      this.factsByKey.set(key, facts);
    }
    return facts;
  }

  private groupByProject(pathOf: (project: string) => string | null): Map<string, MatchableSession[]> {
    const groups = new Map<string, MatchableSession[]>();
    for (const session of this.sessions) {
      const path = session.project === null ? null : pathOf(session.project);
      if (path !== null) push(groups, projectKey(session.agent, path), session);
    }
    return groups;
  }

  /** Session keys whose transcripts are among `paths` (files a process holds open). */
  heldBy(paths: readonly string[]): string[] {
    if (paths.length === 0) return [];
    const byFile = this.fileIndex();
    const keys: string[] = [];
    for (const path of paths) {
      const key = byFile.get(path) ?? this.sameFile(path);
      if (key !== undefined && !keys.includes(key)) keys.push(key);
    }
    return keys;
  }

  private fileIndex(): Map<string, string> {
    if (!this.byFile) {
      this.byFile = new Map();
      for (const session of this.sessions) for (const file of session.files) this.byFile.set(file, sessionKey(session));
    }
    return this.byFile;
  }

  /** A held file reached through a different path: same name and the same inode on the same device. */
  private sameFile(path: string): string | undefined {
    const name = basename(path);
    const held = identity(path);
    if (held === null) return undefined;
    for (const [file, key] of this.fileIndex()) if (basename(file) === name && identity(file) === held) return key;
    return undefined;
  }

  private resolve(project: string): string | null {
    if (!this.resolved.has(project)) {
      let real: string | null = null;
      try {
        real = realpathSync(project);
      } catch {
        // A project folder that no longer exists cannot be any process's working directory.
      }
      this.resolved.set(project, real);
    }
    return this.resolved.get(project) ?? null;
  }
}

function identity(path: string): string | null {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return null;
  }
}

function projectKey(agent: Agent, dir: string): string {
  return `${agent}\0${dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir}`;
}

function parseTime(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
