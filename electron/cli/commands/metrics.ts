/**
 * `headroom metrics [--port N]`: the Prometheus endpoint (`/metrics` on 127.0.0.1) for the sessions of
 * this machine, from a live monitor. The port defaults to `metrics.port` from the settings (9464).
 */
import type { Command } from 'commander';
import { resolveDataDir } from '../../engine/data-dir';
import { createHeadroomService } from '../../engine/service';
import { SettingsStore } from '../../engine/settings/store';
import { startMetricsServer } from '../../server/metrics';
import { UsageError } from '../errors';
import { type RootFlags, rootOptions, withRootFlags } from '../options';

interface MetricsFlags extends RootFlags {
  port?: number;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}".`);
  return port;
}

export function register(program: Command): void {
  withRootFlags(program.command('metrics').description('Serve Prometheus metrics on 127.0.0.1 (context, tokens, checkpoints, threshold crossings per session)'))
    .option('--port <n>', 'port to listen on (default: metrics.port from the settings, 9464; 0 = a free one)', parsePort)
    .action(async (flags: MetricsFlags) => {
      const dataDir = resolveDataDir({ explicit: flags.dataDir });
      const settingsStore = new SettingsStore(dataDir);
      const port = flags.port ?? settingsStore.get().metrics.port;
      const service = await createHeadroomService({ dataDir, ...rootOptions(flags), metricsEndpoint: false });
      const server = await startMetricsServer({ source: service, settings: () => settingsStore.get(), port }).catch(async (error: NodeJS.ErrnoException) => {
        await service.close();
        if (error.code === 'EADDRINUSE') throw new UsageError(`port ${port} on 127.0.0.1 is in use; choose another with --port`, 1);
        throw error;
      });
      process.stdout.write(`Headroom metrics: ${server.url}\nListening on 127.0.0.1 only. Ctrl+C stops.\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      await service.close();
    });
}
