/**
 * The built `headroom` command as users run it: `status` (table and JSON), its errors and exit codes,
 * and `watch --json` following a transcript as it grows.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { StatusReportSchema } from '../../shared/session';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, GEMINI_FIXTURES, tempDir } from '../support/paths';
import { CLI, ensureBuilt } from '../support/cli';

ensureBuilt();
const dir = tempDir();
afterAll(() => dir.cleanup());
const roots = ['--claude-dir', CLAUDE_FIXTURES, '--codex-dir', CODEX_FIXTURES, '--gemini-dir', GEMINI_FIXTURES, '--data-dir', join(dir.path, 'data')];
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('headroom status', () => {
  it('prints the documented JSON for every session', () => {
    const result = run('status', '--json', '--all', ...roots);
    expect(result.status).toBe(0);
    const report = StatusReportSchema.parse(JSON.parse(result.stdout));
    expect(report.sessions).toHaveLength(10);
    expect(report.sessions.find((s) => s.id === 'febf1502-2e31-47e2-a9df-110e9b6b7f6a')!.context.usedTokens).toBe(80_000);
  });

  it('filters by agent and prints a table with a context bar', () => {
    const result = run('status', '--all', '--agent', 'codex', ...roots);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^AGENT\s+PROJECT\s+MODEL\s+CONTEXT/);
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('59b923df4d'))).toMatch(/codex\s+59b923df4d\s+gpt-5\.3-codex\s+\[#######\.\.\.\.\.\]\s+61%\s+33\.9M\s+\$11\.24\s+ended/);
  });

  it('fails clearly on a bad flag, an unknown agent and a folder that does not exist', () => {
    const bad = run('status', '--bogus');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("unknown option '--bogus'");
    const agent = run('status', '--agent', 'cursor', ...roots);
    expect(agent.status).toBe(2);
    expect(agent.stderr).toBe('headroom: unknown agent "cursor" (expected one of: claude-code, codex, gemini-cli)\n');
    const missing = run('status', '--claude-dir', join(dir.path, 'missing'), '--codex-dir', dir.path, '--gemini-dir', dir.path);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`headroom: claude-code folder not found: ${join(dir.path, 'missing')}\n`);
    expect(missing.stderr).not.toContain('    at ');
    const both = run('status', '--claude-dir', join(dir.path, 'missing'), '--codex-dir', join(dir.path, 'gone'), '--gemini-dir', dir.path);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe(`headroom: claude-code folder not found: ${join(dir.path, 'missing')}\nheadroom: codex folder not found: ${join(dir.path, 'gone')}\n`);
  });
});

describe('headroom watch --json', () => {
  it('prints a session-updated line when a transcript grows', async () => {
    const claude = join(dir.path, 'claude');
    cpSync(CLAUDE_FIXTURES, claude, { recursive: true });
    const child = spawn(process.execPath, [CLI, 'watch', '--json', '--claude-dir', claude, '--codex-dir', dir.path, '--gemini-dir', dir.path, '--data-dir', join(dir.path, 'data')]);
    try {
      const lines = createInterface({ input: child.stdout });
      const file = join(claude, 'projects', '-home-dev-work-proj-claude-tui', '573f847f-eb29-456e-8901-b00105c74512.jsonl');
      const assistant = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').filter((l) => l.includes('"type":"assistant"')).at(-1)!);
      assistant.message.id = 'msg_watch';
      assistant.message.usage = { input_tokens: 1, cache_creation_input_tokens: 2, cache_read_input_tokens: 50_000, output_tokens: 3 };
      // The monitor is ready once it has scanned; append until the event arrives (the first append may precede the watch).
      const timer = setInterval(() => appendFileSync(file, `${JSON.stringify({ ...assistant, requestId: `req_${Date.now()}` })}\n`), 300);
      const event = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error('no event within 10 s')), 10_000);
        lines.on('line', (line) => {
          const parsed = JSON.parse(line) as { event: string; session: { context: { usedTokens: number } } };
          if (parsed.event === 'session-updated' && parsed.session.context.usedTokens === 50_003) {
            clearTimeout(deadline);
            resolve(parsed);
          }
        });
      });
      clearInterval(timer);
      expect(event).toMatchObject({ event: 'session-updated', session: { id: '573f847f-eb29-456e-8901-b00105c74512', agent: 'claude-code' } });
      expect(Number.isNaN(Date.parse(event.at as string))).toBe(false);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
