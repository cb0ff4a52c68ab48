/**
 * Who may use the dashboard: whoever has the URL `headroom serve` printed. The token is 192 random
 * bits; it travels in the query string (the page sends `Referrer-Policy: no-referrer`, so it does not
 * leak through links) and is compared in constant time. The socket also checks Origin and Host, so a
 * web page elsewhere — or a DNS-rebound name for 127.0.0.1 — cannot drive the API even from this machine.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token in a request's `?token=`, or null. */
export function tokenOf(request: IncomingMessage): string | null {
  return new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token');
}

/** The names the page may be loaded under: the loopback address we bind, and `localhost`. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The Host header names this server (not a rebound domain). */
export function hostAllowed(request: IncomingMessage, port: number): boolean {
  return allowedHosts(port).includes(request.headers.host ?? '');
}

/** A socket may only be opened by our own page: Origin must be this server's origin. */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  return origin !== undefined && allowedHosts(port).some((host) => origin === `http://${host}`);
}
