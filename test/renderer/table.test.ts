import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  filterOptions,
  matchesFilter,
  moveSelection,
  NO_FILTER,
  projectName,
  sortSessions,
  toggleSort,
  visibleSessions,
} from '../../renderer/model/table';
import { sessionView } from './session-view';

const api = sessionView('a', {
  agent: 'claude-code',
  project: '/home/dev/api',
  title: 'Fix the login flow',
  context: { percent: 82.5, usedTokens: 165_000, etaMinutes: 12 },
  tokens: { input: 1, output: 2, cacheCreation: 3, cacheRead: 4, reasoning: 0, total: 10 },
  costUsd: 1.2,
  level: 'warning',
  status: 'running',
  tags: ['release'],
  lastActivityAt: '2026-11-21T11:59:00.000Z',
});
const web = sessionView('b', {
  agent: 'codex',
  project: '/home/dev/web',
  model: 'gpt-5.5',
  context: { percent: 12, usedTokens: 30_000, etaMinutes: null },
  costUsd: null,
  status: 'idle',
  lastActivityAt: '2026-11-21T09:00:00.000Z',
});
const docs = sessionView('c', {
  agent: 'gemini-cli',
  project: '/home/dev/docs',
  projectName: 'Handbook',
  context: { percent: null },
  costUsd: 0.3,
  status: 'ended',
  details: { ...sessionView('x').details, lastUserPrompt: 'translate the glossary' },
  lastActivityAt: null,
});
const all = [web, docs, api];
const ids = (list: readonly { id: string }[]) => list.map((session) => session.id);

describe('sorting', () => {
  it('puts the fullest context first by default and unknown percentages last', () => {
    expect(ids(sortSessions(all, DEFAULT_SORT))).toEqual(['a', 'b', 'c']);
    expect(ids(sortSessions(all, { key: 'context', descending: false }))).toEqual(['b', 'a', 'c']);
  });

  it('sorts by project name, the user-given name winning over the folder', () => {
    expect(projectName(docs)).toBe('Handbook');
    expect(ids(sortSessions(all, { key: 'project', descending: false }))).toEqual(['a', 'c', 'b']);
  });

  it('keeps unknown cost and activity last in both directions', () => {
    expect(ids(sortSessions(all, { key: 'cost', descending: true }))).toEqual(['a', 'c', 'b']);
    expect(ids(sortSessions(all, { key: 'cost', descending: false }))).toEqual(['c', 'a', 'b']);
    expect(ids(sortSessions(all, { key: 'activity', descending: true }))).toEqual(['a', 'b', 'c']);
  });

  it('orders statuses running, idle, ended', () => {
    expect(ids(sortSessions(all, { key: 'status', descending: false }))).toEqual(['a', 'b', 'c']);
  });

  it('breaks ties by level then id, so equal rows never swap', () => {
    const calm = sessionView('z', { context: { percent: 50 } });
    const hot = sessionView('y', { context: { percent: 50 }, level: 'critical' });
    const twin = sessionView('x', { context: { percent: 50 } });
    expect(ids(sortSessions([calm, twin, hot], DEFAULT_SORT))).toEqual(['y', 'x', 'z']);
  });

  it('flips the sorted column and starts another in its natural direction', () => {
    expect(toggleSort(DEFAULT_SORT, 'context')).toEqual({ key: 'context', descending: false });
    expect(toggleSort(DEFAULT_SORT, 'project')).toEqual({ key: 'project', descending: false });
    expect(toggleSort(DEFAULT_SORT, 'cost')).toEqual({ key: 'cost', descending: true });
  });
});

describe('filtering and search', () => {
  it('filters by agent, status, tag and project', () => {
    expect(ids(visibleSessions(all, { ...NO_FILTER, agent: 'codex' }, DEFAULT_SORT))).toEqual(['b']);
    expect(ids(visibleSessions(all, { ...NO_FILTER, status: 'ended' }, DEFAULT_SORT))).toEqual(['c']);
    expect(ids(visibleSessions(all, { ...NO_FILTER, tag: 'release' }, DEFAULT_SORT))).toEqual(['a']);
    expect(ids(visibleSessions(all, { ...NO_FILTER, project: 'Handbook' }, DEFAULT_SORT))).toEqual(['c']);
  });

  it('searches title, model, prompt and tags, every word required, any case', () => {
    expect(matchesFilter(api, { ...NO_FILTER, query: 'LOGIN release' })).toBe(true);
    expect(matchesFilter(api, { ...NO_FILTER, query: 'login web' })).toBe(false);
    expect(matchesFilter(web, { ...NO_FILTER, query: 'gpt-5' })).toBe(true);
    expect(matchesFilter(docs, { ...NO_FILTER, query: 'glossary' })).toBe(true);
    expect(matchesFilter(docs, { ...NO_FILTER, query: '   ' })).toBe(true);
  });

  it('offers only the values some session has', () => {
    expect(filterOptions(all)).toEqual({
      agents: ['claude-code', 'codex', 'gemini-cli'],
      statuses: ['ended', 'idle', 'running'],
      tags: ['release'],
      projects: ['api', 'Handbook', 'web'],
    });
  });
});

describe('moveSelection', () => {
  const order = ['a', 'b', 'c'];
  it('moves by one and stops at the ends', () => {
    expect(moveSelection(order, 'a', 1)).toBe('b');
    expect(moveSelection(order, 'c', 1)).toBe('c');
    expect(moveSelection(order, 'a', -1)).toBe('a');
  });

  it('starts at the first row (j) or the last (k) when nothing visible is selected', () => {
    expect(moveSelection(order, null, 1)).toBe('a');
    expect(moveSelection(order, 'gone', -1)).toBe('c');
    expect(moveSelection([], null, 1)).toBeNull();
  });
});
