/**
 * Incremental reading: a transcript fed to the engine in random-sized pieces (cutting lines anywhere,
 * even inside a multi-byte character) gives exactly the figures of reading it whole.
 */
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { scanStatus } from '../../electron/engine/scan';
import { Random } from '../support/corpus/random';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, tempDir } from '../support/paths';

const NOW = Date.parse('2026-11-21T12:30:00Z');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function listJsonl(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.jsonl'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function setup(): { claude: string; codex: string } {
  const { path, cleanup } = tempDir();
  cleanups.push(cleanup);
  return { claude: join(path, 'claude'), codex: join(path, 'codex') };
}

describe('incremental reads', () => {
  it('random-sized appends of every fixture give the same result as one cold read', async () => {
    const dirs = setup();
    const pairs: [string, string][] = [
      ...listJsonl(CLAUDE_FIXTURES).map((file): [string, string] => [file, join(dirs.claude, relative(CLAUDE_FIXTURES, file))]),
      ...listJsonl(CODEX_FIXTURES).map((file): [string, string] => [file, join(dirs.codex, relative(CODEX_FIXTURES, file))]),
    ];
    const random = new Random(42);
    const engine = new Engine({ claudeDirs: [dirs.claude], codexDirs: [dirs.codex], geminiDirs: [join(dirs.claude, 'none')], now: () => NOW });
    const contents = pairs.map(([from]) => readFileSync(from));
    const offsets = pairs.map(() => 0);
    pairs.forEach(([, to]) => {
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, '');
    });
    await engine.scan();
    while (offsets.some((offset, i) => offset < contents[i]!.length)) {
      for (let i = 0; i < pairs.length; i += 1) {
        const content = contents[i]!;
        if (offsets[i]! >= content.length) continue;
        const size = random.int(1, Math.max(1, Math.floor(content.length / 6)));
        appendFileSync(pairs[i]![1], content.subarray(offsets[i], offsets[i]! + size));
        offsets[i]! += size;
        await engine.update(pairs[i]![1]);
      }
    }
    const cold = await scanStatus({ claudeDirs: [CLAUDE_FIXTURES], codexDirs: [CODEX_FIXTURES], geminiDirs: [join(dirs.claude, 'none')], now: () => NOW });
    const strip = (sessions: ReturnType<Engine['list']>) => sessions.map(({ files: _files, ...rest }) => rest);
    expect(strip(engine.list())).toEqual(strip(cold.sessions));
    expect(engine.problemList().badLines).toBe(0);
  });

  it('holds back a partial last line until its newline arrives', async () => {
    const dirs = setup();
    const source = listJsonl(CLAUDE_FIXTURES).find((f) => f.endsWith('6f1039d8-684a-4732-870c-c177ae095f9e.jsonl'))!;
    const target = join(dirs.claude, 'projects', 'p', '6f1039d8-684a-4732-870c-c177ae095f9e.jsonl');
    mkdirSync(dirname(target), { recursive: true });
    const lines = readFileSync(source, 'utf8').split('\n').filter(Boolean);
    const engine = new Engine({ claudeDirs: [dirs.claude], codexDirs: [join(dirs.claude, 'x')], geminiDirs: [join(dirs.claude, 'y')], now: () => NOW });
    const lastAssistant = lines.findLastIndex((line) => line.includes('"type":"assistant"'));
    writeFileSync(target, `${lines.slice(0, lastAssistant).join('\n')}\n${lines[lastAssistant]!.slice(0, 40)}`);
    await engine.scan();
    const before = engine.list()[0]!;
    expect(before.badLines).toBe(0);
    appendFileSync(target, `${lines[lastAssistant]!.slice(40)}\n`);
    await engine.update(target);
    const after = engine.list()[0]!;
    expect(after.badLines).toBe(0);
    expect(after.context.usedTokens).toBe(20_005);
    expect(after.activity.assistantMessages).toBe(before.activity.assistantMessages + 1);
  });

  it('re-reads a file that was truncated or replaced, never mixing old and new contents', async () => {
    const dirs = setup();
    const source = listJsonl(CLAUDE_FIXTURES).find((f) => f.includes('b9f31db9-7ed4-434f-ac54-639d8127e7be.jsonl'))!;
    const target = join(dirs.claude, 'projects', 'p', 'b9f31db9-7ed4-434f-ac54-639d8127e7be.jsonl');
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
    const engine = new Engine({ claudeDirs: [dirs.claude], codexDirs: [join(dirs.claude, 'x')], geminiDirs: [join(dirs.claude, 'y')], now: () => NOW });
    await engine.scan();
    expect(engine.list()[0]!.tokens.total).toBe(600_435 - 41 - 20_000 - 5);

    // Truncate to the first two lines ("hello" and its answer): the session is rebuilt from scratch.
    const firstTwo = readFileSync(source, 'utf8').split('\n').slice(0, 2).join('\n');
    const firstAnswer = readFileSync(source, 'utf8').split('\n').findIndex((l) => l.includes('"type":"assistant"'));
    truncateSync(target, 0);
    writeFileSync(target, `${readFileSync(source, 'utf8').split('\n').slice(0, firstAnswer + 1).join('\n')}\n`);
    await engine.update(target);
    expect(firstTwo.length).toBeGreaterThan(0);
    expect(engine.list()[0]!.tokens).toMatchObject({ input: 5, cacheCreation: 20_000, cacheRead: 0, output: 41 });

    // Replace the file by renaming another one over it (new inode): read again in full.
    const replacement = `${target}.tmp`;
    copyFileSync(source, replacement);
    renameSync(replacement, target);
    await engine.update(target);
    expect(engine.list()[0]!.tokens.total).toBe(600_435 - 41 - 20_000 - 5);
  });
});
