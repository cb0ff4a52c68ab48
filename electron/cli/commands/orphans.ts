/**
 * `headroom orphans [--kill PID ... | --kill-all] [--json]`
 *
 * Lists processes that sessions left behind (see electron/engine/orphans/detect.ts): PID, age, memory,
 * the session, the folder and the command. A dry run unless asked: `--kill PID` ends that process
 * (only if it is one of the listed leftovers), `--kill-all` ends every listed one — SIGTERM, then SIGKILL
 * after `termination.graceSeconds`. Exit codes: 0 done (or nothing found), 1 a process could not be
 * ended, 2 bad usage, 3 a PID that is not a leftover.
 */
import type { Command } from 'commander';
import type { Leftover } from '../../engine/orphans/detect';
import { endLeftover, scanLeftovers } from '../../engine/orphans/leftovers';
import { cliContext, loadSessions } from '../context';
import { UsageError } from '../errors';
import { type RootFlags, withRootFlags } from '../options';

interface OrphanFlags extends RootFlags {
  kill?: number[];
  killAll?: boolean;
  json?: boolean;
}

const pidList = (value: string, previous: number[] = []) => {
  const pid = Number(value);
  if (!Number.isInteger(pid) || pid <= 1) throw new UsageError(`--kill takes a process id, not "${value}"`);
  return [...previous, pid];
};

export function register(program: Command): void {
  withRootFlags(program.command('orphans').description('List processes that ended sessions left running (dry run); end them with --kill PID or --kill-all'))
    .option('--kill <pid>', 'end this leftover process (repeatable)', pidList)
    .option('--kill-all', 'end every leftover process listed')
    .option('--json', 'print the leftovers (and what was done) as JSON')
    .action(async (flags: OrphanFlags) => {
      if (flags.kill && flags.killAll) throw new UsageError('use either --kill PID or --kill-all, not both');
      const ctx = cliContext(flags);
      const leftovers = await scanLeftovers(await loadSessions(ctx, flags), ctx.now);
      const chosen = flags.killAll ? leftovers : (flags.kill ?? []).map((pid) => leftovers.find((l) => l.pid === pid) ?? pid);
      const strangers = chosen.filter((c): c is number => typeof c === 'number');
      if (strangers.length > 0) throw new UsageError(`${strangers.join(', ')} ${strangers.length === 1 ? 'is not a leftover process' : 'are not leftover processes'} of any session; nothing was signalled`, 3);
      const ended = [];
      for (const leftover of chosen as Leftover[]) {
        const result = await endLeftover(leftover, { graceMs: ctx.settings.termination.graceSeconds * 1000 });
        ended.push({ pid: leftover.pid, result });
        if (result.kind === 'refused' || result.kind === 'still-running') process.exitCode = 1;
      }
      if (flags.json) {
        const rows = leftovers.map(({ row: _row, ...rest }) => rest);
        return void process.stdout.write(`${JSON.stringify({ leftovers: rows, ended }, null, 2)}\n`);
      }
      process.stdout.write(table(leftovers));
      for (const { pid, result } of ended) process.stdout.write(`${pid}: ${describe(result)}\n`);
      if (leftovers.length > 0 && chosen.length === 0) process.stdout.write('Dry run: nothing was ended. End one with --kill PID, or all with --kill-all.\n');
    });
}

function table(leftovers: readonly Leftover[]): string {
  if (leftovers.length === 0) return 'No leftover processes.\n';
  const rows = leftovers.map((l) => [String(l.pid), age(l.ageMs), l.rssBytes === null ? '?' : `${Math.round(l.rssBytes / 1024 / 1024)} MB`, `${l.session.agent} ${l.session.id.slice(0, 8)}`, l.cwd, l.command]);
  const head = ['PID', 'AGE', 'MEM', 'SESSION', 'FOLDER', 'COMMAND'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

function age(ms: number | null): string {
  if (ms === null) return '?';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}h${String(minutes % 60).padStart(2, '0')}m` : `${Math.floor(hours / 24)}d`;
}

function describe(result: Awaited<ReturnType<typeof endLeftover>>): string {
  switch (result.kind) {
    case 'ended':
      return `ended (${result.signal})`;
    case 'already-gone':
      return 'had already exited';
    case 'refused':
    case 'still-running':
      return `not ended: ${result.reason}`;
  }
}
