/**
 * The path shortcuts give exactly what `path` gives: partsBelow what `relative(root, file).split(sep)`
 * does, listDir the paths `join(dir, name)` does, whether the folder is written plainly or not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { partsBelow } from '../../electron/engine/sources/path-parts';
import { listDir } from '../../electron/engine/sources/walk';
import { tempDir } from '../support/paths';

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

describe('listDir', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  mkdirSync(join(dir.path, 'projects', 'p'), { recursive: true });
  writeFileSync(join(dir.path, 'projects', 's.jsonl'), '');
  const relativeDir = relative(process.cwd(), join(dir.path, 'projects'));

  it.each([join(dir.path, 'projects'), `${join(dir.path, 'projects')}/`, `${join(dir.path, 'projects', 'p')}/..`, relativeDir])('lists %s as join would', async (folder) => {
    const listed = await listDir(folder, () => {});
    expect(listed).toEqual({ files: [join(folder, 's.jsonl')], dirs: [join(folder, 'p')] });
  });
});
