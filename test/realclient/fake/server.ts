/**
 * The HTTP shell around a fake model API: listens on 127.0.0.1 with a random port (and, for clients run
 * in their own network namespace, on a Unix socket the namespace bridge forwards to), serves the
 * `/_control/*` endpoints, and hands everything else to the API's handler.
 *
 * Control endpoints (JSON; a list goes in `{"items": [...]}`): `POST /_control/usage` (usage object(s)
 * for the next main responses), `POST /_control/script` (reply or replies for the next main requests,
 * e.g. `{"type":"tool","name":"Bash","input":{…}}`), `POST /_control/error` (`{message}`:
 * the next main request is refused), `POST /_control/growth` (`{growth}`), `POST /_control/reset`,
 * `GET /_control/state` (turn counters and every exchange). Tests in the same process call the
 * `state` methods directly; the endpoints exist for driving a fake from a shell while debugging.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJsonObject, readBody, sendJson } from './http';
import type { FakeState, Reply } from './state';

/** One request as the client sent it, kept so a scenario can check which endpoints were hit. */
export interface RequestRecord {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

export type ApiHandler = (request: IncomingMessage, response: ServerResponse, body: Record<string, unknown>) => Promise<void> | void;

export class FakeModelServer<U> {
  readonly requests: RequestRecord[] = [];
  private readonly servers: Server[] = [];
  private socketDir: string | null = null;
  private tcpPort = 0;

  constructor(
    readonly api: string,
    readonly state: FakeState<U>,
    private readonly handler: ApiHandler,
  ) {}

  /** Starts listening on 127.0.0.1 (random port) and on a Unix socket for the network-namespace bridge. */
  async start(): Promise<this> {
    const tcp = await this.listen((server, done) => server.listen(0, '127.0.0.1', done));
    this.tcpPort = (tcp.address() as AddressInfo).port;
    this.socketDir = await mkdtemp(join(tmpdir(), `headroom-fake-${this.api}-`));
    const socketPath = this.socketPath;
    await this.listen((server, done) => server.listen(socketPath, done));
    return this;
  }

  get port(): number {
    return this.tcpPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.tcpPort}`;
  }

  get socketPath(): string {
    if (this.socketDir === null) throw new Error(`fake ${this.api} server is not started`);
    return join(this.socketDir, 'api.sock');
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((server) => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })));
    this.servers.length = 0;
    if (this.socketDir !== null) await rm(this.socketDir, { recursive: true, force: true });
  }

  private async listen(start: (server: Server, done: () => void) => void): Promise<Server> {
    const server = createServer((request, response) => {
      this.serve(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { error: { message: String(error) } });
        else response.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      start(server, resolve);
    });
    this.servers.push(server);
    return server;
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const body = parseJsonObject(await readBody(request));
    if (path.startsWith('/_control/')) {
      this.control(request.method ?? 'GET', path, body, response);
      return;
    }
    this.requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', body });
    await this.handler(request, response, body);
  }

  private control(method: string, path: string, body: Record<string, unknown>, response: ServerResponse): void {
    const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
    const payload = 'items' in body ? body['items'] : body;
    switch (`${method} ${path}`) {
      case 'POST /_control/usage':
        this.state.queueUsage(...(items(payload) as U[]));
        break;
      case 'POST /_control/script':
        this.state.queueReply(...(items(payload) as Reply[]));
        break;
      case 'POST /_control/error':
        this.state.queueError(typeof body['message'] === 'string' ? body['message'] : 'prompt is too long');
        break;
      case 'POST /_control/growth':
        if (typeof body['growth'] === 'number') this.state.growth = body['growth'];
        break;
      case 'POST /_control/reset':
        this.state.reset();
        break;
      case 'GET /_control/state':
        sendJson(response, 200, { counters: this.state.counters(), exchanges: this.state.exchanges });
        return;
      default:
        sendJson(response, 404, { error: `unknown control endpoint ${method} ${path}` });
        return;
    }
    sendJson(response, 200, { ok: true });
  }
}
