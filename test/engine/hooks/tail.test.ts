/**
 * Reading a transcript backwards: every complete line exactly once, newest first, whatever the window
 * size (windows of a few bytes force many re-reads across line boundaries); the line still being
 * written is never returned; the search stops at the byte limit.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanBackwards } from '../../../electron/engine/hooks/tail';
import { tempDir } from '../../support/paths';

const dir = tempDir();
afterAll(() => dir.cleanup());
let files = 0;

function file(content: string): string {
  const path = join(dir.path, `${(files += 1)}.jsonl`);
  writeFileSync(path, content);
  return path;
}

function allLines(path: string, options: { firstBytes?: number; maxBytes?: number } = {}): string[] {
  const seen: string[] = [];
  scanBackwards(
    path,
    (line) => {
      seen.push(line.toString('utf8'));
      return false;
    },
    options,
  );
  return seen;
}

describe('scanBackwards', () => {
  const lines = ['{"a":1}', '{"bb":22}', '', '{"ccc":333,"text":"é ü — multibyte"}', '{"d":4}'];
  const content = `${lines.join('\n')}\n`;
  const expected = lines.filter((line) => line !== '').reverse();

  it.each([1, 3, 7, 8, 16, 64, 1 << 20])('visits every complete line once, newest first, with a first window of %i bytes', (firstBytes) => {
    expect(allLines(file(content), { firstBytes })).toEqual(expected);
  });

  it('leaves out a last line that has no newline yet (the agent is still writing it)', () => {
    expect(allLines(file(`${content}{"partial":`), { firstBytes: 5 })).toEqual(expected);
  });

  it('stops as soon as the visitor found what it wanted', () => {
    const seen: string[] = [];
    const found = scanBackwards(file(content), (line) => (seen.push(line.toString('utf8')), line.includes('ccc')));
    expect(found).toBe(true);
    expect(seen).toEqual(['{"d":4}', '{"ccc":333,"text":"é ü — multibyte"}']);
  });

  it('gives up past maxBytes: only lines wholly inside the last maxBytes are seen', () => {
    const path = file(content);
    // The last 20 bytes hold `{"d":4}\n` whole and a fragment of the line before it.
    expect(allLines(path, { firstBytes: 4, maxBytes: 20 })).toEqual(['{"d":4}']);
  });

  it('an empty file has no lines', () => {
    expect(allLines(file(''))).toEqual([]);
  });
});
