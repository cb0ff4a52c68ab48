/**
 * The Prometheus endpoint: `GET /metrics` on 127.0.0.1 only, in the text exposition format, from
 * ./metrics-registry.ts. Prometheus, VictoriaMetrics or Grafana Agent scrape it; Headroom runs no
 * server of its own beyond this. Anything but GET/HEAD of /metrics gets a plain 404 or 405.
 *
 * Started by `headroom metrics`, and by the engine host when `metrics.enabled` is on in the settings
 * (`metricsSwitch`, which follows the setting and the port as they change).
 */
import { createServer, type Server } from 'node:http';
import type { Settings } from '../../shared/settings';
import { createMetrics, type HeadroomMetrics, type MetricsSource } from './metrics-registry';

export interface MetricsServer {
  url: string;
  port: number;
  metrics: HeadroomMetrics;
  close(): Promise<void>;
}

export interface MetricsServerOptions {
  source: MetricsSource;
  settings: () => Settings;
  /** 0 picks a free port. */
  port: number;
  now?: () => number;
  retentionMs?: number;
}

export const METRICS_HOST = '127.0.0.1';

export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const metrics = createMetrics(options.source, { settings: options.settings, now: options.now, retentionMs: options.retentionMs });
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/metrics') return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: Headroom serves /metrics\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed\n');
    metrics.sync();
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(request.method === 'HEAD' ? undefined : text),
      (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
  try {
    await listen(server, options.port);
  } catch (error) {
    metrics.close();
    throw error;
  }
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${METRICS_HOST}:${port}/metrics`,
    port,
    metrics,
    async close() {
      metrics.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, METRICS_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Runs the endpoint while `metrics.enabled` is on, on `metrics.port`: `apply` is called with each new
 * settings value and starts, stops or moves the server to match. A failure (the port is taken) is
 * reported, not thrown: the app keeps running without metrics.
 */
export function metricsSwitch(source: MetricsSource, settings: () => Settings, onError: (message: string) => void) {
  let running: { port: number; server: Promise<MetricsServer | null> } | null = null;
  const stop = async () => {
    const current = running;
    running = null;
    const server = await current?.server;
    await server?.close();
  };
  return {
    async apply(next: Settings): Promise<void> {
      const wanted = next.metrics.enabled ? next.metrics.port : null;
      if (running?.port === wanted) return;
      await stop();
      if (wanted === null) return;
      running = {
        port: wanted,
        server: startMetricsServer({ source, settings, port: wanted }).catch((error: NodeJS.ErrnoException) => {
          onError(error.code === 'EADDRINUSE' ? `metrics: port ${wanted} on ${METRICS_HOST} is in use; choose another with metrics.port` : `metrics: ${error.message}`);
          return null;
        }),
      };
      await running.server;
    },
    close: stop,
  };
}
