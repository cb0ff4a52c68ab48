/**
 * Folder stamps vouch for the list of transcripts only while nothing was added, removed or renamed
 * under the watched folders, and only when they were taken safely (not too recent, the walk saw what
 * the scan found).
 */
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirTable, dirPaths, type Listing, listingUnchanged, RACY_MS, stampListing } from '../../../electron/engine/cache/listing-stamps';
import { resolveRoots } from '../../../electron/engine/roots';
import { tempDir } from '../../support/paths';

const dir = tempDir('headroom-stamps-');
afterAll(() => dir.cleanup());
let count = 0;

/** A Claude root with two projects (one with a subagent), a Codex root, and no Gemini root. */
function layout() {
  const base = join(dir.path, `l${(count += 1)}`);
  const claude = join(base, 'claude');
  const p1 = join(claude, 'projects', '-home-a');
  const p2 = join(claude, 'projects', '-home-b');
  mkdirSync(join(p1, 's1', 'subagents'), { recursive: true });
  mkdirSync(p2, { recursive: true });
  const files = [join(p1, 's1.jsonl'), join(p1, 's1', 'subagents', 'agent-x.jsonl'), join(p2, 's2.jsonl')];
  for (const file of files) writeFileSync(file, '{}\n');
  writeFileSync(join(p1, 'notes.md'), 'not a transcript');
  const codex = join(base, 'codex');
  const rollout = join(codex, 'sessions', '2026', '11', '01', 'rollout-2026-11-01T09-00-00-0199a0b0-0000-7000-8000-000000000001.jsonl');
  mkdirSync(join(rollout, '..'), { recursive: true });
  writeFileSync(rollout, '{}\n');
  files.push(rollout);
  const roots = resolveRoots({ claudeDirs: [claude], codexDirs: [codex], geminiDirs: [join(base, 'gemini')], env: {}, home: base });
  return { base, claude, p1, p2, files, roots };
}

/** Where a path's root folder name starts. */
const l0 = (path: string) => path.indexOf('/', dir.path.length + 1) + 1;

/** Stamps as a run long after the folders were made would take them. */
const later = () => Date.now() + 2 * RACY_MS;

function stamp(found: readonly string[], roots: ReturnType<typeof layout>['roots'], now = later) {
  const table = new DirTable();
  const listing = stampListing(roots, found, table, now);
  const unchanged = () => listingUnchanged(listing!, table.rows, dirPaths(table.rows));
  return { listing, table, unchanged };
}

describe('listing stamps', () => {
  it('vouch for the list while nothing changes; a file appended to changes nothing', () => {
    const { files, roots } = layout();
    const { listing, table, unchanged } = stamp(files, roots);
    expect(listing).not.toBeNull();
    expect((listing as Listing).roots.map(([, access]) => access)).toEqual(['ok', 'ok', 'missing']);
    // projects, its 2 projects, s1 and its subagents; sessions and its 2026/11/01.
    expect(dirPaths(table.rows)).toHaveLength(9);
    expect((listing as Listing).watched.map(([path, row]) => [path.slice(l0(path)), row === -1 ? 'absent' : 'stamped'])).toEqual([
      ['claude/projects', 'stamped'],
      ['codex/sessions', 'stamped'],
      ['codex/archived_sessions', 'absent'],
    ]);
    expect(unchanged()).toBe(true);
    writeFileSync(files[0]!, '{}\n{}\n');
    expect(unchanged()).toBe(true);
  });

  it.each([
    ['a new session file', (l: ReturnType<typeof layout>) => writeFileSync(join(l.p2, 's3.jsonl'), '{}\n')],
    ['a removed one', (l: ReturnType<typeof layout>) => rmSync(l.files[2]!)],
    ['a renamed one', (l: ReturnType<typeof layout>) => renameSync(l.files[2]!, join(l.p2, 's9.jsonl'))],
    ['a new subagents folder', (l: ReturnType<typeof layout>) => mkdirSync(join(l.p2, 's2', 'subagents'), { recursive: true })],
    ['a new project', (l: ReturnType<typeof layout>) => mkdirSync(join(l.claude, 'projects', '-home-c'))],
    ['a watched folder that appears', (l: ReturnType<typeof layout>) => mkdirSync(join(l.base, 'codex', 'archived_sessions'))],
    ['a root that appears', (l: ReturnType<typeof layout>) => mkdirSync(join(l.base, 'gemini'))],
    ['a folder that cannot be read any more', (l: ReturnType<typeof layout>) => chmodSync(l.p2, 0o000)],
  ])('no longer vouch after %s', (_name, change) => {
    const l = layout();
    const { unchanged } = stamp(l.files, l.roots);
    expect(unchanged()).toBe(true);
    change(l);
    expect(unchanged()).toBe(false);
    chmodSync(l.p2, 0o755);
  });

  it('are not taken for folders changed just now (the same clock tick could hide a second change)', () => {
    const { files, roots } = layout();
    expect(stamp(files, roots, Date.now).listing).toBeNull();
  });

  it('are not taken when the walk does not see what the scan found', () => {
    const { files, roots } = layout();
    expect(stamp(files.slice(1), roots).listing).toBeNull(); // a transcript the scan did not list
    expect(stamp([...files, join(dir.path, 'gone.jsonl')], roots).listing).toBeNull(); // one it listed is gone
  });
});
