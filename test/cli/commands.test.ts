/**
 * The session commands end to end: the real CLI on a real transcript (a Claude Code session whose
 * project is rewritten to a temporary git repository), a temporary data dir, and no other roots.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, repoState, sh, write } from '../engine/checkpoints/git-fixture';
import { runCli, type CliRun } from './run-cli';

const ID = '4d5611e5-241a-462a-8d15-5122611a9569';
const FIXTURE = fileURLToPath(new URL('../fixtures/claude/projects/-home-marco-projects-spotter', import.meta.url));
const RECORDED_CWD = '/home/USER/projects/spotter-worktrees/spotter-dov';

let repo = '';
let dataDir = '';
let roots: string[] = [];

/** Copies the transcript (and its subagent file) with every recorded cwd pointing at `project`. */
function claudeRootFor(project: string): string {
  const rootDir = mkdtempSync(join(tmpdir(), 'headroom-claude-'));
  const dest = join(rootDir, 'projects', '-tmp-project');
  mkdirSync(dest, { recursive: true });
  cpSync(join(FIXTURE, ID), join(dest, ID), { recursive: true });
  const rewrite = (path: string) => writeFileSync(path, readFileSync(path, 'utf8').split(`"cwd":"${RECORDED_CWD}"`).join(`"cwd":${JSON.stringify(project)}`));
  cpSync(join(FIXTURE, `${ID}.jsonl`), join(dest, `${ID}.jsonl`));
  rewrite(join(dest, `${ID}.jsonl`));
  for (const name of readdirSync(join(dest, ID, 'subagents'))) rewrite(join(dest, ID, 'subagents', name));
  return rootDir;
}

const cli = (...args: string[]): CliRun => runCli([...args, ...roots]);
const config = (...args: string[]): CliRun => runCli(['config', ...args, '--data-dir', dataDir]);

beforeAll(() => {
  repo = makeRepo({ 'README.md': 'spotter\n', 'src/main.ts': 'export const v = 1;\n' });
  write(repo, 'src/main.ts', 'export const v = 2;\n');
  write(repo, 'notes.txt', 'untracked\n');
  dataDir = mkdtempSync(join(tmpdir(), 'headroom-cli-data-'));
  const empty = mkdtempSync(join(tmpdir(), 'headroom-empty-'));
  roots = ['--claude-dir', claudeRootFor(repo), '--codex-dir', empty, '--gemini-dir', empty, '--data-dir', dataDir];
}, 60_000);

describe('headroom check-tokens', () => {
  it('prints one line and exits 0 / 1 / 2 by level, 3 when nothing is found', () => {
    const ok = cli('check-tokens', ID);
    expect(ok).toMatchObject({ status: 0, stdout: 'claude-code 4d5611e5: 106,060 / 200,000 tokens (53.0%) — ok\n' });
    expect(cli('check-tokens', '--cwd', join(repo, 'src')).stdout).toBe(ok.stdout);

    expect(config('set', 'thresholds.warningPercent', '50').status).toBe(0);
    expect(cli('check-tokens', '4d5611e5')).toMatchObject({ status: 1, stdout: 'claude-code 4d5611e5: 106,060 / 200,000 tokens (53.0%) — warning\n' });
    expect(config('set', 'thresholds.criticalPercent', '53').status).toBe(0);
    expect(cli('check-tokens', ID, '--json')).toMatchObject({ status: 2 });
    expect(JSON.parse(cli('check-tokens', ID, '--json').stdout)).toEqual({
      sessionId: ID,
      agent: 'claude-code',
      level: 'critical',
      usedTokens: 106_060,
      windowTokens: 200_000,
      percent: 53.03,
    });
    config('set', 'thresholds', '{"warningPercent":70,"criticalPercent":90,"compactSoonMarginTokens":10000}');

    expect(cli('check-tokens', 'ffffffff')).toMatchObject({ status: 3, stderr: 'headroom: no session with id "ffffffff"\n' });
    expect(cli('check-tokens', '--cwd', tmpdir()).status).toBe(3);
    expect(cli('check-tokens', '--bogus').status).toBe(3);
  });
});

describe('headroom config', () => {
  it('sets, shows and refuses a bad value naming the key, keeping the previous value', () => {
    expect(config('set', 'checkpoint.cooldownMinutes', '45')).toMatchObject({ status: 0, stdout: 'checkpoint.cooldownMinutes = 45\n' });
    const bad = config('set', 'checkpoint.cooldownMinutes', '-1');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('headroom: checkpoint.cooldownMinutes: Too small: expected number to be >=0\n');
    expect(config('show', 'checkpoint.cooldownMinutes').stdout).toBe('45\n');
    expect(config('set', 'checkpoint.cooldownMinutes', '30').status).toBe(0);
    expect(config('init').status).toBe(1); // exists already
    expect(config('path').stdout).toBe(`${join(dataDir, 'config.json')}\n`);
  });
});

