/**
 * What `headroom status` does once its flags are parsed. Loaded only when it runs (not for `--help`):
 * a warm run answered from the status cache reads the settings, annotations and cache without the
 * engine, zod or conf; a run that must read transcripts loads the engine then.
 */
import type { Session, StatusReport } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import { readAnnotations } from '../engine/annotations/read';
import type { CachedReport, WarmSession } from '../engine/cache/cached-report';
import { cachedReport } from '../engine/cache/warm-report';
import { resolveDataDir } from '../engine/data-dir';
import { filterSessions, type SessionFilter } from '../engine/policies/filters';
import type { ScanOptions } from '../engine/scan';
import { readSettingsRemembered } from '../engine/settings/remembered';
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
  /** The JSON text, whole or in chunks to write in order. */
  json(shown: readonly S[]): string | Uint8Array[];
  asReport(shown: readonly S[]): StatusReport;
}

export async function runStatus(flags: StatusFlags): Promise<void> {
  const now = Date.now();
  const dataDir = resolveDataDir({ explicit: flags.dataDir });
  const useCache = flags.cache !== false;
  const [settings, stored] = await Promise.all([readSettings(dataDir), readAnnotations(dataDir)]);
  // A Map: looking a session id up in a plain object would intern each of thousands of ids.
  const annotations = new Map(Object.entries(stored));
  const options: ScanOptions = {
    ...rootOptions(flags),
    settings,
    now: () => now,
    annotate: annotations.size === 0 ? undefined : (_agent, id) => annotations.get(id) ?? null,
    dataDir,
    cacheDir: useCache ? dataDir : undefined,
    onCacheProblem: (reason) => process.stderr.write(`headroom: ${reason}\n`),
  };
  const warm = useCache ? await cachedReport(options, dataDir) : null;
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
    const json = report.json(shown);
    for (const chunk of typeof json === 'string' ? [json] : json) process.stdout.write(chunk);
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
/**
 * The settings, validated — remembered between runs even with --no-cache: that flag is about the
 * transcripts, and a remembered validation is exact (same file text, same build) while validating
 * again means loading zod, a visible share of a cold scan.
 */
async function readSettings(dataDir: string): Promise<Settings> {
  return (await readSettingsRemembered(dataDir)).settings;
}
