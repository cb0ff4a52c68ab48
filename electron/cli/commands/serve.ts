/**
 * `headroom serve`: the dashboard in a browser, for machines without a tray (an SSH box, headless
 * Linux). Same engine, monitor, policies and checkpoint coordinator as the desktop app; 127.0.0.1
 * only, behind a random token printed in the URL.
 */
import type { Command } from 'commander';
import { resolveDataDir } from '../../engine/data-dir';
import { createHeadroomService } from '../../engine/service';
import { openInBrowser } from '../../server/open-browser';
import { builtRendererDir } from '../../server/renderer-dir';
import { startDashboardServer } from '../../server/serve';
import { UsageError } from '../errors';
import { type RootFlags, rootOptions, withRootFlags } from '../options';

interface ServeFlags extends RootFlags {
  port?: number;
  open?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}".`);
  return port;
}

export function register(program: Command): void {
  withRootFlags(program.command('serve').description('Serve the dashboard to a browser on 127.0.0.1 (for machines without a tray)'))
    .option('--port <n>', 'port to listen on (default: a free one)', parsePort)
    .option('--open', 'open the dashboard in the default browser')
    .action(async (flags: ServeFlags) => {
      const staticDir = builtRendererDir();
      if (staticDir === null) throw new UsageError('the dashboard is not built: run `npm run build` first.');
      const service = await createHeadroomService({ dataDir: resolveDataDir({ explicit: flags.dataDir }), ...rootOptions(flags) });
      const server = await startDashboardServer({ host: service, port: flags.port ?? 0, staticDir }).catch(async (error: unknown) => {
        await service.close();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${flags.port} is in use; choose another with --port.`);
        throw error;
      });

      process.stdout.write(`Headroom dashboard: ${server.url}\nListening on 127.0.0.1 only; the token in the URL is the key. Ctrl+C stops.\n`);
      if (flags.open) {
        const failure = await openInBrowser(server.url);
        if (failure) process.stderr.write(`headroom: could not open a browser (${failure}); open the URL above.\n`);
      }

      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      await service.close();
    });
}
