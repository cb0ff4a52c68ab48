/**
 * The integration commands through the built CLI: `hooks install|status|uninstall` (and the installed
 * command line run through a shell from another folder, as the agent runs it), `hook`,
 * `request-termination`, `orphans` (a real orphaned process) and `metrics` (scraped over HTTP).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isRunning } from '../../electron/engine/termination/identity';
import { CLI } from '../support/cli';
import { tempDir } from '../support/paths';
import { appendClaudeAnswer, claudePayload, claudeTranscript } from '../engine/hooks/transcripts';
import { HOOK_SCRIPT } from '../engine/hooks/hook-process';
import { eventually, fakeBinary, start, stopAll } from '../engine/processes/fake-agent';
import { SettingsStore } from '../../electron/engine/settings/store';
import { listRequests } from '../../electron/engine/termination/store';
import { scrape, valueOf } from '../server/exposition';
import { runCli } from './run-cli';

const dir = tempDir();
afterAll(() => dir.cleanup());
const orphans: number[] = [];
afterEach(async () => {
  await stopAll();
  for (const pid of orphans.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
});
let count = 0;

function workspace() {
  const base = join(dir.path, String((count += 1)));
  const project = join(base, 'project');
  const empty = join(base, 'empty');
  mkdirSync(project, { recursive: true });
  mkdirSync(empty, { recursive: true });
  const claudeRoot = join(base, 'claude');
  const dataDir = join(base, 'data');
  return { base, project: realpathSync(project), claudeRoot, dataDir, roots: ['--claude-dir', claudeRoot, '--codex-dir', empty, '--gemini-dir', empty, '--data-dir', dataDir] };
}

describe('headroom hooks', () => {
  it('installs runnable hook commands (absolute node + hook.js), reports them, and uninstalls them', () => {
    const w = workspace();
    const config = join(w.base, 'claude-config');
    mkdirSync(config);
    writeFileSync(join(config, 'settings.json'), JSON.stringify({ theme: 'dark' }));
    const installed = runCli(['hooks', 'install', '--agent', 'claude-code', '--config-dir', config, '--data-dir', w.dataDir]);
    expect(installed.status).toBe(0);
    expect(installed.stdout).toContain(`claude-code: installed SessionStart, PostToolUse, PreCompact, SessionEnd (${join(config, 'settings.json')})`);
    const settings = JSON.parse(readFileSync(join(config, 'settings.json'), 'utf8'));
    expect(settings.theme).toBe('dark');
    const command: string = settings.hooks.PostToolUse[0].hooks[0].command;
    expect(command).toBe(`${process.execPath} ${HOOK_SCRIPT} post-tool-use --agent claude-code --data-dir ${w.dataDir}`);

    // Run the installed line exactly as the agent does: through a shell, from another folder.
    const t = claudeTranscript(w.claudeRoot, '7b3d9e10-3333-4ccc-8ddd-000000000001', w.project);
    appendClaudeAnswer(t, 150_000);
    const ran = spawnSync('/bin/sh', ['-c', command], { cwd: '/', input: claudePayload(t, 'PostToolUse'), encoding: 'utf8' });
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout).hookSpecificOutput.additionalContext).toMatch(/^Headroom: context at 75% \(150,000 of 200,000 tokens\)/);

    const status = runCli(['hooks', 'status', '--agent', 'claude-code', '--config-dir', config, '--json']);
    expect(JSON.parse(status.stdout)[0]).toMatchObject({ agent: 'claude-code', exists: true, statuslineWrapped: false, problem: null });
    expect(runCli(['hooks', 'uninstall', '--agent', 'claude-code', '--config-dir', config]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(config, 'settings.json'), 'utf8'))).toEqual({ theme: 'dark' });
  });

  it('refuses a settings file that is not JSON (exit 1), and --config-dir without --agent (exit 2)', () => {
    const w = workspace();
    const config = join(w.base, 'broken');
    mkdirSync(config);
    writeFileSync(join(config, 'settings.json'), '{ "theme": ');
    const refused = runCli(['hooks', 'install', '--agent', 'claude-code', '--config-dir', config]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^headroom: .*settings\.json is not valid JSON \(.*\); fix it or move it away first — nothing was changed\n$/);
    expect(readFileSync(join(config, 'settings.json'), 'utf8')).toBe('{ "theme": ');
    expect(runCli(['hooks', 'install', '--config-dir', config])).toMatchObject({ status: 2, stderr: 'headroom: --config-dir needs --agent (which agent the folder belongs to)\n' });
  });

  it('`headroom hook` runs the same hook by hand', () => {
    const w = workspace();
    const t = claudeTranscript(w.claudeRoot, '7b3d9e10-3333-4ccc-8ddd-000000000002', w.project);
    appendClaudeAnswer(t, 150_000);
    const byHand = spawnSync(process.execPath, [CLI, 'hook', 'post-tool-use', '--agent', 'claude-code', '--data-dir', w.dataDir], { input: claudePayload(t, 'PostToolUse'), encoding: 'utf8' });
    expect(byHand.status).toBe(0);
    expect(JSON.parse(byHand.stdout).systemMessage).toMatch(/^Headroom: context at 75%/);
  });
});

describe('headroom request-termination', () => {
  it('records a request for the session of a folder, and explains bad input', () => {
    const w = workspace();
    const t = claudeTranscript(w.claudeRoot, '7b3d9e10-3333-4ccc-8ddd-000000000003', w.project);
    appendClaudeAnswer(t, 150_000);
    const recorded = runCli(['request-termination', '--cwd', w.project, '--reason', 'context nearly full', '--priority', 'immediate', '--json', ...w.roots]);
    expect(recorded.status).toBe(0);
    const request = JSON.parse(recorded.stdout);
    expect(request).toMatchObject({ kind: 'headroom-termination-request', sessionId: t.sessionId, agent: 'claude-code', reason: 'context nearly full', priority: 'immediate', source: 'cli', continuationCommand: `cd ${w.project} && claude --resume ${t.sessionId}`, target: null });
    expect(existsSync(join(w.dataDir, 'termination', 'claude-code', t.sessionId, `${request.id}.json`))).toBe(true);

    expect(runCli(['request-termination', '--session', t.sessionId, ...w.roots])).toMatchObject({ status: 2, stderr: 'headroom: --reason is required: say why the session should stop\n' });
    expect(runCli(['request-termination', '--session', t.sessionId, '--reason', 'x', '--priority', 'now', ...w.roots])).toMatchObject({ status: 2, stderr: 'headroom: --priority must be graceful or immediate, not "now"\n' });
    expect(runCli(['request-termination', '--session', 'ffff0000', '--reason', 'x', ...w.roots])).toMatchObject({ status: 3, stderr: 'headroom: no session with id "ffff0000"\n' });
  });
});

describe.runIf(process.platform === 'linux')('headroom orphans', () => {
  it('lists a process an ended session left behind (dry run), refuses other pids, and ends it with --kill', () => {
    const w = workspace();
    const t = claudeTranscript(w.claudeRoot, '7b3d9e10-3333-4ccc-8ddd-000000000004', w.project);
    appendClaudeAnswer(t, 10_000, 'claude-sonnet-4-5', new Date(Date.now() - 60_000).toISOString());
    const server = fakeBinary(join(w.base, 'bin'), 'dev-server');
    const pid = Number(spawnSync('/bin/sh', ['-c', '"$0" 600 >/dev/null 2>&1 & echo $!', server], { cwd: w.project, encoding: 'utf8' }).stdout.trim());
    orphans.push(pid);

    const listed = runCli(['orphans', ...w.roots]);
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^PID\s+AGE\s+MEM\s+SESSION\s+FOLDER\s+COMMAND$/);
    expect(lines[1]).toMatch(new RegExp(`^${pid}\\s+\\d+m\\s+\\d+ MB\\s+claude-code 7b3d9e10\\s+${w.project}\\s+${server} 600$`));
    expect(lines[2]).toBe('Dry run: nothing was ended. End one with --kill PID, or all with --kill-all.');
    expect(isRunning(pid)).toBe(true);

    expect(runCli(['orphans', '--kill', String(process.pid), ...w.roots])).toMatchObject({ status: 3, stderr: `headroom: ${process.pid} is not a leftover process of any session; nothing was signalled\n` });
    const killed = runCli(['orphans', '--kill', String(pid), '--json', ...w.roots]);
    expect(killed.status).toBe(0);
    expect(JSON.parse(killed.stdout).ended).toEqual([{ pid, result: { kind: 'ended', signal: 'SIGTERM', waitedMs: expect.any(Number) } }]);
    expect(isRunning(pid)).toBe(false);
  });
});

describe('headroom metrics', () => {
  it('serves the sessions of the given folders on 127.0.0.1', async () => {
    const w = workspace();
    const t = claudeTranscript(w.claudeRoot, '7b3d9e10-3333-4ccc-8ddd-000000000005', w.project);
    appendClaudeAnswer(t, 150_000, 'claude-sonnet-4-5', new Date().toISOString());
    const child = spawn(process.execPath, [CLI, 'metrics', '--port', '0', ...w.roots], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /Headroom metrics: (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`headroom metrics exited with ${code}`)));
      });
      const m = await scrape(url);
      const labels = { session_id: t.sessionId, agent: 'claude-code', project: 'project' };
      expect(valueOf(m, 'headroom_context_tokens', labels)).toBe(150_000);
      expect(valueOf(m, 'headroom_context_percent', labels)).toBe(75);
      expect(valueOf(m, 'headroom_active_sessions')).toBe(1);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect(child.exitCode).toBe(0);
  });
});

describe.runIf(process.platform === 'linux')('headroom watch --notify carries out termination requests', () => {
  it('checkpoints, then ends exactly the matched agent process when the request is immediate and signals are allowed', async () => {
    const w = workspace();
    expect(new SettingsStore(w.dataDir).set('termination', { allowSignals: true, graceSeconds: 5 }).ok).toBe(true);
    const agent = await start(fakeBinary(join(w.base, 'bin'), 'claude'), ['600'], { cwd: w.project });
    const t = claudeTranscript(w.claudeRoot, '7b3d9e10-3333-4ccc-8ddd-000000000006', w.project);
    appendClaudeAnswer(t, 185_000, 'claude-sonnet-4-5', new Date().toISOString());
    const recorded = runCli(['request-termination', '--session', t.sessionId, '--reason', 'stop now', '--priority', 'immediate', '--json', ...w.roots]);
    expect(JSON.parse(recorded.stdout).target).toMatchObject({ pid: agent.pid });

    const watch = spawn(process.execPath, [CLI, 'watch', '--json', '--notify', ...w.roots], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const outcome = await eventually(() => listRequests(w.dataDir).requests[0]?.outcome, 'the request to be carried out', 30_000);
      expect(outcome).toMatchObject({ status: 'terminated', signal: 'SIGTERM', continuationCommand: `cd ${w.project} && claude --resume ${t.sessionId}` });
      expect(existsSync(outcome.checkpoint!.markdownPath)).toBe(true);
      await agent.exited;
      expect(agent.child.signalCode).toBe('SIGTERM');
    } finally {
      watch.kill('SIGTERM');
      await new Promise((resolve) => watch.once('exit', resolve));
    }
  });
});
