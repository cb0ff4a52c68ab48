/**
 * What `headroom status` does once its flags are parsed. Loaded only when it runs (not for `--help`),
 * and it loads what it needs as it goes: a warm run answered from the status cache reads the settings,
 * annotations and cache without the engine, zod or conf; only a run that must read transcripts loads
 * the engine.
 */
import type { Session, StatusReport } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import type { CachedReport, WarmSession } from '../engine/cache/cached-report';
import { resolveDataDir } from '../engine/data-dir';
import { filterSessions, type SessionFilter } from '../engine/policies/filters';
import type { ScanOptions } from '../engine/scan';
import { UsageError } from './errors';
import { type RootFlags, rootOptions } from './options';
import { agentFlag, statusFlag } from './status-flags';

export interface StatusFlags extends RootFlags {
  json?: boolean;
  all?: boolean;
  tag?: string[];
  project?: string;
  agent?: string;
  status?: string;
  cache?: boolean;
}

/** Without --all: sessions that are running, or were active in the last day. */
const RECENT_MS = 24 * 60 * 60 * 1000;

type Listed = Pick<Session, 'tags' | 'projectName' | 'project' | 'agent' | 'status' | 'lastActivityAt'>;

/** A report as the command prints it: the scanned one, or one answered from the status cache. */
interface Printable<S extends Listed> {
  problems: StatusReport['problems'];
  sessions: S[];
  json(shown: readonly S[]): string | Uint8Array;
  asReport(shown: readonly S[]): StatusReport;
}

export async function runStatus(flags: StatusFlags): Promise<void> {
  const now = Date.now();
  const dataDir = resolveDataDir({ explicit: flags.dataDir });
  const useCache = flags.cache !== false;
  const [settings, annotations] = await Promise.all([readSettings(dataDir, useCache), readAnnotationMap(dataDir)]);
  const options: ScanOptions = {
    ...rootOptions(flags),
    settings,
    now: () => now,
    annotate: (_agent, id) => (Object.hasOwn(annotations, id) ? annotations[id]! : null),
    dataDir,
    cacheDir: useCache ? dataDir : undefined,
    onCacheProblem: (reason) => process.stderr.write(`headroom: ${reason}\n`),
  };
  const warm = useCache ? await (await import('../engine/cache/warm-report')).cachedReport(options, dataDir) : null;
  if (warm) await print(fromCache(warm), flags, now);
  else await print(fromScan(await (await import('../engine/scan')).scanStatus(options)), flags, now);
}

async function print<S extends Listed>(report: Printable<S>, flags: StatusFlags, now: number): Promise<void> {
  const missing = report.problems.items.filter((p) => p.kind === 'missing-root');
  // A folder the user named that cannot be read at all is an error, not an empty result.
  if (missing.length > 0) throw new UsageError(missing.map((p) => p.message).join('\n'));
  const filter: SessionFilter = { tags: flags.tag, project: flags.project, agent: agentFlag(flags.agent), status: statusFlag(flags.status) };
  const filtered = filterSessions(report.sessions, filter);
  const shown = flags.all ? filtered : filtered.filter((s) => isRecent(s, now));
  if (flags.json) {
    process.stdout.write(report.json(shown));
    return;
  }
  const { renderStatusTable } = await import('./views/status-table');
  process.stdout.write(renderStatusTable(report.asReport(shown), { now, total: filtered.length, color: process.stdout.isTTY === true }));
}

function fromScan(report: StatusReport): Printable<Session> {
  const withSessions = (shown: readonly Session[]) => ({ ...report, sessions: [...shown] });
  return { ...report, json: (shown) => `${JSON.stringify(withSessions(shown), null, 2)}\n`, asReport: withSessions };
}

function fromCache(report: CachedReport): Printable<WarmSession> {
  return {
    problems: report.problems,
    sessions: report.sessions,
    json: (shown) => report.json(shown),
    asReport: (shown) => ({ version: 1, generatedAt: report.generatedAt, sessions: shown.map((s) => report.session(s)), problems: report.problems }),
  };
}

function isRecent(session: Listed, now: number): boolean {
  if (session.status === 'running') return true;
  return session.lastActivityAt !== null && now - Date.parse(session.lastActivityAt) < RECENT_MS;
}

/** The settings as SettingsStore reads them; remembered between runs unless caches are off. */
async function readSettings(dataDir: string, remembered: boolean): Promise<Settings> {
  if (remembered) return (await (await import('../engine/settings/remembered')).readSettingsRemembered(dataDir)).settings;
  return (await import('../engine/settings/validate')).readSettingsFile(dataDir).settings;
}

async function readAnnotationMap(dataDir: string) {
  return (await import('../engine/annotations/read')).readAnnotations(dataDir);
}
