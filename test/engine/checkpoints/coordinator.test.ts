import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import { CheckpointCoordinator } from '../../../electron/engine/checkpoints/coordinator';
import { CheckpointFileSchema } from '../../../electron/engine/checkpoints/record';
import { makeSession } from '../policies/make-session';
import { makeRepo, repoState, sh, write } from './git-fixture';

const T0 = Date.parse('2026-11-21T12:00:00.000Z');
const MIN = 60_000;

function setup(settings: Settings = DEFAULT_SETTINGS) {
  const dataDir = mkdtempSync(join(tmpdir(), 'headroom-data-'));
  let now = T0;
  const coordinator = new CheckpointCoordinator({ dataDir, settings: () => settings, now: () => now });
  return { dataDir, coordinator, advance: (ms: number) => (now += ms) };
}

function richSession(project: string | null) {
  return makeSession({
    id: '1af7fc5e-8455-4414-9ccd-011d40f70b2a',
    agent: 'claude-code',
    project,
    title: 'Add CSV export',
    model: 'claude-sonnet-4-5',
    startedAt: '2026-11-21T10:00:00.000Z',
    lastActivityAt: '2026-11-21T11:59:00.000Z',
    context: { usedTokens: 150_000, windowTokens: 200_000, percent: 75, autoCompactAtTokens: 167_000, compactions: 1, source: 'usage' },
    tokens: { input: 1000, output: 2000, cacheRead: 300_000, cacheCreation: 40_000, total: 343_000 },
    costUsd: 1.234,
    activity: { userMessages: 3, assistantMessages: 9, toolCalls: 12, filesModified: 2, errors: 1 },
    tags: ['billing'],
    details: {
      firstPrompt: 'Add a CSV export to the report page',
      recentPrompts: ['Add a CSV export to the report page', 'Use ``` fences in the docs'],
      todos: [
        { content: 'Write exporter', status: 'completed' },
        { content: 'Wire the button', status: 'in_progress' },
      ],
      filesModified: ['src/export.ts', 'src/page.tsx'],
      toolCounts: { Edit: 7, Bash: 5 },
      recentErrors: ['npm test failed: 1 failing'],
      lastAssistantText: 'Exporter done; wiring the button next.\n```ts\nconst x = 1;\n```',
    },
  });
}

