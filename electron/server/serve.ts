/**
 * `headroom serve`: the dashboard for machines without a tray. One HTTP server on 127.0.0.1 serves
 * the built renderer and, at `/api`, a WebSocket speaking the protocol in api-socket.ts to the same
 * ApiHost the desktop app uses (same engine, monitor, policies and checkpoint coordinator).
 *
 * Access (see access.ts): the page and the socket need the random `?token=`; the socket also needs our
 * own Origin and Host. Refusals are plain 403s; nothing a client sends can crash the server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiHost } from '../../shared/api';
import { hostAllowed, newToken, originAllowed, tokenMatches, tokenOf } from './access';
import { answer, pushMessage } from './api-socket';
import { resolveInside, sendFile } from './static-files';

export interface DashboardServerOptions {
  host: ApiHost;
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer, normally dist/renderer. */
  staticDir: string;
}

export interface DashboardServer {
  /** The URL to open, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The bind address; never a public interface. */
export const LOOPBACK = '127.0.0.1';
/** Largest message a client may send; requests are small. */
const MAX_MESSAGE_BYTES = 1024 * 1024;
/** A client this far behind skips pushes until it catches up; the next state is complete anyway. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
};

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${message}\n`);
}

function refuseUpgrade(socket: Duplex, message: string): void {
  socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${message}\n`);
}

export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const token = newToken();
  const staticDir = path.resolve(options.staticDir);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let port = 0;

  const onRequest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!hostAllowed(request, port)) return refuse(response, 403, 'Forbidden: unknown Host.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed.');
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/' || pathname === '/index.html') {
      if (!tokenMatches(token, tokenOf(request))) {
        return refuse(response, 403, 'Forbidden: open the URL that `headroom serve` printed, token included.');
      }
      const sent = await sendFile(request, response, path.join(staticDir, 'index.html'), PAGE_HEADERS);
      if (!sent) refuse(response, 500, 'The dashboard is not built: run `npm run build:renderer`.');
      return;
    }
    // Scripts and styles are the public bundle, the same for everyone: no token needed, no data inside.
    const file = resolveInside(staticDir, pathname);
    if (file === null || !(await sendFile(request, response, file))) refuse(response, 404, 'Not found.');
  };

  const server = createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      if (!response.headersSent) refuse(response, 500, error instanceof Error ? error.message : 'Server error.');
      else response.destroy();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (pathname !== '/api') return refuseUpgrade(socket, 'Not found.');
    if (!tokenMatches(token, tokenOf(request))) return refuseUpgrade(socket, 'Forbidden: bad or missing token.');
    if (!hostAllowed(request, port) || !originAllowed(request, port)) return refuseUpgrade(socket, 'Forbidden: foreign origin.');
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
  });

  sockets.on('connection', (client: WebSocket) => {
    client.on('error', () => client.terminate());
    client.on('message', (data, isBinary) => {
      if (isBinary) return client.send(JSON.stringify({ id: null, ok: false, error: 'Binary messages are not supported.' }));
      void answer(options.host.handlers, data.toString()).then((reply) => {
        if (client.readyState === client.OPEN) client.send(JSON.stringify(reply));
      });
    });
  });

  const stopPushes = options.host.onPush((channel, payload) => {
    const message = pushMessage(channel, payload);
    for (const client of sockets.clients) {
      if (client.readyState === client.OPEN && client.bufferedAmount < MAX_BUFFERED_BYTES) client.send(message);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    stopPushes();
    throw error;
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      stopPushes();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
