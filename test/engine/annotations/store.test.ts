import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../../electron/engine/annotations/store';
import { makeSession } from '../policies/make-session';

const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-ann-'));
  return { dir, store: new AnnotationStore(dir) };
};

describe('AnnotationStore', () => {
  it('adds tags without duplicates (any case), removes them, and persists', () => {
    const { dir, store } = fresh();
    expect(store.tag('s1', [' api ', 'Urgent', 'API', ''])).toEqual(['api', 'Urgent']);
    expect(store.tag('s1', ['urgent', 'billing'])).toEqual(['api', 'Urgent', 'billing']);
    expect(store.untag('s1', ['URGENT', 'missing'])).toEqual(['api', 'billing']);
    expect(new AnnotationStore(dir).get('s1')).toEqual({ tags: ['api', 'billing'], projectName: null, notes: null });
    expect(JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8'))).toEqual({
      version: 1,
      sessions: { s1: { tags: ['api', 'billing'], projectName: null, notes: null } },
    });
    expect(readdirSync(dir)).toEqual(['annotations.json']); // no lock or temporary file left
  });

  it('sets and clears a project name; an empty entry disappears from the file', () => {
    const { store } = fresh();
    expect(store.setProject('s2', '  Shop  ')).toBe('Shop');
    expect(store.setProject('s2', '')).toBeNull();
    expect(store.load().sessions).toEqual({});
  });

  it('merges annotations into session snapshots', () => {
    const { store } = fresh();
    store.tag('a', ['x']);
    store.setProject('a', 'Shop');
    const merged = store.apply([makeSession({ id: 'a' }), makeSession({ id: 'b' })]);
    expect(merged.map((s) => [s.id, s.tags, s.projectName])).toEqual([
      ['a', ['x'], 'Shop'],
      ['b', [], null],
    ]);
  });

  it('restores imported tags and notes', () => {
    const { store } = fresh();
    store.tag('s', ['keep']);
    expect(store.restore('s', { tags: ['new', 'KEEP'], notes: 'half done', projectName: null })).toEqual({
      tags: ['keep', 'new'],
      projectName: null,
      notes: 'half done',
    });
  });

  it('refuses bad tags with a reason', () => {
    const { store } = fresh();
    expect(() => store.tag('s', ['x'.repeat(51)])).toThrow('is longer than 50 characters');
    expect(() => store.tag('s', Array.from({ length: 21 }, (_, i) => `t${i}`))).toThrow('at most 20 tags');
  });

  it('reports an invalid file, reads it as empty and never overwrites it', () => {
    const { dir, store } = fresh();
    writeFileSync(join(dir, 'annotations.json'), JSON.stringify({ version: 1, sessions: { s: { tags: [42] } } }));
    expect(store.load().problem).toBe(`${join(dir, 'annotations.json')} is invalid at sessions.s.tags.0: Invalid input: expected string, received number`);
    expect(store.get('s').tags).toEqual([]);
    expect(() => store.tag('s', ['x'])).toThrow('fix or delete it first');
    writeFileSync(join(dir, 'annotations.json'), 'not json');
    expect(store.load().problem).toMatch(/is not valid JSON/);
  });
});
