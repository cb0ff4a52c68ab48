/**
 * Small HTTP helpers shared by the fake model servers: read a JSON body, answer JSON, stream SSE.
 *
 * The fakes speak just enough of each wire protocol for the real clients to accept the answer, so
 * these helpers stay deliberately plain (no framework, nothing a client could notice).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a request body as a JSON object; anything else becomes an empty object so a probe never crashes the fake. */
export function parseJsonObject(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers });
  response.end(body);
}

/** One server-sent event; `event` is omitted for protocols (Gemini) that only use `data:` lines. */
export interface SseEvent {
  event?: string;
  data: unknown;
}

export function sendSse(response: ServerResponse, events: SseEvent[], headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...headers });
  for (const { event, data } of events) {
    const head = event === undefined ? '' : `event: ${event}\n`;
    response.write(`${head}data: ${JSON.stringify(data)}\n\n`);
  }
  response.end();
}

/** A short random hex id, the shape all three APIs use after their prefix (msg_, resp_, call_…). */
export function randomId(prefix: string): string {
  return `${prefix}${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`;
}
