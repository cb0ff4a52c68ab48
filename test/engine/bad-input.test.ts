/**
 * Bad input never stops the engine: every kind of broken line is counted against its session and
 * skipped, the rest of the file still counts, and unreadable paths become problems.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanStatus } from '../../electron/engine/scan';
import { tempDir } from '../support/paths';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const SESSION = '11111111-2222-3333-4444-555555555555';
const base = { isSidechain: false, cwd: '/work/app', sessionId: SESSION, timestamp: '2026-11-20T10:00:00.000Z' };
const assistant = (id: string, input: number, cacheRead: number, output: number) =>
  JSON.stringify({ ...base, type: 'assistant', uuid: id, requestId: `req_${id}`, message: { id: `msg_${id}`, model: 'claude-sonnet-4-5', role: 'assistant', content: [{ type: 'text', text: 'ok' }], usage: { input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: cacheRead, output_tokens: output } } });

function writeSession(lines: (string | Buffer)[]): { claude: string; file: string } {
  const { path, cleanup } = tempDir();
  cleanups.push(cleanup);
  const dir = join(path, 'projects', '-work-app');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${SESSION}.jsonl`);
  writeFileSync(file, Buffer.concat(lines.map((line) => Buffer.concat([Buffer.isBuffer(line) ? line : Buffer.from(line), Buffer.from('\n')]))));
  return { claude: path, file };
}

const scan = (claude: string) => scanStatus({ claudeDirs: [claude], codexDirs: [claude], geminiDirs: [claude] });

describe('bad input', () => {
  it('counts and skips invalid JSON, non-objects, wrong field types and binary garbage', async () => {
    const { claude } = writeSession([
      assistant('a', 10, 1000, 5),
      '{"type":"assistant","message":',
      '[1,2,3]',
      '"just a string"',
      '42',
      JSON.stringify({ ...base, type: 'assistant', message: { id: 'm', usage: { input_tokens: 'lots' } } }),
      JSON.stringify({ ...base, type: 'assistant', message: 'not an object' }),
      JSON.stringify({ ...base, type: 'user', message: { role: 'user', content: 7 } }),
      JSON.stringify({ ...base, type: 'user', timestamp: 'yesterday', message: { role: 'user', content: 'hi' } }),
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c, 0x7b, 0x22]),
      '',
      '   ',
      assistant('b', 20, 2000, 7),
    ]);
    const report = await scan(claude);
    const session = report.sessions[0]!;
    expect(session.badLines).toBe(9);
    expect(report.problems.badLines).toBe(9);
    expect(report.problems.items).toEqual([{ kind: 'bad-lines', path: null, message: '9 transcript line(s) were not valid records and were skipped' }]);
    expect(session.context.usedTokens).toBe(2020);
    expect(session.tokens).toMatchObject({ input: 30, cacheRead: 3000, output: 12, total: 3042 });
  });

  it('skips a 50 MB single line that is not a record and still reads what follows', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 0x61);
    const { claude } = writeSession([assistant('a', 1, 100, 1), huge, assistant('b', 2, 200, 2)]);
    const session = (await scan(claude)).sessions[0]!;
    expect(session.badLines).toBe(1);
    expect(session.context.usedTokens).toBe(202);
  });

  it('reads a 50 MB single line that is a valid record', async () => {
    const big = JSON.stringify({ ...base, type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'x'.repeat(50 * 1024 * 1024) }] } });
    const { claude } = writeSession([big, assistant('a', 3, 300, 3)]);
    const session = (await scan(claude)).sessions[0]!;
    expect(session.badLines).toBe(0);
    expect(session.context.usedTokens).toBe(303);
  });

  it('reports no usage as unknown, never 0', async () => {
    const { claude } = writeSession([JSON.stringify({ ...base, type: 'user', uuid: 'u', message: { role: 'user', content: 'start' } })]);
    const session = (await scan(claude)).sessions[0]!;
    expect(session.context).toMatchObject({ usedTokens: null, percent: null, source: null });
    expect(session.costUsd).toBeNull();
  });

  it('turns an unreadable transcript into a problem and keeps going', async () => {
    const { claude } = writeSession([assistant('a', 1, 100, 1)]);
    // A folder named like a transcript cannot be read as a file (EISDIR), whoever runs the test.
    mkdirSync(join(claude, 'projects', '-work-app', '99999999-2222-3333-4444-555555555555.jsonl'));
    const report = await scan(claude);
    expect(report.sessions.map((s) => s.id)).toEqual([SESSION]);
  });

  it('reports a named folder that does not exist', async () => {
    const { path, cleanup } = tempDir();
    cleanups.push(cleanup);
    const report = await scanStatus({ claudeDirs: [join(path, 'missing')], codexDirs: [path], geminiDirs: [path] });
    expect(report.problems.items).toEqual([{ kind: 'missing-root', path: join(path, 'missing'), message: `claude-code folder not found: ${join(path, 'missing')}` }]);
  });
});
