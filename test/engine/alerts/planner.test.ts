import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import { AlertPlanner } from '../../../electron/engine/alerts/planner';
import { makeSession } from '../policies/make-session';

const T0 = Date.parse('2026-11-21T12:00:00Z');
const MIN = 60_000;

function setup(settings: Partial<Settings['notifications']> = {}, options: { repeatAfterMs?: number; groupAbove?: number } = {}) {
  let now = T0;
  const current = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, ...settings } };
  const planner = new AlertPlanner({ settings: () => current, now: () => now, ...options });
  return { planner, settings: current, advance: (ms: number) => (now += ms) };
}

/** A Claude session of `used` tokens in a 200k window, no auto-compact point (levels by percent only). */
const at = (id: string, percent: number, extra: Parameters<typeof makeSession>[0] = {}) =>
  makeSession({ id, project: `/home/u/${id}`, context: { usedTokens: percent * 2000, windowTokens: 200_000, percent }, ...extra });

describe('AlertPlanner', () => {
  it('says nothing about the state found at start-up', () => {
    const { planner } = setup();
    expect(planner.observe([at('a', 95), at('b', 75)])).toEqual([]);
  });

  it('alerts once on entering a level and again only after dropping below it', () => {
    const { planner, advance } = setup({}, { repeatAfterMs: 0 });
    planner.observe([at('a', 50)]);
    expect(planner.observe([at('a', 72)])).toEqual([
      { sessionId: 'a', kind: 'warning', title: 'a: context at 72%', body: 'Claude Code session passed the warning threshold (70%). 144,000 of 200,000 tokens.' },
    ]);
    expect(planner.observe([at('a', 75)])).toEqual([]);
    expect(planner.observe([at('a', 91)]).map((x) => x.kind)).toEqual(['critical']);
    expect(planner.observe([at('a', 95)])).toEqual([]);
    advance(MIN);
    expect(planner.observe([at('a', 30)])).toEqual([]); // compaction: recovered
    expect(planner.observe([at('a', 92)]).map((x) => x.kind)).toEqual(['critical']); // straight to critical: one alert
    expect(planner.crossings(at('a', 0))).toEqual({ warning: 2, critical: 2, 'compact-soon': 0 });
  });

  it('words compact-soon with the auto-compact point and ETA', () => {
    const { planner } = setup();
    const ctx = (used: number) => ({ usedTokens: used, windowTokens: 200_000, percent: used / 2000, autoCompactAtTokens: 167_000, etaMinutes: 6.4 });
    planner.observe([makeSession({ id: 's', projectName: 'Shop', context: ctx(100_000) })]);
    expect(planner.observe([makeSession({ id: 's', projectName: 'Shop', context: ctx(158_000) })])).toEqual([
      {
        sessionId: 's',
        kind: 'compact-soon',
        title: 'Shop: about to auto-compact',
        body: 'Claude Code will compact this session at 167,000 tokens in about 6 min and lose detail. 158,000 of 200,000 tokens. Checkpoint now to keep it.',
      },
    ]);
  });

  it('does not fire for a session seen for the first time, and forgets sessions that disappear', () => {
    const { planner } = setup();
    planner.observe([at('a', 10)]);
    expect(planner.observe([at('a', 10), at('new', 95)])).toEqual([]);
    expect(planner.observe([at('a', 10)])).toEqual([]);
    expect(planner.observe([at('a', 10), at('new', 96)])).toEqual([]); // back again: a new baseline
  });

  it('rate-limits the same session and level', () => {
    const { planner, advance } = setup({}, { repeatAfterMs: 10 * MIN });
    planner.observe([at('a', 60)]);
    expect(planner.observe([at('a', 71)])).toHaveLength(1);
    planner.observe([at('a', 69)]);
    advance(9 * MIN);
    expect(planner.observe([at('a', 71)])).toEqual([]); // flapping at the threshold
    planner.observe([at('a', 69)]);
    advance(MIN);
    expect(planner.observe([at('a', 71)])).toHaveLength(1);
  });

  it('groups ten sessions crossing at once into one summary', () => {
    const { planner } = setup();
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    planner.observe(ids.map((id) => at(id, 10)));
    const alerts = planner.observe(ids.map((id, i) => at(id, i < 4 ? 93 : 75)));
    expect(alerts).toEqual([
      { sessionId: null, kind: 'summary', title: '10 sessions crossed a context threshold', body: '4 critical, 6 warning: s0, s1, s2 and 7 more.' },
    ]);
  });

  it('groups when the last minute already had many alerts', () => {
    const { planner, advance } = setup({}, { groupAbove: 3 });
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    planner.observe(ids.map((id) => at(id, 10)));
    expect(planner.observe(ids.map((id, i) => at(id, i < 3 ? 75 : 10)))).toHaveLength(3);
    expect(planner.observe(ids.map((id, i) => at(id, i < 6 ? 75 : 10)))).toHaveLength(3); // 6 in the last minute
    expect(planner.observe(ids.map((id) => at(id, 75))).map((a) => a.kind)).toEqual(['summary']);
    advance(MIN);
    expect(planner.observe(ids.map((id) => at(id, 95))).map((a) => a.kind)).toEqual(["summary"]); // 7 at once > groupAbove
  });

  it('stays silent while paused, without a burst when the pause ends', () => {
    const { planner, advance } = setup({ pausedUntil: new Date(T0 + 60 * MIN).toISOString() });
    planner.observe([at('a', 10)]);
    expect(planner.observe([at('a', 80)])).toEqual([]);
    expect(planner.checkpointWritten(at('a', 80), 'claude --resume a')).toBeNull();
    advance(60 * MIN);
    expect(planner.observe([at('a', 80)])).toEqual([]);
    expect(planner.observe([at('a', 95)]).map((a) => a.kind)).toEqual(['critical']);
  });

  it('honours per-level switches', () => {
    const { planner } = setup({ warning: false, checkpoint: false, termination: true });
    planner.observe([at('a', 10), at('b', 10)]);
    expect(planner.observe([at('a', 75), at('b', 95)]).map((a) => a.kind)).toEqual(['critical']);
    expect(planner.checkpointFailed(at('a', 0), 'disk full')).toBeNull();
    expect(planner.terminationRequested(at('a', 0), 'SIGTERM sent to pid 42')).toEqual({
      sessionId: 'a',
      kind: 'termination',
      title: 'a: stop requested',
      body: 'SIGTERM sent to pid 42',
    });
  });

  it('announces checkpoints written and failed', () => {
    const { planner } = setup();
    expect(planner.checkpointWritten(at('a', 0, { projectName: 'Shop' }), 'claude --resume a')).toEqual({
      sessionId: 'a',
      kind: 'checkpoint-written',
      title: 'Shop: checkpoint saved',
      body: 'Resume with: claude --resume a',
    });
    expect(planner.checkpointFailed(at('a', 0), 'disk full')?.title).toBe('a: checkpoint failed');
  });
});