describe('headroom checkpoint', () => {
  it('writes a checkpoint of the session of a folder, leaves the repo alone, and its snapshot restores', () => {
    const before = repoState(repo);
    const run = cli('checkpoint', '--cwd', repo, '--reason', 'before refactor');
    expect(run.status).toBe(0);
    expect(repoState(repo)).toEqual(before);
    const dir = join(dataDir, 'checkpoints', 'claude-code', ID);
    const [json, md] = readdirSync(dir).sort();
    const ref = `refs/headroom/checkpoints/${ID}/1`;
    const restore = `git -C ${repo} stash apply --index ${ref}`;
    expect(run.stdout).toBe(
      [
        `Checkpoint of claude-code session ${ID}`,
        `  handoff:  ${join(dir, md ?? '')}`,
        `  record:   ${join(dir, json ?? '')}`,
        `  git:      ${ref}`,
        `  restore:  ${restore}`,
        `  resume:   cd ${repo} && claude --resume ${ID}`,
        `  captured: 106,060 tokens of context`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, md ?? ''), 'utf8')).toContain('before refactor');

    const again = cli('checkpoint', ID);
    expect(again.status).toBe(75);
    expect(again.stderr).toMatch(/^headroom: no checkpoint of 4d5611e5-.*: last checkpoint 0 min ago .* cooldown is 30 min \(use --force/);
    expect(cli('checkpoint', '--latest', '--force').status).toBe(0);

    sh(repo, 'reset', '-q', '--hard');
    sh(repo, 'clean', '-q', '-fd');
    execFileSync('sh', ['-c', restore]);
    expect(repoState(repo).files).toEqual(before.files);
    expect(cli('checkpoint').status).toBe(2); // no session named
  });
});

describe('headroom tag / untag / set-project / export / import', () => {
  it('annotates a session by id prefix, exports it and imports it into another data dir', () => {
    expect(cli('tag', '4d5611e5', 'api', 'Urgent')).toMatchObject({ status: 0, stdout: `${ID}: api, Urgent\n` });
    expect(cli('untag', ID, 'urgent').stdout).toBe(`${ID}: api\n`);
    expect(cli('set-project', ID, 'Spotter').stdout).toBe(`${ID}: project Spotter\n`);
    expect(cli('tag', 'nope', 'x').status).toBe(3);

    const out = join(mkdtempSync(join(tmpdir(), 'headroom-out-')), 'session.yaml');
    expect(cli('export', ID, '--format', 'yaml', '-o', out).status).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('kind: headroom-export');
    expect(yaml).toContain('projectName: Spotter');
    expect(yaml.match(/resumeCommand: /g)).toHaveLength(2); // both checkpoints listed
    expect(cli('export', ID, '--format', 'pdf').status).not.toBe(0);

    const other = mkdtempSync(join(tmpdir(), 'headroom-other-'));
    const imported = runCli(['import', out, '--data-dir', other]);
    expect(imported).toMatchObject({ status: 0, stdout: `Imported export of claude-code session ${ID} (tags: api; project: Spotter; notes: none)\n` });
    expect(JSON.parse(readFileSync(join(other, 'annotations.json'), 'utf8')).sessions[ID]).toEqual({ tags: ['api'], projectName: 'Spotter', notes: null });

    writeFileSync(join(other, 'bad.json'), '{"kind":"headroom-export","version":2}');
    expect(runCli(['import', join(other, 'bad.json'), '--data-dir', other])).toMatchObject({
      status: 1,
      stderr: `headroom: ${join(other, 'bad.json')} is not a valid Headroom file at version: Invalid input: expected 1\n`,
    });
    expect(existsSync(join(other, 'checkpoints'))).toBe(false);
  });
});

describe('headroom recommend', () => {
  it('prints advice as JSON about known sessions only', () => {
    const run = cli('recommend', '--json');
    expect(run.status).toBe(0);
    const recs = JSON.parse(run.stdout) as { sessionId: string; kind: string; message: string }[];
    for (const rec of recs) {
      expect(rec.sessionId).toBe(ID);
      expect(['checkpoint-and-restart', 'close-idle', 'fast-burn', 'checkpoint']).toContain(rec.kind);
    }
  });
});
