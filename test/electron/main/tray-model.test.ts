import { describe, expect, it } from 'vitest';
import type { Level } from '../../../shared/policy';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { etaLabel, projectLabel } from '../../../electron/main/session-label';
import { trayModel, TRAY_MAX_SESSIONS, type TrayItem } from '../../../electron/main/tray-model';
import { appState, sessionView } from '../support/state';

const NOW = Date.parse('2026-03-02T10:31:00.000Z');

const footer = (notifications: TrayItem): TrayItem[] => [
  { type: 'separator' },
  { type: 'action', label: 'Open Headroom', action: { kind: 'open-window' }, enabled: true },
  notifications,
  { type: 'action', label: 'Settings…', action: { kind: 'settings' }, enabled: true },
  { type: 'separator' },
  { type: 'action', label: 'Quit Headroom', action: { kind: 'quit' }, enabled: true },
];

const pauseMenu: TrayItem = {
  type: 'submenu',
  label: 'Pause notifications',
  items: [
    { type: 'action', label: 'For 1 hour', action: { kind: 'pause', until: '1h' }, enabled: true },
    { type: 'action', label: 'Until tomorrow', action: { kind: 'pause', until: 'tomorrow' }, enabled: true },
  ],
};

describe('trayModel', () => {
  it('shows an ok icon, no title and says so when there are no sessions', () => {
    expect(trayModel(appState([]), DEFAULT_SETTINGS, NOW)).toEqual({
      icon: 'ok',
      title: '',
      tooltip: 'Headroom · no active sessions',
      items: [{ type: 'note', label: 'No active sessions' }, ...footer(pauseMenu)],
    });
  });

  it('summarises three sessions: worst level, highest percentage, listed by context', () => {
    const api = sessionView({ id: 'api', level: 'critical', context: { percent: 87.9, etaMinutes: 12.4 } });
    const web = sessionView({ id: 'web', project: '/home/dev/src/web', level: 'ok', context: { percent: 45 } });
    const infra = sessionView({ id: 'infra', agent: 'codex', project: '/srv/x', projectName: 'infra', level: 'warning', context: { percent: 72 }, files: [] });
    const model = trayModel(appState([web, api, infra]), DEFAULT_SETTINGS, NOW);

    expect(model.icon).toBe('critical');
    expect(model.title).toBe('87%');
    expect(model.tooltip).toBe('3 sessions · highest 87% · api-server');
    expect(model.items.slice(0, 3).map((item) => item.type === 'submenu' && item.label)).toEqual([
      'Claude Code · api-server · 87% · compacts in ~12 min',
      'Codex · infra · 72%',
      'Claude Code · web · 45%',
    ]);
    expect(model.items[0]).toEqual({
      type: 'submenu',
      label: 'Claude Code · api-server · 87% · compacts in ~12 min',
      items: [
        { type: 'action', label: 'Checkpoint now', action: { kind: 'checkpoint', sessionId: 'api' }, enabled: true },
        { type: 'action', label: 'Copy resume command', action: { kind: 'copy-resume', sessionId: 'api' }, enabled: true },
        { type: 'action', label: 'Open project folder', action: { kind: 'open-folder', sessionId: 'api' }, enabled: true },
        { type: 'action', label: 'Open transcript', action: { kind: 'open-transcript', sessionId: 'api' }, enabled: true },
        { type: 'action', label: 'Show details', action: { kind: 'show-details', sessionId: 'api' }, enabled: true },
      ],
    });
    expect(model.items.slice(3)).toEqual(footer(pauseMenu));
  });

  it.each<[Level[], Level]>([
    [['ok'], 'ok'],
    [['ok', 'warning'], 'warning'],
    [['warning', 'critical', 'ok'], 'critical'],
    [['critical', 'compact-soon'], 'compact-soon'],
    [['compact-soon', 'ok'], 'compact-soon'],
  ])('icon for levels %j is %s', (levels, icon) => {
    const sessions = levels.map((level, index) => sessionView({ id: `s${index}`, level }));
    expect(trayModel(appState(sessions), DEFAULT_SETTINGS, NOW).icon).toBe(icon);
  });

  it('leaves ended sessions out of the icon, the count and the menu', () => {
    const ended = sessionView({ id: 'old', status: 'ended', level: 'compact-soon', context: { percent: 99 } });
    const live = sessionView({ id: 'live', status: 'idle', level: 'warning', context: { percent: 71 } });
    const model = trayModel(appState([ended, live]), DEFAULT_SETTINGS, NOW);
    expect(model.icon).toBe('warning');
    expect(model.tooltip).toBe('1 session · highest 71% · api-server');
    expect(model.items.filter((item) => item.type === 'submenu' && item.label.startsWith('Claude Code'))).toHaveLength(1);
  });

  it('cuts percentages rather than rounding them, so 89.9% never reads as 90%', () => {
    const model = trayModel(appState([sessionView({ context: { percent: 89.96 } })]), DEFAULT_SETTINGS, NOW);
    expect(model.title).toBe('89%');
    const exact = trayModel(appState([sessionView({ context: { percent: 0.57 * 100 } })]), DEFAULT_SETTINGS, NOW);
    expect(exact.title).toBe('57%');
  });

  it('lists a session without usage yet last, as —, and never as 0%', () => {
    const unknown = sessionView({ id: 'new', project: '/p/fresh', context: { percent: null, usedTokens: null } });
    const known = sessionView({ id: 'known', project: '/p/known', context: { percent: 3 } });
    const model = trayModel(appState([unknown, known]), DEFAULT_SETTINGS, NOW);
    expect(model.items.slice(0, 2).map((item) => item.type === 'submenu' && item.label)).toEqual(['Claude Code · known · 3%', 'Claude Code · fresh · —']);
    const alone = trayModel(appState([unknown]), DEFAULT_SETTINGS, NOW);
    expect(alone.title).toBe('');
    expect(alone.tooltip).toBe('1 session · fresh');
  });

  it(`lists at most ${TRAY_MAX_SESSIONS} sessions and points to the window for the rest`, () => {
    const sessions = Array.from({ length: 10 }, (_, index) => sessionView({ id: `s${index}`, project: `/p/${index}`, context: { percent: 10 + index } }));
    const model = trayModel(appState(sessions), DEFAULT_SETTINGS, NOW);
    const listed = model.items.filter((item) => item.type === 'submenu' && item.label !== 'Pause notifications');
    expect(listed).toHaveLength(8);
    expect(listed[0]).toMatchObject({ label: 'Claude Code · 9 · 19%' });
    expect(listed[7]).toMatchObject({ label: 'Claude Code · 2 · 12%' });
    expect(model.items[8]).toEqual({ type: 'action', label: '2 more in Headroom…', action: { kind: 'open-window' }, enabled: true });
  });

  it('disables folder and transcript actions the session cannot do', () => {
    const bare = sessionView({ id: 'bare', project: null, files: [] });
    const [item] = trayModel(appState([bare]), DEFAULT_SETTINGS, NOW).items;
    expect(item?.type === 'submenu' && item.items.map((entry) => entry.type === 'action' && [entry.label, entry.enabled])).toEqual([
      ['Checkpoint now', true],
      ['Copy resume command', true],
      ['Open project folder', false],
      ['Open transcript', false],
      ['Show details', true],
    ]);
  });

  describe('notifications item', () => {
    const notificationsItem = (pausedUntil: string | null, settings = DEFAULT_SETTINGS) =>
      trayModel(appState([], { notificationsPausedUntil: pausedUntil }), settings, NOW).items.at(-4);

    it.each([
      ['2026-03-02T11:31:00.000Z', 'Resume notifications (paused until 11:31)'],
      ['2026-03-03T08:00:00.000Z', 'Resume notifications (paused until tomorrow 08:00)'],
      ['2026-03-10T09:05:00.000Z', 'Resume notifications (paused until 2026-03-10 09:05)'],
    ])('paused until %s reads "%s" (TZ=UTC)', (until, label) => {
      expect(notificationsItem(until)).toEqual({ type: 'action', label, action: { kind: 'pause', until: 'off' }, enabled: true });
      expect(trayModel(appState([], { notificationsPausedUntil: until }), DEFAULT_SETTINGS, NOW).tooltip).toBe('Headroom · no active sessions · notifications paused');
    });

    it('offers the pause menu again once a pause has run out', () => {
      expect(notificationsItem('2026-03-02T10:30:59.000Z')).toEqual(pauseMenu);
    });

    it('says notifications are off when every kind is turned off in settings', () => {
      const off = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, warning: false, critical: false, compactSoon: false, checkpoint: false, termination: false } };
      expect(notificationsItem(null, off)).toEqual({ type: 'note', label: 'Notifications are off in Settings' });
      const one = { ...off, notifications: { ...off.notifications, critical: true } };
      expect(notificationsItem(null, one)).toEqual(pauseMenu);
    });
  });
});

describe('session labels', () => {
  it.each([
    [null, null],
    [0.4, 'compacts in <1 min'],
    [12.4, 'compacts in ~12 min'],
    [59.6, 'compacts in ~1 h'],
    [65, 'compacts in ~1 h 5 min'],
    [150, 'compacts in ~2 h 30 min'],
  ])('eta %s minutes → %s', (minutes, label) => {
    expect(etaLabel(minutes)).toBe(label);
  });

  it.each([
    [{ projectName: 'Billing', project: '/x/api', title: 't', id: 'abcdefghij' }, 'Billing'],
    [{ projectName: null, project: '/home/dev/api-server/', title: 't', id: 'abcdefghij' }, 'api-server'],
    [{ projectName: null, project: 'C:\\Users\\dev\\repo', title: 't', id: 'abcdefghij' }, 'repo'],
    [{ projectName: null, project: null, title: 'Refactor', id: 'abcdefghij' }, 'Refactor'],
    [{ projectName: null, project: null, title: null, id: 'abcdefghij' }, 'abcdefgh'],
  ])('project label of %j is %s', (session, label) => {
    expect(projectLabel(session)).toBe(label);
  });
});
