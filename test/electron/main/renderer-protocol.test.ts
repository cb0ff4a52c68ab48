import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, rendererResponse } from '../../../electron/main/renderer-protocol';
import { tempDir } from '../../support/paths';

vi.mock('electron', () => import('../support/electron-mock'));

let root: ReturnType<typeof tempDir>;
let rendererDir: string;

beforeAll(() => {
  root = tempDir();
  rendererDir = path.join(root.path, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Headroom</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-1a2b.js'), 'console.log(1)');
  writeFileSync(path.join(rendererDir, 'assets', 'font.WOFF2'), 'w');
  // A secret beside the renderer folder, to prove requests cannot climb out of it.
  writeFileSync(path.join(root.path, 'secret.txt'), 'do not serve');
  writeFileSync(path.join(root.path, 'renderer-evil.txt'), 'do not serve either');
});
afterAll(() => root.cleanup());

describe('rendererResponse', () => {
  it('serves the entry page with its type, the CSP and nosniff', async () => {
    const response = await rendererResponse(rendererDir, 'app://headroom/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Headroom</title>');
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    expect(headers).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    });
  });

  it.each([
    ['app://headroom/', 'text/html; charset=utf-8'],
    ['app://headroom/assets/index-1a2b.js?v=2', 'text/javascript; charset=utf-8'],
    ['app://headroom/assets/font.WOFF2', 'font/woff2'],
  ])('%s is served as %s', async (url, type) => {
    const response = await rendererResponse(rendererDir, url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it.each([
    'app://headroom/../secret.txt',
    'app://headroom/%2e%2e/secret.txt',
    'app://headroom/%2E%2E%2Fsecret.txt',
    'app://headroom/..%5csecret.txt',
    'app://headroom/../renderer-evil.txt',
    'app://headroom/index.html%00.js',
    'app://headroom/%E0%A4%A',
    'app://headroom/missing.js',
    'app://other/index.html',
    'https://headroom/index.html',
  ])('%s is a 404 that still carries the CSP', async (url) => {
    const response = await rendererResponse(rendererDir, url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the CSP and the origin', () => {
  it('allows our own origin only: no inline or remote script, no sockets, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it.each([
    ['app://headroom/index.html#/settings', true],
    ['app://headroom', true],
    ['app://headroom.evil/index.html', false],
    ['app://evil/headroom', false],
    ['file:///app/index.html', false],
    ['http://headroom/', false],
    ['not a url', false],
  ])('isAppUrl(%s) is %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});
