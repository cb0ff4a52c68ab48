import { describe, expect, it } from 'vitest';
import { filterSessions } from '../../../electron/engine/policies/filters';
import { makeSession } from './make-session';

const sessions = [
  makeSession({ id: 'a', agent: 'claude-code', status: 'running', tags: ['Urgent', 'api'], project: '/home/u/shop', projectName: 'Shop' }),
  makeSession({ id: 'b', agent: 'codex', status: 'idle', tags: ['api'], project: '/home/u/blog' }),
  makeSession({ id: 'c', agent: 'gemini-cli', status: 'ended', tags: [], project: null }),
];
const ids = (filter: Parameters<typeof filterSessions>[1]) => filterSessions(sessions, filter).map((s) => s.id);

describe('filterSessions', () => {
  it('matches everything without filters', () => expect(ids({})).toEqual(['a', 'b', 'c']));
  it('filters by agent and status', () => {
    expect(ids({ agent: 'codex' })).toEqual(['b']);
    expect(ids({ status: 'ended' })).toEqual(['c']);
  });
  it('needs every tag, case-insensitively', () => {
    expect(ids({ tags: ['api'] })).toEqual(['a', 'b']);
    expect(ids({ tags: ['urgent', 'API'] })).toEqual(['a']);
  });
  it('matches the project name, the folder path or its base name', () => {
    expect(ids({ project: 'shop' })).toEqual(['a']);
    expect(ids({ project: 'blog' })).toEqual(['b']);
    expect(ids({ project: '/home/u/blog' })).toEqual(['b']);
    expect(ids({ project: 'home' })).toEqual([]);
  });
  it('combines filters with AND', () => expect(ids({ tags: ['api'], agent: 'codex', status: 'running' })).toEqual([]));
});
