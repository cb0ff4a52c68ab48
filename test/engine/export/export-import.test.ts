import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { AnnotationStore } from '../../../electron/engine/annotations/store';
import { CheckpointCoordinator } from '../../../electron/engine/checkpoints/coordinator';
import { exportSession } from '../../../electron/engine/export/export';
import { applyImport, ImportError, readImport } from '../../../electron/engine/export/import';
import { makeSession } from '../policies/make-session';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const session = makeSession({
  id: 'abc-123',
  agent: 'codex',
  title: 'Fix login',
  project: '/home/u/app',
  context: { usedTokens: 50_000, windowTokens: 258_400, percent: 19.35, compactions: 0, source: 'usage' },
  details: { firstPrompt: 'Fix the login redirect', recentPrompts: ['Fix the login redirect'], toolCounts: { shell: 3 } },
});
const annotations = { tags: ['auth', 'urgent'], projectName: 'App', notes: 'Redirect loop on Safari' };
const input = { session, annotations, checkpoints: [], now: NOW };

function roundTrip(format: 'json' | 'yaml' | 'md') {
  const file = exportSession(input, format);
  const path = join(tmp('headroom-export-'), file.filename);
  writeFileSync(path, file.content);
  return { file, path };
}

describe('exportSession', () => {
  it('writes JSON and YAML with the same data, tags and notes included', () => {
    const json = exportSession(input, 'json');
    expect(json.filename).toBe('headroom-codex-abc-123.json');
    expect(json.mime).toBe('application/json');
    const data = JSON.parse(json.content);
    expect(data).toMatchObject({ kind: 'headroom-export', version: 1, exportedAt: '2026-11-21T12:00:00.000Z', annotations });
    expect(data.session.tags).toEqual(['auth', 'urgent']);
    expect(data.session.projectName).toBe('App');
    expect(parseYaml(exportSession(input, 'yaml').content)).toEqual(data);
  });

  it('writes readable Markdown with the data as front matter', () => {
    const md = exportSession(input, 'md').content;
    expect(md.startsWith('---\nkind: headroom-export\n')).toBe(true);
    expect(md).toContain('# Fix login');
    expect(md).toContain('- Session: `abc-123` (Codex CLI)');
    expect(md).toContain('- Context: 50,000 / 258,400 tokens (19.4%); 0 compactions');
    expect(md).toContain('## Notes\n\nRedirect loop on Safari');
    expect(md).toContain('| shell | 3 |');
  });
});

describe('import', () => {
  it.each(['json', 'yaml', 'md'] as const)('restores tags, project name and notes from a %s export', (format) => {
    const { path } = roundTrip(format);
    const store = new AnnotationStore(tmp('headroom-data-'));
    const outcome = applyImport(readImport(path), tmp('headroom-data-'), store);
    expect(outcome).toEqual({ kind: 'export', sessionId: 'abc-123', agent: 'codex', annotations, checkpointPath: null });
    expect(store.get('abc-123')).toEqual(annotations);
  });

  it('imports a checkpoint into another data dir, rewriting its paths, once', async () => {
    const source = tmp('headroom-src-');
    const tagged = { ...session, tags: ['auth'], projectName: 'App', project: null };
    const written = await new CheckpointCoordinator({ dataDir: source, settings: () => DEFAULT_SETTINGS, now: () => NOW }).checkpoint(tagged);
    if (!written.ok) throw new Error(written.message);
    const target = tmp('headroom-dst-');
    const store = new AnnotationStore(target);

    const outcome = applyImport(readImport(written.checkpoint.markdownPath), target, store); // the .md finds its .json
    const expected = join(target, 'checkpoints', 'codex', 'abc-123', '2026-11-21T12-00-00-000Z.json');
    expect(outcome).toMatchObject({ kind: 'checkpoint', sessionId: 'abc-123', checkpointPath: expected });
    expect(store.get('abc-123')).toEqual({ tags: ['auth'], projectName: 'App', notes: null });
    const moved = JSON.parse(readFileSync(expected, 'utf8'));
    expect(moved.record.markdownPath).toBe(expected.replace(/json$/, 'md'));
    expect(moved.prompt).toContain(expected.replace(/json$/, 'md'));
    expect(readFileSync(expected.replace(/json$/, 'md'), 'utf8')).toContain('codex resume abc-123');
    const history = new CheckpointCoordinator({ dataDir: target, settings: () => DEFAULT_SETTINGS }).history('abc-123');
    expect(history.checkpoints).toHaveLength(1);
    expect(applyImport(readImport(expected), target, store).checkpointPath).toBeNull();
  });

  it.each([
    ['missing.json', null, /cannot read .*missing\.json: no such file/],
    ['garbage.json', '{ "kind": "headroom-export", ', /is neither JSON nor YAML/],
    ['other.json', '{"name": "package"}', /is not a Headroom export or checkpoint/],
    ['bad.json', JSON.stringify({ kind: 'headroom-export', version: 1, exportedAt: 'yesterday' }), /is not a valid Headroom file at exportedAt: Invalid ISO datetime/],
    ['notes.md', '# just notes\n', /has no Headroom data/],
    ['open.md', '---\nkind: headroom-export\n', /front matter is not closed/],
  ])('refuses %s with a clear message', (name, content, message) => {
    const dir = tmp('headroom-bad-');
    if (content !== null) writeFileSync(join(dir, name), content);
    expect(() => readImport(join(dir, name))).toThrow(ImportError);
    expect(() => readImport(join(dir, name))).toThrow(message);
  });
});
