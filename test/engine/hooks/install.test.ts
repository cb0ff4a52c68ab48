/**
 * Installing hooks into an agent's real settings file in a temporary config folder: the user's other
 * keys, hooks and statusLine survive byte for byte in meaning, a second install changes nothing, a backup
 * is taken before each change, a file that is not JSON is refused untouched, and uninstall gives back
 * exactly the file the user had.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hookCommandLine, parseHookCommand, shellWords } from '../../../electron/engine/hooks/install/command';
import { hooksStatus, installHooks, uninstallHooks } from '../../../electron/engine/hooks/install/install';
import { tempDir } from '../../support/paths';

const dir = tempDir();
afterAll(() => dir.cleanup());
let count = 0;
const runtime = { node: '/opt/node 20/bin/node', script: "/home/o'brien/headroom/dist/cli/hook.js" };
const NOW = Date.parse('2026-11-21T12:00:00.000Z');

function configDir(files: Record<string, string> = {}): string {
  const path = join(dir.path, `config-${(count += 1)}`);
  mkdirSync(path, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
  return path;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** A user's settings.json with hooks, a statusLine and other keys of their own. */
const USER_SETTINGS = {
  model: 'claude-sonnet-4-5',
  permissions: { allow: ['Bash(npm test)'] },
  hooks: {
    PostToolUse: [{ matcher: 'Edit|Write', hooks: [{ type: 'command', command: 'npx prettier --write "$CLAUDE_FILE"', timeout: 30 }] }],
    Stop: [{ hooks: [{ type: 'command', command: '/home/me/bin/notify-done.sh' }] }],
  },
  statusLine: { type: 'command', command: "~/.claude/statusline.sh | sed 's/x/y/'", padding: 2 },
};

describe('hook command lines', () => {
  it('quote paths with spaces and quotes so a POSIX shell reads them back exactly', () => {
    const line = hookCommandLine(runtime, { event: 'statusline', agent: 'claude-code', dataDir: '/data dir', run: "echo 'hi' && date" });
    expect(line).toBe(`'/opt/node 20/bin/node' '/home/o'\\''brien/headroom/dist/cli/hook.js' statusline --agent claude-code --data-dir '/data dir' --run 'echo '\\''hi'\\'' && date'`);
    expect(shellWords(line)).toEqual(['/opt/node 20/bin/node', "/home/o'brien/headroom/dist/cli/hook.js", 'statusline', '--agent', 'claude-code', '--data-dir', '/data dir', '--run', "echo 'hi' && date"]);
    expect(parseHookCommand(line)).toEqual({ event: 'statusline', agent: 'claude-code', dataDir: '/data dir', run: "echo 'hi' && date" });
  });

  it.each([
    ['a user hook that mentions headroom', 'echo headroom hook post-tool-use --agent claude-code'],
    ['a pipe', "node /x/hook.js post-tool-use --agent claude-code | tee log"],
    ['an unknown event', 'node /x/hook.js pre-tool-use --agent claude-code'],
    ['no --agent', 'node /x/hook.js post-tool-use'],
    ['an unclosed quote', "node '/x/hook.js post-tool-use --agent claude-code"],
  ])('are not confused with %s', (_what, line) => {
    expect(parseHookCommand(line)).toBeNull();
  });

  it('recognise `headroom hook …` and installs from another folder as ours', () => {
    expect(parseHookCommand('headroom hook pre-compact --agent codex')).toEqual({ event: 'pre-compact', agent: 'codex', dataDir: null, run: null });
    expect(parseHookCommand('/usr/bin/node /old/place/dist/cli/hook.js session-end --agent claude-code')).toMatchObject({ event: 'session-end' });
  });
});

