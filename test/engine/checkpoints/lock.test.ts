import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, pidAlive, readHolder, STALE_LOCK_MS } from '../../../electron/engine/checkpoints/lock';

const T0 = Date.parse('2026-11-21T12:00:00Z');
const lockIn = () => join(mkdtempSync(join(tmpdir(), 'headroom-lock-')), 'sub', '.lock');
const holder = (over: Partial<{ pid: number; host: string; createdAt: string; token: string }> = {}) =>
  JSON.stringify({ pid: 1, host: hostname(), createdAt: new Date(T0).toISOString(), token: 'old', ...over });

describe('acquireLock', () => {
  it('gives the lock to one holder, names the holder to the next, and frees it on release', () => {
    const path = lockIn();
    const first = acquireLock(path, { now: () => T0 });
    expect(first.ok).toBe(true);
    expect(readHolder(path)).toMatchObject({ pid: process.pid, host: hostname(), createdAt: '2026-11-21T12:00:00.000Z' });
    const second = acquireLock(path, { now: () => T0 + 1000 });
    expect(second).toMatchObject({ ok: false, holder: { pid: process.pid } });
    if (first.ok) first.release();
    expect(existsSync(path)).toBe(false);
    expect(acquireLock(path, { now: () => T0 }).ok).toBe(true);
    // Only the lock itself is left: no temporary files.
    expect(readdirSync(join(path, '..'))).toEqual(['.lock']);
  });

  it('takes over a lock whose pid is dead, at once', () => {
    const path = lockIn();
    acquireLock(path); // creates the folder
    writeFileSync(path, holder({ pid: 999_999 }));
    const attempt = acquireLock(path, { now: () => T0 + 1000, isAlive: (pid) => pid !== 999_999 });
    expect(attempt).toMatchObject({ ok: true, holder: { pid: process.pid } });
  });

  it('keeps a live holder\'s lock until it is 10 minutes old, then takes it over', () => {
    const path = lockIn();
    acquireLock(path);
    writeFileSync(path, holder());
    const alive = () => true;
    expect(acquireLock(path, { now: () => T0 + STALE_LOCK_MS - 1, isAlive: alive })).toMatchObject({ ok: false, holder: { token: 'old' } });
    expect(acquireLock(path, { now: () => T0 + STALE_LOCK_MS, isAlive: alive }).ok).toBe(true);
  });

  it('trusts only age for a lock from another host, and treats garbage as stale', () => {
    const path = lockIn();
    acquireLock(path);
    writeFileSync(path, holder({ host: 'elsewhere', pid: 999_999 }));
    expect(acquireLock(path, { now: () => T0 + 60_000, isAlive: () => false }).ok).toBe(false);
    writeFileSync(path, '{"half":');
    expect(acquireLock(path, { now: () => T0 }).ok).toBe(true);
  });

  it('does not release a lock that was taken over by someone else', () => {
    const path = lockIn();
    const first = acquireLock(path, { now: () => T0 });
    const second = acquireLock(path, { now: () => T0 + STALE_LOCK_MS, isAlive: () => true });
    expect(second.ok).toBe(true);
    if (first.ok) first.release();
    expect(readHolder(path)).toMatchObject(second.ok ? { token: second.holder.token } : {});
  });

  it('clears a takeover guard left by a crash once it is stale', () => {
    const path = lockIn();
    acquireLock(path);
    writeFileSync(path, holder({ pid: 999_999 }));
    writeFileSync(`${path}.takeover`, holder({ pid: 999_998, token: 'guard' }));
    const isAlive = () => false;
    expect(acquireLock(path, { now: () => T0, isAlive }).ok).toBe(false); // guard removed, try again
    expect(existsSync(`${path}.takeover`)).toBe(false);
    expect(acquireLock(path, { now: () => T0, isAlive }).ok).toBe(true);
  });
});

describe('pidAlive', () => {
  it('knows this process is alive and a never-used pid is not', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(2 ** 22 + 12345)).toBe(false);
  });
});
