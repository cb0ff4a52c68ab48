/**
 * What the session commands share: the data dir, the settings (with their problems reported once on
 * stderr), the annotations, a scan of the sessions with annotations merged, and finding the session a
 * command is about (by id or id prefix, by working directory, or the latest).
 */
import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Session } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import { AnnotationStore } from '../engine/annotations/store';
import { CheckpointCoordinator } from '../engine/checkpoints/coordinator';
import { resolveDataDir } from '../engine/data-dir';
import { scanStatus } from '../engine/scan';
import { readSettingsFile } from '../engine/settings/validate';
import { UsageError } from './errors';
import { type RootFlags, rootOptions } from './options';

export interface CliContext {
  dataDir: string;
  settings: Settings;
  annotations: AnnotationStore;
  checkpoints: CheckpointCoordinator;
  now: number;
}

export function cliContext(flags: RootFlags, stderr: (text: string) => void = (t) => process.stderr.write(t)): CliContext {
  const dataDir = resolveDataDir({ explicit: flags.dataDir });
  // Read without conf (which loads ajv for a schema it is not given): these commands only read settings.
  const { settings, issues } = readSettingsFile(dataDir);
  for (const issue of issues) stderr(`headroom: settings${issue.key ? ` ${issue.key}` : ''}: ${issue.message} (using the default)\n`);
  const now = Date.now();
  return {
    dataDir,
    settings,
    annotations: new AnnotationStore(dataDir),
    checkpoints: new CheckpointCoordinator({ dataDir, settings: () => settings }),
    now,
  };
}

/** Every session under the roots, with the user's tags and project names. */
export async function loadSessions(ctx: CliContext, flags: RootFlags): Promise<Session[]> {
  const report = await scanStatus({
    ...rootOptions(flags),
    settings: ctx.settings,
    now: () => ctx.now,
    annotate: ctx.annotations.annotator(),
    dataDir: ctx.dataDir,
  });
  const missing = report.problems.items.filter((p) => p.kind === 'missing-root');
  if (missing.length > 0) throw new UsageError(missing.map((p) => p.message).join('\n'));
  return report.sessions;
}

export interface SessionSelector {
  id?: string | undefined;
  cwd?: string | undefined;
  latest?: boolean | undefined;
}

/** Id prefixes shorter than this could match too much by accident. */
const MIN_PREFIX = 4;

/**
 * The session a command is about. An id may be a unique prefix; `cwd` picks the most recently active
 * session whose project is that folder (or contains it); `latest` the most recently active overall.
 */
export function findSession(sessions: readonly Session[], selector: SessionSelector): Session {
  if (selector.id) return byId(sessions, selector.id);
  if (selector.cwd) {
    const dir = canonical(selector.cwd);
    const inside = sessions.filter((s) => s.project && (dir === canonical(s.project) || dir.startsWith(canonical(s.project) + sep)));
    const found = mostRecent(inside);
    if (!found) throw new UsageError(`no session found for the folder ${dir}`, 3);
    return found;
  }
  if (selector.latest) {
    const found = mostRecent(sessions);
    if (!found) throw new UsageError('no sessions found', 3);
    return found;
  }
  throw new UsageError('name a session: <sessionId>, --cwd DIR or --latest');
}

function byId(sessions: readonly Session[], id: string): Session {
  const exact = sessions.find((s) => s.id === id);
  if (exact) return exact;
  const matches = id.length >= MIN_PREFIX ? sessions.filter((s) => s.id.startsWith(id)) : [];
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new UsageError(`"${id}" matches ${matches.length} sessions: ${matches.slice(0, 5).map((s) => s.id).join(', ')}${matches.length > 5 ? ', …' : ''}`, 3);
  }
  throw new UsageError(`no session with id "${id}"${id.length < MIN_PREFIX ? ` (an id prefix needs at least ${MIN_PREFIX} characters)` : ''}`, 3);
}

function mostRecent(sessions: readonly Session[]): Session | undefined {
  const time = (s: Session) => (s.lastActivityAt ? Date.parse(s.lastActivityAt) : -Infinity);
  return [...sessions].sort((a, b) => time(b) - time(a))[0];
}

function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}
