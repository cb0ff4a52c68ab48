/**
 * Who may use `headroom serve`: only a page loaded with the printed token, from the server's own
 * origin. Everything else is refused — and refusals, bad messages and invalid payloads never take the
 * server down.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { launchChromium } from './support/browser';
import { statusJson, type ServeProcess } from './support/headroom-cli';
import { serveWorkspace } from './support/served-dashboard';
import type { Workspace } from './support/workspace';

let workspace: Workspace;
let serve: ServeProcess;
let close = async () => {};

beforeAll(async () => {
  ({ workspace, serve, close } = await serveWorkspace());
});

afterAll(() => close());

/** Opens a socket; resolves with it once open, or with the HTTP status of the refusal. */
function connect(url: string, origin?: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

/** Sends one raw message and resolves with the next reply that is not a push. */
function exchange(socket: WebSocket, raw: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer): void => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if ('push' in message) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
    socket.send(raw);
  });
}

function getStatus(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const call = request(`${serve.origin}${path}`, { headers }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    call.once('error', reject);
    call.end();
  });
}

describe('the page', () => {
  it('needs the printed token', async () => {
    expect((await getStatus('/')).status).toBe(403);
    expect((await getStatus('/?token=wrong')).status).toBe(403);
    expect((await getStatus(`/?token=${serve.token}x`)).status).toBe(403);
    const ok = await getStatus(`/?token=${serve.token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-security-policy']).toContain("default-src 'self'");
    expect(ok.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses a foreign Host name (DNS rebinding) and paths outside the build', async () => {
    expect((await getStatus(`/?token=${serve.token}`, { Host: `attacker.example:${serve.port}` })).status).toBe(403);
    expect((await getStatus('/../../package.json')).status).toBe(404);
    expect((await getStatus('/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });
});

describe('the socket', () => {
  const api = () => `ws://127.0.0.1:${serve.port}/api`;

  it('refuses a connection without the token, with a wrong one, or from another origin', async () => {
    expect(await connect(api(), serve.origin)).toBe(403);
    expect(await connect(`${api()}?token=nope`, serve.origin)).toBe(403);
    expect(await connect(`${api()}?token=${serve.token}`)).toBe(403);
    expect(await connect(`${api()}?token=${serve.token}`, 'http://attacker.example')).toBe(403);
    expect(await connect(`${api()}?token=${serve.token}`, `http://127.0.0.1:${serve.port + 1}`)).toBe(403);
  });

  it('answers bad messages with errors and keeps serving', async () => {
    const socket = await connect(`${api()}?token=${serve.token}`, serve.origin);
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`);
    try {
      expect(await exchange(socket, 'not json')).toEqual({ id: null, ok: false, error: 'The message is not JSON.' });
      expect(await exchange(socket, JSON.stringify({ id: 1, channel: 'fs:read', request: {} }))).toEqual({ id: 1, ok: false, error: 'Unknown channel "fs:read".' });
      const invalid = await exchange(socket, JSON.stringify({ id: 2, channel: 'session:tag', request: { sessionId: 'x', tags: [''] } }));
      expect(invalid).toMatchObject({ id: 2, ok: false });
      expect(String(invalid.error)).toMatch(/^Invalid session:tag request: tags\.0: /);
      const tooLong = await exchange(socket, JSON.stringify({ id: 3, channel: 'session:detail', request: { sessionId: 'x'.repeat(201) } }));
      expect(tooLong).toMatchObject({ id: 3, ok: false });

      const state = await exchange(socket, JSON.stringify({ id: 4, channel: 'state:get' }));
      expect(state.ok).toBe(true);
      const sessions = (state.response as { sessions: { id: string }[] }).sessions;
      expect(sessions.map((session) => session.id).sort()).toEqual((await statusJson(workspace.flags)).sessions.map((session) => session.id).sort());
    } finally {
      socket.close();
    }
  });
});

describe('a page from another origin in Chromium', () => {
  let browser: Browser;
  let attacker: Server;

  beforeAll(async () => {
    browser = await launchChromium();
    // A page on another local port that knows the token and still tries to drive the API.
    attacker = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(`<!doctype html><script>
        const socket = new WebSocket('ws://127.0.0.1:${serve.port}/api?token=${serve.token}');
        socket.onopen = () => { document.title = 'open'; };
        socket.onclose = () => { document.title = 'refused'; };
      </script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('cannot open the socket even with the token', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => document.title !== '');
    expect(await page.title()).toBe('refused');
    await page.close();
  });

  it('while the dashboard’s own page connects', async () => {
    const page = await browser.newPage();
    await page.goto(serve.url);
    await page.waitForSelector('tr.session-row');
    expect(await page.$('[data-testid="connection"]')).toBeNull();
    await page.close();
  });
});
