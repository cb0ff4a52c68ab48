/**
 * Serves the Vite-built renderer from `app://headroom/` instead of `file://`.
 *
 * A custom privileged scheme gives the window a real origin, so the IPC sender check can compare it,
 * `default-src 'self'` means "our files" rather than "the whole disk", and every response carries the
 * Content-Security-Policy header (Electron security checklist: "Use a custom protocol instead of
 * file://" and "Define a Content Security Policy"). Requests are confined to the renderer folder.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeOf, resolveInside } from '../server/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'headroom';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Everything from our own origin, nothing else: no remote scripts or styles, no plugins, no framing,
 * no form posts, and no sockets — the desktop window talks through IPC (the `ws://127.0.0.1` that
 * renderer/index.html allows is for `headroom serve`; both policies apply, so the stricter one wins).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for URLs of our own renderer, the only origin allowed to talk to the main process. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Must run before the app is ready: Electron only grants scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rendererDir, request.url));
}

/** The response for one `app://` URL: the file with its type and the CSP, or a 404 that names nothing. */
export async function rendererResponse(rendererDir: string, url: string): Promise<Response> {
  const pathname = isAppUrl(url) ? new URL(url).pathname : null;
  const file = pathname === null ? null : resolveInside(rendererDir, pathname === '/' ? '/index.html' : pathname);
  if (file) {
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: headers(contentTypeOf(file)) });
    } catch {
      // Fall through: a missing file and a path outside the folder look the same from the page.
    }
  }
  return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
}

function headers(contentType: string): Headers {
  return new Headers({ 'Content-Type': contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' });
}