describe('hooks install / uninstall (Claude Code settings.json)', () => {
  it("merges into the user's settings, keeps everything else, and uninstall restores the file exactly", () => {
    const original = `${JSON.stringify(USER_SETTINGS, null, 2)}\n`;
    const config = configDir({ 'settings.json': original });
    const file = join(config, 'settings.json');
    chmodSync(file, 0o600);

    const installed = installHooks({ agent: 'claude-code', configDir: config, runtime, dataDir: null, statusline: true, now: NOW });
    expect(installed).toMatchObject({ ok: true, report: { changed: true, events: ['SessionStart', 'PostToolUse', 'PreCompact', 'SessionEnd'], statusline: 'wrapped', backup: `${file}.headroom-backup-2026-11-21T12-00-00-000Z` } });
    expect(readFileSync(`${file}.headroom-backup-2026-11-21T12-00-00-000Z`, 'utf8')).toBe(original);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const after = readJson(file);
    const q = (event: string) => `'/opt/node 20/bin/node' '/home/o'\\''brien/headroom/dist/cli/hook.js' ${event} --agent claude-code`;
    expect(after).toEqual({
      model: 'claude-sonnet-4-5',
      permissions: { allow: ['Bash(npm test)'] },
      hooks: {
        PostToolUse: [USER_SETTINGS.hooks.PostToolUse[0], { hooks: [{ type: 'command', command: q('post-tool-use'), timeout: 10 }] }],
        Stop: USER_SETTINGS.hooks.Stop,
        SessionStart: [{ hooks: [{ type: 'command', command: q('session-start'), timeout: 10 }] }],
        PreCompact: [{ hooks: [{ type: 'command', command: q('pre-compact'), timeout: 120 }] }],
        SessionEnd: [{ hooks: [{ type: 'command', command: q('session-end'), timeout: 3 }] }],
      },
      statusLine: { type: 'command', command: `${q('statusline')} --run '~/.claude/statusline.sh | sed '\\''s/x/y/'\\'''`, padding: 2 },
    });
    expect(hooksStatus('claude-code', config)).toMatchObject({ exists: true, statuslineWrapped: true, problem: null });
    expect(hooksStatus('claude-code', config).hooks.map((h) => h.event)).toEqual(['PostToolUse', 'SessionStart', 'PreCompact', 'SessionEnd']);

    const again = installHooks({ agent: 'claude-code', configDir: config, runtime, dataDir: null, statusline: true, now: NOW + 1000 });
    expect(again).toMatchObject({ ok: true, report: { changed: false, backup: null } });
    expect(readJson(file)).toEqual(after);
    expect(readdirSync(config).filter((name) => name.includes('headroom-backup'))).toHaveLength(1);

    const removed = uninstallHooks({ agent: 'claude-code', configDir: config, now: NOW + 2000 });
    expect(removed).toMatchObject({ ok: true, report: { changed: true, statusline: 'restored', events: ['PostToolUse', 'SessionStart', 'PreCompact', 'SessionEnd'] } });
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(hooksStatus('claude-code', config)).toMatchObject({ hooks: [], statuslineWrapped: false });
  });

  it('creates the file when there is none, and uninstall leaves an empty settings object', () => {
    const config = configDir();
    const file = join(config, 'settings.json');
    const installed = installHooks({ agent: 'claude-code', configDir: config, runtime, dataDir: '/var/headroom', statusline: true, now: NOW });
    expect(installed).toMatchObject({ ok: true, report: { changed: true, backup: null, statusline: 'added' } });
    const after = readJson(file);
    expect(Object.keys(after)).toEqual(['hooks', 'statusLine']);
    expect(after['statusLine']).toEqual({ type: 'command', command: `'/opt/node 20/bin/node' '/home/o'\\''brien/headroom/dist/cli/hook.js' statusline --agent claude-code --data-dir /var/headroom` });

    expect(uninstallHooks({ agent: 'claude-code', configDir: config, now: NOW + 1 })).toMatchObject({ ok: true, report: { statusline: 'removed' } });
    expect(readJson(file)).toEqual({});
  });

  it('replaces an older install (other paths) instead of adding a second set', () => {
    const old = { hooks: { PreCompact: [{ hooks: [{ type: 'command', command: '/usr/bin/node /old/dist/cli/hook.js pre-compact --agent claude-code', timeout: 60 }] }] } };
    const config = configDir({ 'settings.json': JSON.stringify(old) });
    expect(installHooks({ agent: 'claude-code', configDir: config, runtime, dataDir: null, statusline: false, now: NOW }).ok).toBe(true);
    const hooks = readJson(join(config, 'settings.json'))['hooks'] as Record<string, unknown[]>;
    expect(hooks['PreCompact']).toEqual([{ hooks: [{ type: 'command', command: `'/opt/node 20/bin/node' '/home/o'\\''brien/headroom/dist/cli/hook.js' pre-compact --agent claude-code`, timeout: 120 }] }]);
  });

  it('keeps a user handler that shares a group with ours when uninstalling', () => {
    const ours = "'/n' '/h/hook.js' post-tool-use --agent claude-code";
    const shared = { hooks: { PostToolUse: [{ matcher: '*', hooks: [{ type: 'command', command: 'mine.sh' }, { type: 'command', command: ours }] }] } };
    const config = configDir({ 'settings.json': JSON.stringify(shared) });
    expect(uninstallHooks({ agent: 'claude-code', configDir: config, now: NOW })).toMatchObject({ ok: true, report: { changed: true } });
    expect(readJson(join(config, 'settings.json'))).toEqual({ hooks: { PostToolUse: [{ matcher: '*', hooks: [{ type: 'command', command: 'mine.sh' }] }] } });
  });

  it.each([
    ['not JSON', '{"hooks": {', /settings\.json is not valid JSON \(.+\); fix it or move it away first — nothing was changed$/],
    ['a JSON array', '[1, 2]', /settings\.json does not hold a JSON object; fix it or move it away first — nothing was changed$/],
    ['hooks that are not an object', '{"hooks": []}', /settings\.json: "hooks" is not an object; fix it first — nothing was changed$/],
    ['an event that is not a list', '{"hooks": {"Stop": {}}}', /settings\.json: "hooks\.Stop" is not a list; fix it first — nothing was changed$/],
  ])('refuses a file that holds %s, leaving it untouched', (_what, content, message) => {
    const config = configDir({ 'settings.json': content });
    const result = installHooks({ agent: 'claude-code', configDir: config, runtime, dataDir: null, statusline: false, now: NOW });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
    expect(readFileSync(join(config, 'settings.json'), 'utf8')).toBe(content);
    expect(readdirSync(config)).toEqual(['settings.json']);
  });
});

