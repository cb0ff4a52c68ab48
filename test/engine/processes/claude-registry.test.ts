/**
 * Claude Code's `sessions/<pid>.json`: what is read from it and when it is trusted. The sample is the
 * file Claude Code 2.1.197 wrote on this machine (only the ids shortened).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { belongsTo, parseRegistryEntry, readRegistry } from '../../../electron/engine/processes/claude-registry';
import { tempDir } from '../../support/paths';

const SAMPLE = '{"pid":24205,"sessionId":"463f0bf1-66e2-4bf2-95a6-020942eac5a4","cwd":"/tmp/hr-probe-BOcr/proj","startedAt":1795263458580,"procStart":"67472","version":"2.1.197","peerProtocol":1,"kind":"interactive","entrypoint":"sdk-cli","name":"proj-d3","nameSource":"derived"}';

describe('parseRegistryEntry', () => {
  it('reads the session, folder, start ticks and start time', () => {
    expect(parseRegistryEntry(SAMPLE, 24205)).toEqual({ sessionId: '463f0bf1-66e2-4bf2-95a6-020942eac5a4', cwd: '/tmp/hr-probe-BOcr/proj', procStart: '67472', startedAtMs: 1795263458580 });
  });

  it('rejects a file whose pid field names another process, and malformed files', () => {
    expect(parseRegistryEntry(SAMPLE, 24206)).toBeNull();
    expect(parseRegistryEntry('{"pid":1,', 1)).toBeNull();
    expect(parseRegistryEntry('[1]', 1)).toBeNull();
    expect(parseRegistryEntry('{"pid":1,"session_id":"legacy"}', 1)).toBeNull();
  });
});

describe('belongsTo', () => {
  const entry = parseRegistryEntry(SAMPLE, 24205)!;
  it('trusts the entry when procStart equals the process start ticks', () => {
    expect(belongsTo(entry, { ticks: '67472', startMs: null })).toBe(true);
  });
  it('rejects it when the pid now belongs to a process that started at another tick (pid reuse)', () => {
    expect(belongsTo(entry, { ticks: '99120', startMs: 1795263458000 })).toBe(false);
  });
  it('without procStart, trusts an entry written after the process started and rejects an older one', () => {
    const noTicks = { ...entry, procStart: null };
    expect(belongsTo(noTicks, { ticks: '1', startMs: 1795263458000 })).toBe(true);
    expect(belongsTo(noTicks, { ticks: '1', startMs: 1795263458580 + 60_000 })).toBe(false);
  });
});

describe('readRegistry', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const first = join(dir.path, 'one');
  const second = join(dir.path, 'two');
  mkdirSync(join(first, 'sessions'), { recursive: true });
  mkdirSync(join(second, 'sessions'), { recursive: true });
  writeFileSync(join(first, 'sessions', '24205.json'), SAMPLE.replace('"67472"', '"11"'));
  writeFileSync(join(second, 'sessions', '24205.json'), SAMPLE);

  it('skips a stale entry and takes the valid one from the next config folder', async () => {
    expect((await readRegistry([first, second], 24205, { ticks: '67472', startMs: null }))?.sessionId).toBe('463f0bf1-66e2-4bf2-95a6-020942eac5a4');
  });
  it('returns null when no folder has an entry for the pid', async () => {
    expect(await readRegistry([first, join(dir.path, 'missing')], 777, { ticks: '1', startMs: null })).toBeNull();
  });
});
