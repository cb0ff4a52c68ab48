/**
 * `headroom watch --notify` end to end: the built CLI follows a real transcript while a private dunst
 * (D-Bus + Xvfb) records notifications. Nothing is shown for the state at start-up or for a change that
 * stays below the thresholds; crossing into compact-soon shows one notification. Skipped, with the
 * reason, where Xvfb/dbus/dunst/notify-send are missing.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../support/cli';
import { CLAUDE_FIXTURES } from '../support/paths';
import { dunstSkipReason, startDunst, until, type Dunst } from '../engine/alerts/dunst-harness';

const skipReason = dunstSkipReason();
// claude-sonnet-4-5: a 200k window, so 185k is past the auto-compact point.
const SESSION = '6f1039d8-684a-4732-870c-c177ae095f9e';
let dunst: Dunst | null = null;

beforeAll(async () => {
  if (!skipReason) dunst = await startDunst();
}, 30_000);
afterAll(() => dunst?.stop());

describe('headroom watch --notify', () => {
  it.skipIf(skipReason !== null)(`notifies once when a session crosses into compact-soon${skipReason ? ` (skipped: ${skipReason})` : ''}`, async () => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'headroom-watch-notify-'));
    const claude = join(dir, 'claude');
    cpSync(CLAUDE_FIXTURES, claude, { recursive: true });
    const file = join(claude, 'projects', '-home-dev-work-proj-claude-demo-20261121-112759', `${SESSION}.jsonl`);
    const template = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').filter((l) => l.includes('"type":"assistant"')).at(-1) ?? '{}');
    let n = 0;
    const append = (cacheRead: number) => {
      n += 1;
      const usage = { input_tokens: 1, cache_creation_input_tokens: 2, cache_read_input_tokens: cacheRead, output_tokens: 3 };
      const record = { ...template, uuid: `notify-${n}`, requestId: `req_notify_${n}`, timestamp: new Date().toISOString(), message: { ...template.message, id: `msg_notify_${n}`, usage } };
      appendFileSync(file, `${JSON.stringify(record)}\n`);
    };

    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: dunst?.busAddress ?? '' };
    const args = [CLI, 'watch', '--notify', '--json', '--claude-dir', claude, '--codex-dir', dir, '--gemini-dir', dir, '--data-dir', join(dir, 'data')];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const used: number[] = [];
      createInterface({ input: child.stdout }).on('line', (line) => {
        const event = JSON.parse(line) as { event: string; session?: { id: string; context: { usedTokens: number | null } } };
        if (event.event === 'session-updated' && event.session?.id === SESSION && event.session.context.usedTokens !== null) used.push(event.session.context.usedTokens);
      });
      // Below every threshold (25%): repeat until the watcher reports it, which proves it is live.
      const timer = setInterval(() => append(50_000), 300);
      await until('the watcher to follow the transcript', () => (used.includes(50_003) ? true : null));
      clearInterval(timer);
      await new Promise((resolve) => setTimeout(resolve, 600)); // let a batch (250 ms) flush, if any
      expect(dunst?.seen()).toEqual([]);

      append(185_000); // 185,003 tokens ≥ 167,000 − 10,000: about to auto-compact
      const seen = await until('the notification in dunst', () => ((dunst?.seen().length ?? 0) > 0 ? dunst?.seen() : null));
      expect(seen).toHaveLength(1);
      const [app, summary, body, urgency] = (seen?.[0] ?? '').split('\t');
      expect([app, summary, urgency]).toEqual(['Headroom', 'proj-claude-demo-20261121-112759: about to auto-compact', 'CRITICAL']);
      expect(body).toMatch(/^Claude Code will compact this session at 167,000 tokens( in about \d+ min)? and lose detail\. 185,003 of 200,000 tokens\. Checkpoint now to keep it\.$/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