describe('hooks install (Codex hooks.json)', () => {
  it('writes hooks.json in CODEX_HOME, refuses --statusline, and uninstall removes the hooks it added', () => {
    const config = configDir({ 'config.toml': 'model = "gpt-5.5"\n' });
    expect(installHooks({ agent: 'codex', configDir: config, runtime, dataDir: null, statusline: true, now: NOW })).toEqual({ ok: false, message: '--statusline is for Claude Code only (Codex has no statusLine command)' });
    expect(existsSync(join(config, 'hooks.json'))).toBe(false);
    const installed = installHooks({ agent: 'codex', configDir: config, runtime, dataDir: null, statusline: false, now: NOW });
    expect(installed).toMatchObject({ ok: true, report: { changed: true, file: join(config, 'hooks.json') } });
    expect(installed.ok && installed.report.notes[0]).toMatch(/dangerously-bypass-hook-trust/);
    const hooks = readJson(join(config, 'hooks.json'))['hooks'] as Record<string, { hooks: { command: string }[] }[]>;
    expect(Object.keys(hooks)).toEqual(['SessionStart', 'PostToolUse', 'PreCompact', 'SessionEnd']);
    expect(hooks['PostToolUse']![0]!.hooks[0]!.command).toBe(`'/opt/node 20/bin/node' '/home/o'\\''brien/headroom/dist/cli/hook.js' post-tool-use --agent codex`);
    expect(uninstallHooks({ agent: 'codex', configDir: config, now: NOW + 1 })).toMatchObject({ ok: true, report: { changed: true } });
    expect(readJson(join(config, 'hooks.json'))).toEqual({});
  });
});
