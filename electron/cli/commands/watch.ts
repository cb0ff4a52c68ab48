/**
 * `headroom watch`: the live monitor in a terminal. Without --json it redraws a status table in place;
 * with --json it prints one JSON line per event (`{"event","at","session"}`), for scripts.
 * `--notify` raises desktop notifications on the same threshold transitions as the tray app, and
 * carries out termination requests (checkpoint, notification, verified signals) as the app does.
 */
import type { Command } from 'commander';
import { AlertPlanner } from '../../engine/alerts/planner';
import { NodeNotifierSink } from '../../engine/alerts/node-notifier-sink';
import { wireNotifications } from '../../engine/alerts/wire';
import { resolveDataDir } from '../../engine/data-dir';
import { Monitor, type MonitorEvents } from '../../engine/monitor';
import { report } from '../../engine/scan';
import { SettingsStore } from '../../engine/settings/store';
import { CheckpointCoordinator } from '../../engine/checkpoints/coordinator';
import { startTerminationHandler } from '../../engine/termination/start';
import { type RootFlags, rootOptions, withRootFlags } from '../options';
import { renderStatusTable } from '../views/status-table';

interface WatchFlags extends RootFlags {
  json?: boolean;
  notify?: boolean;
}

const REDRAW_MS = 250;

export function register(program: Command): void {
  withRootFlags(program.command('watch').description('Follow sessions live (a table redrawn in place, or JSON lines)'))
    .option('--json', 'print one JSON line per event instead of a table')
    .option('--notify', 'show desktop notifications when sessions cross their thresholds')
    .action(async (flags: WatchFlags) => {
      const dataDir = resolveDataDir({ explicit: flags.dataDir });
      const settingsStore = new SettingsStore(dataDir);
      const monitor = new Monitor({ ...rootOptions(flags), settings: settingsStore.get(), cacheDir: dataDir, dataDir });
      await monitor.start();
      const stops: (() => void)[] = [];
      if (flags.notify) {
        const planner = new AlertPlanner({ settings: () => settingsStore.get() });
        const sink = new NodeNotifierSink({ onError: (error) => process.stderr.write(`headroom: notification failed: ${error.message}\n`) });
        stops.push(wireNotifications(monitor, planner, sink));
        // Termination requests (from hooks, MCP, the CLI) need someone to tell: here, the notifications.
        const coordinator = new CheckpointCoordinator({ dataDir, settings: () => settingsStore.get() });
        const notify: Parameters<typeof startTerminationHandler>[0]['notify'] = (session, detail) => {
          const alert = planner.terminationRequested(session, detail);
          if (alert) sink.show(alert);
        };
        const stopTerminations = startTerminationHandler({ dataDir, monitor, coordinator, settings: () => settingsStore.get(), notify });
        stops.push(() => void stopTerminations());
      }
      stops.push(flags.json ? printEvents(monitor) : redrawTable(monitor));
      await untilInterrupted();
      stops.forEach((stop) => stop());
      await monitor.close();
    });
}

function printEvents(monitor: Monitor): () => void {
  const write = (event: keyof MonitorEvents, body: Record<string, unknown>) =>
    process.stdout.write(`${JSON.stringify({ event, at: new Date().toISOString(), ...body })}\n`);
  const added = (session: MonitorEvents['session-added'][0]) => write('session-added', { session });
  const updated = (session: MonitorEvents['session-updated'][0]) => write('session-updated', { session });
  const removed = (removed: MonitorEvents['session-removed'][0]) => write('session-removed', { key: removed.key });
  const problem = (problem: MonitorEvents['problem'][0]) => write('problem', { problem });
  monitor.on('session-added', added).on('session-updated', updated).on('session-removed', removed).on('problem', problem);
  return () => monitor.off('session-added', added).off('session-updated', updated).off('session-removed', removed).off('problem', problem);
}

function redrawTable(monitor: Monitor): () => void {
  let timer: NodeJS.Timeout | null = null;
  const draw = () => {
    timer = null;
    const now = Date.now();
    const status = report(monitor.engine, () => now);
    // Home the cursor and clear the screen, so the table replaces itself instead of scrolling.
    process.stdout.write(`\u001b[H\u001b[2J${renderStatusTable(status, { now, total: status.sessions.length, color: process.stdout.isTTY === true })}`);
  };
  const schedule = () => {
    timer ??= setTimeout(draw, REDRAW_MS);
  };
  draw();
  const tick = setInterval(schedule, 30_000);
  for (const event of ['session-added', 'session-updated', 'session-removed', 'problem'] as const) monitor.on(event, schedule);
  return () => {
    clearInterval(tick);
    if (timer) clearTimeout(timer);
    for (const event of ['session-added', 'session-updated', 'session-removed', 'problem'] as const) monitor.off(event, schedule);
  };
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
