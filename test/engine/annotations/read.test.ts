/**
 * The quick annotations reader for `headroom status`: for every file it gives exactly the sessions
 * `AnnotationStore.load()` gives, and it answers a valid file without the schema.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { quickAnnotations, readAnnotations } from '../../../electron/engine/annotations/read';
import { AnnotationStore } from '../../../electron/engine/annotations/store';
import { foldersHolding, tempDir } from '../../support/paths';

const dir = tempDir('headroom-ann-read-');
afterAll(() => dir.cleanup());
const dataDir = foldersHolding(dir.path, 'annotations.json');
const file = (sessions: unknown, extra: object = {}) => JSON.stringify({ version: 1, sessions, ...extra });

const VALID: [string, string][] = [
  ['tags, a name and notes', file({ s1: { tags: ['api', 'Urgent'], projectName: 'Shop', notes: 'n' } })],
  ['missing fields (defaults)', file({ s1: {}, s2: { tags: ['x'] }, '7': { projectName: null } })],
  ['unknown fields (left out)', file({ s1: { tags: [], colour: 'red', projectName: 'P' } }, { more: true })],
  ['limits exactly', file({ s1: { tags: Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(50, 'x')), projectName: 'p'.repeat(100) } })],
  ['no sessions', file({})],
];

const INVALID: [string, string][] = [
  ['another version', JSON.stringify({ version: 2, sessions: {} })],
  ['sessions not an object', JSON.stringify({ version: 1, sessions: [] })],
  ['an empty tag', file({ s1: { tags: [''] } })],
  ['a tag too long', file({ s1: { tags: ['x'.repeat(51)] } })],
  ['too many tags', file({ s1: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } })],
  ['a name too long', file({ s1: { projectName: 'p'.repeat(101) } })],
  ['notes of the wrong type', file({ s1: { notes: 5 } })],
  ['an annotation that is not an object', file({ s1: 'tag' })],
  ['a __proto__ session', '{"version":1,"sessions":{"__proto__":{"tags":["x"]}}}'],
];

describe('readAnnotations', () => {
  it.each([...VALID, ...INVALID, ['not JSON', '{ "version": '], ['no file', null]] as [string, string | null][])(
    'gives what AnnotationStore.load() gives for %s',
    async (_name, text) => {
      const path = dataDir(text);
      const expected = new AnnotationStore(path).load().sessions;
      const read = await readAnnotations(path);
      expect(read).toEqual(expected);
      expect(JSON.stringify(read)).toBe(JSON.stringify(expected)); // key order too
    },
  );

  it.each(VALID)('reads a file with %s without the schema', (_name, text) => {
    expect(quickAnnotations(JSON.parse(text))).toEqual(new AnnotationStore(dataDir(text)).load().sessions);
  });

  it.each(INVALID)('leaves a file with %s to the schema', (_name, text) => {
    expect(quickAnnotations(JSON.parse(text))).toBeNull();
  });

  it('names the values of a real file', async () => {
    const path = dataDir(file({ s1: { tags: ['api'], projectName: 'Shop', notes: null } }));
    expect(await readAnnotations(path)).toEqual({ s1: { tags: ['api'], projectName: 'Shop', notes: null } });
  });
});
