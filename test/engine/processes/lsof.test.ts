/** Parsing `lsof -F pfn` (the macOS way to a process's working directory and open transcripts). */
import { describe, expect, it } from 'vitest';
import { parseLsof } from '../../../electron/engine/processes/lsof';

const OUTPUT = [
  'p501',
  'fcwd',
  'n/Users/dev/projects/app',
  'ftxt',
  'n/Users/dev/.local/bin/claude',
  'f12',
  'n/Users/dev/.codex/sessions/2026/11/21/rollout-2026-11-21T12-17-45-01a1fe0a-8986-7d13-8ca8-f43b0800f48f.jsonl',
  'f13',
  'n/Users/dev/.codex/state_5.sqlite',
  'f14',
  'n/Users/dev/.codex/sessions/2026/11/21/rollout-2026-11-21T12-17-45-01a1fe0a-8986-7d13-8ca8-f43b0800f48f.jsonl',
  'p502',
  'fcwd',
  'n/Users/dev/other',
  '',
].join('\n');

describe('parseLsof', () => {
  it('collects each process working directory and its open .jsonl/.json files once', () => {
    const parsed = parseLsof(OUTPUT);
    expect(parsed.get(501)).toEqual({ cwd: '/Users/dev/projects/app', transcripts: ['/Users/dev/.codex/sessions/2026/11/21/rollout-2026-11-21T12-17-45-01a1fe0a-8986-7d13-8ca8-f43b0800f48f.jsonl'] });
    expect(parsed.get(502)).toEqual({ cwd: '/Users/dev/other', transcripts: [] });
    expect(parsed.size).toBe(2);
  });

  it('empty or garbage output yields nothing', () => {
    expect(parseLsof('').size).toBe(0);
    expect(parseLsof('lsof: WARNING: can\'t stat() fuse file system\n').size).toBe(0);
  });
});
