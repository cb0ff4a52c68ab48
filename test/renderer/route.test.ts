import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../renderer/app/use-route';
import { socketUrlFor } from '../../renderer/bridges/websocket';

describe('hash routes', () => {
  it('round-trips every view, session ids with any characters included', () => {
    for (const route of [{ view: 'overview' }, { view: 'settings' }, { view: 'session', sessionId: 'rollout/2026 11#x?y' }] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });

  it('falls back to the overview for anything else', () => {
    expect(parseRoute('')).toEqual({ view: 'overview' });
    expect(parseRoute('#/nowhere')).toEqual({ view: 'overview' });
    expect(parseRoute('#/session/%E0%A4%A')).toEqual({ view: 'overview' });
  });
});

describe('socketUrlFor', () => {
  it('carries the page token to the socket on the same host', () => {
    expect(socketUrlFor({ protocol: 'http:', host: '127.0.0.1:4321', search: '?token=a+b/c' })).toBe('ws://127.0.0.1:4321/api?token=a%20b%2Fc');
    expect(socketUrlFor({ protocol: 'https:', host: 'example.test', search: '' })).toBe('wss://example.test/api?token=');
  });
});
