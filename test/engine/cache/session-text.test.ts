/**
 * A session's cached text: cut at the fresh fields and filled in again, it prints byte for byte what
 * `JSON.stringify(report, null, 2)` prints for that session in a report, whatever the values.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/session';
import { cutSession, renderSession, SESSION_SEPARATOR, SLOTS, slotValues } from '../../../electron/engine/cache/session-text';
import { makeSession } from '../policies/make-session';

/** The session's text as a report prints it, cut out of the report. */
function printed(session: Session): string {
  const report = JSON.stringify({ version: 1, sessions: [session], problems: {} }, null, 2);
  return report.slice(report.indexOf('[\n    ') + '[\n    '.length, report.lastIndexOf('\n  ]'));
}

const SESSIONS: [string, Session][] = [
  ['an empty session', makeSession()],
  [
    'a full one',
    makeSession({
      id: 'a1b2',
      agent: 'codex',
      project: '/home/dev/projet-été',
      title: 'Fix the "quoted" bug\nin two lines \u2028 🚀',
      files: ['/x/a.jsonl', '/x/b.jsonl'],
      status: 'running',
      pid: 4242,
      process: { rssBytes: 123_456_789, cpuPercent: 12.5 },
      tags: ['api', 'Ünïcode'],
      projectName: 'Shop',
      context: { usedTokens: 70_487, windowTokens: 258_400, percent: 27.277_863_777_089_78, autoCompactAtTokens: 244_800, etaMinutes: 12.345_678_9, source: 'usage' },
      costUsd: 0.147_912_749_999_999_98,
    }),
  ],
  ['one whose text holds a marker', makeSession({ title: '\u0000headroom-slot\u00000\u0000headroom-slot\u0000', details: { lastUserPrompt: '\u0000headroom-slot\u00003\u0000headroom-slot\u0000' } })],
];

describe('session text', () => {
  it.each(SESSIONS)('prints %s as JSON.stringify does', (_name, session) => {
    const text = cutSession(session);
    expect(text.slots).toEqual([0, 1, 2, 3, 4, 5]);
    expect(renderSession(text, slotValues(session))).toBe(printed(session));
  });

  it('fills in fresh values where the old ones were', () => {
    const old = makeSession({ status: 'ended', tags: [], context: { etaMinutes: null } });
    const fresh = { ...old, status: 'running' as const, pid: 7, process: { rssBytes: 1, cpuPercent: 0 }, tags: ['a', 'b'], projectName: 'P', context: { ...old.context, etaMinutes: 3 } };
    expect(renderSession(cutSession(old), slotValues(fresh))).toBe(printed(fresh));
  });

  it('is separated from the next session as in a report', () => {
    const a = makeSession({ id: 'a' });
    const b = makeSession({ id: 'b' });
    const report = JSON.stringify({ sessions: [a, b] }, null, 2);
    expect(report).toContain(`${printed(a)}${SESSION_SEPARATOR}${printed(b)}`);
  });

  it('names every slot once', () => {
    expect(new Set(SLOTS).size).toBe(6);
    expect(Object.keys(slotValues(makeSession()))).toEqual([...SLOTS]);
  });
});