describe('CheckpointCoordinator', () => {
  it('writes the handoff markdown and JSON with resume, snapshot and prompt, leaving the repo untouched', async () => {
    const repo = makeRepo();
    write(repo, 'src/export.ts', 'export {};\n');
    write(repo, 'README.md', 'edited\n');
    const before = repoState(repo);
    const { dataDir, coordinator } = setup();

    const result = await coordinator.checkpoint(richSession(repo), { reason: 'context at 75% (trigger 75%)' });
    expect(repoState(repo)).toEqual(before);
    if (!result.ok) throw new Error(result.message);
    const dir = join(dataDir, 'checkpoints', 'claude-code', '1af7fc5e-8455-4414-9ccd-011d40f70b2a');
    expect(result.checkpoint).toEqual({
      sessionId: '1af7fc5e-8455-4414-9ccd-011d40f70b2a',
      agent: 'claude-code',
      createdAt: '2026-11-21T12:00:00.000Z',
      reason: 'context at 75% (trigger 75%)',
      markdownPath: join(dir, '2026-11-21T12-00-00-000Z.md'),
      jsonPath: join(dir, '2026-11-21T12-00-00-000Z.json'),
      gitRef: 'refs/headroom/checkpoints/1af7fc5e-8455-4414-9ccd-011d40f70b2a/1',
      restoreCommand: `git -C ${repo} stash apply --index refs/headroom/checkpoints/1af7fc5e-8455-4414-9ccd-011d40f70b2a/1`,
      resumeCommand: `cd ${repo} && claude --resume 1af7fc5e-8455-4414-9ccd-011d40f70b2a`,
      contextTokens: 150_000,
    });
    expect(readdirSync(dir).sort()).toEqual(['2026-11-21T12-00-00-000Z.json', '2026-11-21T12-00-00-000Z.md']);

    const file = CheckpointFileSchema.parse(JSON.parse(readFileSync(result.checkpoint.jsonPath, 'utf8')));
    expect(file.git).toMatchObject({ branch: 'main', statusPorcelain: ' M README.md\n?? src/export.ts\n' });
    expect(file.prompt).toContain(`read the handoff at ${result.checkpoint.markdownPath}`);
    expect(file.filesModifiedCount).toBe(2);

    const md = readFileSync(result.checkpoint.markdownPath, 'utf8');
    expect(md).toContain('# Checkpoint: Add CSV export');
    expect(md).toContain('- Context: 150,000 / 200,000 tokens (75.0%); auto-compact at 167,000; 1 compaction');
    expect(md).toContain('- [x] Write exporter\n- [ ] Wire the button (in_progress)');
    expect(md).toContain('| Edit | 7 |\n| Bash | 5 |');
    expect(md).toContain('- Branch: main');
    expect(md).toContain(`claude --resume 1af7fc5e-8455-4414-9ccd-011d40f70b2a`);
    // The assistant text holds a ``` fence, so it is wrapped in a longer one.
    expect(md).toContain('````\nExporter done; wiring the button next.\n```ts\nconst x = 1;\n```\n````');
    expect(sh(repo, 'rev-parse', result.checkpoint.gitRef ?? '').trim()).toBe(file.git?.snapshotCommit);
  });

  it('refuses within the cooldown, explains why, and lets --force through', async () => {
    const { coordinator, advance } = setup();
    const session = richSession(null);
    expect((await coordinator.checkpoint(session)).ok).toBe(true);
    advance(29 * MIN);
    expect(await coordinator.checkpoint(session)).toEqual({
      ok: false,
      reason: 'cooldown',
      message: 'last checkpoint 29 min ago (2026-11-21T12:00:00.000Z); the cooldown is 30 min (use --force to checkpoint anyway)',
    });
    expect((await coordinator.checkpoint(session, { force: true })).ok).toBe(true);
    advance(30 * MIN);
    expect((await coordinator.checkpoint(session)).ok).toBe(true);
    expect(coordinator.summary(session.id)).toEqual({
      count: 3,
      lastAt: '2026-11-21T12:59:00.000Z',
      lastAtMs: T0 + 59 * MIN,
      filesModifiedAtLast: 2,
      tokensSaved: 450_000,
    });
    expect(coordinator.history(session.id).checkpoints.map((c) => c.record.reason)).toEqual(['manual checkpoint', 'manual checkpoint', 'manual checkpoint']);
  });

  it('says who holds the lock', async () => {
    const { dataDir, coordinator } = setup();
    const session = richSession(null);
    const dir = join(dataDir, 'checkpoints', 'claude-code', session.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.lock'), JSON.stringify({ pid: process.pid, host: hostname(), createdAt: new Date(T0).toISOString(), token: 't' }));
    const result = await coordinator.checkpoint(session);
    expect(result).toMatchObject({ ok: false, reason: 'locked' });
    expect(result.ok ? '' : result.message).toBe(`another checkpoint of this session is being written (pid ${process.pid} on ${hostname()}, since 2026-11-21T12:00:00.000Z)`);
  });

  it('writes a handoff without git for a folder that is not a repository, and copies it into the project when asked', async () => {
    const project = mkdtempSync(join(tmpdir(), 'headroom-plain-'));
    const settings = { ...DEFAULT_SETTINGS, checkpoint: { ...DEFAULT_SETTINGS.checkpoint, copyToProject: true } };
    const { coordinator } = setup(settings);
    const result = await coordinator.checkpoint(richSession(project));
    if (!result.ok) throw new Error(result.message);
    expect(result.checkpoint.gitRef).toBeNull();
    const copy = join(project, '.headroom', 'checkpoints', '2026-11-21T12-00-00-000Z.md');
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(result.checkpoint.markdownPath, 'utf8'));
    expect(readFileSync(copy, 'utf8')).toContain('Not a git repository');
  });

  it('ignores and then removes what a crashed writer left behind', async () => {
    const { dataDir, coordinator, advance } = setup();
    const session = richSession(null);
    const dir = join(dataDir, 'checkpoints', 'claude-code', session.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '2026-11-21T11-00-00-000Z.md'), '# half');
    writeFileSync(join(dir, '2026-11-21T11-00-00-000Z.json.tmp-1-abcd'), '{"kind":');
    writeFileSync(join(dir, 'broken.json'), '{"kind":"headroom-checkpoint"');
    expect(coordinator.history(session.id).checkpoints).toEqual([]);
    expect(coordinator.history(session.id).skipped).toHaveLength(1);
    advance(1);
    const result = await coordinator.checkpoint(session);
    expect(result.ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['2026-11-21T12-00-00-001Z.json', '2026-11-21T12-00-00-001Z.md', 'broken.json']);
    expect(existsSync(join(dir, '.lock'))).toBe(false);
  });
});
