/**
 * `headroom status`: every session's context, spend and activity, as a table or as JSON
 * (the `StatusReport` schema in shared/session.ts, documented in the README).
 */
import type { Command } from 'commander';
import type { Session, StatusReport } from '../../../shared/session';
import { scanStatus } from '../../engine/scan';
import { UsageError } from '../errors';
import { type RootFlags, rootOptions, withRootFlags } from '../options';
import { renderStatusTable } from '../views/status-table';

interface StatusFlags extends RootFlags {
  json?: boolean;
  all?: boolean;
}

/** Without --all: sessions that are running, or were active in the last day. */
const RECENT_MS = 24 * 60 * 60 * 1000;

export function register(program: Command): void {
  withRootFlags(program.command('status').description('Show context usage, tokens and activity of agent sessions'))
    .option('--json', 'print the status report as JSON')
    .option('--all', 'include every session found, not only recent ones')
    .action(async (flags: StatusFlags) => {
      const now = Date.now();
      const report = await scanStatus({ ...rootOptions(flags), now: () => now });
      failOnUnreadableRoots(report);
      const shown = flags.all ? report : { ...report, sessions: report.sessions.filter((s) => isRecent(s, now)) };
      if (flags.json) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
      else process.stdout.write(renderStatusTable(shown, { now, total: report.sessions.length, color: process.stdout.isTTY === true }));
    });
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
