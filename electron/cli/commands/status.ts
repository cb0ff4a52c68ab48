/**
 * `headroom status`: every session's context, spend and activity, as a table or as JSON
 * (the `StatusReport` schema in shared/session.ts, documented in the README).
 */
import type { Command } from 'commander';
import { AGENTS, SessionStatusSchema, type Agent, type Session, type SessionStatus, type StatusReport } from '../../../shared/session';
import { AnnotationStore, EMPTY_ANNOTATION } from '../../engine/annotations/store';
import { resolveDataDir } from '../../engine/data-dir';
import { filterSessions } from '../../engine/policies/filters';
import { scanStatus } from '../../engine/scan';
import { SettingsStore } from '../../engine/settings/store';
import { UsageError } from '../errors';
import { type RootFlags, rootOptions, withRootFlags } from '../options';
import { renderStatusTable } from '../views/status-table';

interface StatusFlags extends RootFlags {
  json?: boolean;
  all?: boolean;
  tag?: string[];
  project?: string;
  agent?: string;
  status?: string;
  cache?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Without --all: sessions that are running, or were active in the last day. */
const RECENT_MS = 24 * 60 * 60 * 1000;

export function register(program: Command): void {
  withRootFlags(program.command('status').description('Show context usage, tokens and activity of agent sessions'))
    .option('--json', 'print the status report as JSON')
    .option('--all', 'include every session found, not only recent ones')
    .option('--tag <tag>', 'only sessions with this tag (repeatable: all must match)', collect)
    .option('--project <name>', 'only sessions of this project (name, folder or path)')
    .option('--agent <agent>', `only sessions of this agent (${AGENTS.join(', ')})`)
    .option('--status <status>', 'only sessions with this status (running, idle, ended)')
    .option('--no-cache', 'read every transcript again instead of starting from the warm-start cache')
    .action(async (flags: StatusFlags) => {
      const now = Date.now();
      const dataDir = resolveDataDir({ explicit: flags.dataDir });
      const annotations = new AnnotationStore(dataDir).load().sessions;
      const settings = new SettingsStore(dataDir).get();
      const report = await scanStatus({
        ...rootOptions(flags),
        settings,
        now: () => now,
        annotate: (_agent, id) => annotations[id] ?? EMPTY_ANNOTATION,
        dataDir,
        cacheDir: flags.cache === false ? undefined : dataDir,
        onCacheProblem: (reason) => process.stderr.write(`headroom: ${reason}\n`),
      });
      failOnUnreadableRoots(report);
      const filtered = filterSessions(report.sessions, { tags: flags.tag, project: flags.project, agent: agentFlag(flags.agent), status: statusFlag(flags.status) });
      const shown = { ...report, sessions: flags.all ? filtered : filtered.filter((s) => isRecent(s, now)) };
      if (flags.json) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
      else process.stdout.write(renderStatusTable(shown, { now, total: filtered.length, color: process.stdout.isTTY === true }));
    });
}

function agentFlag(value: string | undefined): Agent | undefined {
  if (value === undefined) return undefined;
  if ((AGENTS as readonly string[]).includes(value)) return value as Agent;
  throw new UsageError(`unknown agent "${value}" (expected one of: ${AGENTS.join(', ')})`);
}

function statusFlag(value: string | undefined): SessionStatus | undefined {
  if (value === undefined) return undefined;
  const parsed = SessionStatusSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(`unknown status "${value}" (expected one of: ${SessionStatusSchema.options.join(', ')})`);
}

function isRecent(session: Session, now: number): boolean {
  if (session.status === 'running') return true;
  return session.lastActivityAt !== null && now - Date.parse(session.lastActivityAt) < RECENT_MS;
}

/** A folder the user named that cannot be read at all is an error, not an empty result. */
function failOnUnreadableRoots(report: StatusReport): void {
  const missing = report.problems.items.filter((p) => p.kind === 'missing-root');
  if (missing.length > 0) throw new UsageError(missing.map((p) => p.message).join('\n'));
}
