/** partsBelow gives exactly what `relative(root, file).split(sep)` gives, fast path or not. */
import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partsBelow } from '../../electron/engine/sources/path-parts';

const CASES: [string, string][] = [
  ['/home/u/.claude', '/home/u/.claude/projects/-home-u-app/0a1b.jsonl'],
  ['/home/u/.claude', '/home/u/.claude/projects/p/0a1b/subagents/agent-1.jsonl'],
  ['/home/u/.claude/', '/home/u/.claude/projects/p/s.jsonl'],
  ['/home/u/./.claude', '/home/u/.claude/projects/p/s.jsonl'],
  ['/home/u/.claude', '/home/u/.claude/projects/../projects/p/s.jsonl'],
  ['/home/u/.claude', '/home/u/.claude//projects/p/s.jsonl'],
  ['/home/u/.claude', '/home/u/.claude/projects/p/'],
  ['/home/u/.claude', '/home/u/.claudex/projects/p/s.jsonl'],
  ['/home/u/.claude', '/home/u/other/s.jsonl'],
  ['/home/u/.claude', '/home/u/.claude'],
  ['/', '/projects/p/s.jsonl'],
  ['relative/root', `${process.cwd()}/relative/root/projects/p/s.jsonl`],
];

describe('partsBelow', () => {
  it.each(CASES)('%s above %s', (root, file) => {
    expect(partsBelow(root, file)).toEqual(relative(root, file).split(sep));
  });
});
