/**
 * `headroom status` from the warm-start caches, as users run it: every run prints what a run that reads
 * every transcript again (`--no-cache`) prints, byte for byte, and a change to a transcript, to the
 * settings or to the tags shows at once. Also: `--version` answers without loading any command.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENTS, SessionStatusSchema } from '../../shared/session';
import { COMMANDS } from '../../electron/cli/commands';
import { AGENT_NAMES, STATUS_NAMES } from '../../electron/cli/status-flags';
import { settingsMemoPath } from '../../electron/engine/settings/remembered';
import { CLI, ensureBuilt } from '../support/cli';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, GEMINI_FIXTURES, tempDir } from '../support/paths';

ensureBuilt();
const dir = tempDir('headroom-status-warm-');
afterAll(() => dir.cleanup());
const claude = join(dir.path, 'claude');
cpSync(CLAUDE_FIXTURES, claude, { recursive: true });
const dataDir = join(dir.path, 'data');
const roots = ['--claude-dir', claude, '--codex-dir', CODEX_FIXTURES, '--gemini-dir', GEMINI_FIXTURES, '--data-dir', dataDir];
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, HOME: dir.path } });
/** The JSON printed, with the time of the run taken out. */
const json = (...args: string[]) => {
  const result = run('status', '--json', ...args, ...roots);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "…"');
};

describe('warm headroom status', () => {
  it('prints what --no-cache prints, run after run, for every session and for a filter', () => {
    const cold = json('--all', '--no-cache');
    expect(JSON.parse(cold).sessions).toHaveLength(10);
    expect(json('--all')).toBe(cold); // fills the caches
    expect(json('--all')).toBe(cold); // answers from them
    expect(existsSync(settingsMemoPath(dataDir))).toBe(true);
    expect(json('--all', '--agent', 'codex')).toBe(json('--all', '--agent', 'codex', '--no-cache'));
    expect(run('status', '--all', ...roots).stdout).toBe(run('status', '--all', '--no-cache', ...roots).stdout);
  });

  it('shows a transcript appended to, new settings and new tags at once', () => {
    json('--all');
    const file = join(claude, 'projects', '-home-dev-work-proj-claude-tui', '573f847f-eb29-456e-8901-b00105c74512.jsonl');
    const last = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').filter((l) => l.includes('"type":"assistant"')).at(-1)!);
    last.uuid = 'warm-test-extra';
    last.message.id = 'msg_warm_test';
    last.requestId = 'req_warm_test';
    last.message.usage = { input_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 123_456, output_tokens: 2 };
    appendFileSync(file, `${JSON.stringify(last)}\n`);
    const appended = json('--all');
    expect(appended).toBe(json('--all', '--no-cache'));
    expect(JSON.parse(appended).sessions.find((s: { id: string }) => s.id === '573f847f-eb29-456e-8901-b00105c74512').context.usedTokens).toBe(123_457);

    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ modelWindows: { 'claude-opus-4-5-20251101': 1_000_000 }, idleAfterMinutes: 5 }));
    expect(json('--all')).toBe(json('--all', '--no-cache'));

    expect(run('tag', '573f847f', 'warm-tag', ...roots).status).toBe(0);
    const tagged = json('--all');
    expect(tagged).toBe(json('--all', '--no-cache'));
    expect(JSON.parse(json('--all', '--tag', 'warm-tag')).sessions.map((s: { id: string }) => s.id)).toEqual(['573f847f-eb29-456e-8901-b00105c74512']);
  });
});

describe('headroom start-up', () => {
  it('answers --version without loading a command, and status --help with only its own', () => {
    // A module loader hook that names every module as it loads.
    const hook = join(dir.path, 'hook.mjs');
    writeFileSync(hook, "export async function load(url, context, next) { process.stderr.write(`LOADED ${url}\\n`); return next(url, context); }\n");
    const loaded = (...args: string[]) => {
      const result = spawnSync(process.execPath, ['--no-warnings', `--experimental-loader=${pathToFileURL(hook).href}`, CLI, ...args], { encoding: 'utf8' });
      const commands = result.stderr.split('\n').flatMap((line) => /\/chunks\/([a-z-]+)-[A-Z0-9]+\.js$/.exec(line)?.[1] ?? []);
      return { stdout: result.stdout, commands: commands.filter((name) => name in COMMANDS) };
    };
    expect(loaded('--version')).toEqual({ stdout: '0.1.0\n', commands: [] });
    const help = loaded('status', '--help');
    expect(help.stdout).toMatch(/--agent <agent> +only sessions of this agent \(claude-code, codex,\s+gemini-cli\)/);
    expect(help.commands).toEqual(['status']);
  });

  it('names the agents and statuses of the status filters as the shared schema does', () => {
    expect([...AGENT_NAMES]).toEqual([...AGENTS]);
    expect([...STATUS_NAMES]).toEqual(SessionStatusSchema.options);
  });
});
