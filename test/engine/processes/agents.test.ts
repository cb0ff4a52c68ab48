/**
 * Agent recognition from executable and argv. The accepted shapes are the ones observed on this
 * machine from the pinned real clients (Claude Code 2.1.197, Codex 0.169.0, Gemini CLI 0.61.0) and
 * documented older layouts; the rejected ones are ordinary processes that merely mention an agent.
 */
import { describe, expect, it } from 'vitest';
import { agentOfProcess, mayBeAgent } from '../../../electron/engine/processes/agents';

const CACHE = '/work/main/.cache/agents';

describe('agentOfProcess', () => {
  it.each([
    ['Claude Code native (Bun) binary', `${CACHE}/claude-code@2.1.197/node_modules/@anthropic-ai/claude-code/bin/claude.exe`, [`${CACHE}/claude-code@2.1.197/node_modules/.bin/claude`, '-p', 'hello'], 'claude-code'],
    ['Claude Code installed natively', '/home/dev/.local/share/claude/versions/2.1.197', ['claude', '--resume'], 'claude-code'],
    ['Claude Code as node cli.js (≤ 2.0)', '/usr/bin/node', ['node', '--no-warnings', '/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js'], 'claude-code'],
    ['Codex node launcher', '/usr/bin/node', ['node', `${CACHE}/codex@0.169.0/node_modules/.bin/codex`, 'exec', 'hello'], 'codex'],
    ['Codex launcher by package path', '/usr/bin/node', ['node', '/usr/lib/node_modules/@openai/codex/bin/codex.js'], 'codex'],
    ['Codex native binary', `${CACHE}/codex@0.169.0/node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/bin/codex`, ['/x/bin/codex', 'exec'], 'codex'],
    ['Codex older vendored binary', '/x/vendor/codex-x86_64-unknown-linux-musl', ['/x/vendor/codex-x86_64-unknown-linux-musl'], 'codex'],
    ['Gemini CLI bundle', '/usr/bin/node', ['node', `${CACHE}/gemini-cli@0.61.0/node_modules/@google/gemini-cli/bundle/gemini.js`, '-p', 'hi'], 'gemini-cli'],
    ['Gemini CLI through the bin link with node flags', '/usr/local/bin/node', ['/usr/local/bin/node', '--max-old-space-size=8192', '/usr/local/bin/gemini'], 'gemini-cli'],
    ['Gemini CLI dist entry', '/usr/bin/node', ['node', '/usr/lib/node_modules/@google/gemini-cli/dist/index.js'], 'gemini-cli'],
    ['Windows Claude Code', 'claude.exe', ['claude.exe'], 'claude-code'],
  ])('%s', (_name, exe, argv, agent) => {
    expect(agentOfProcess({ exe, argv })).toBe(agent);
  });

  it.each([
    ['an editor on a file named after an agent', '/usr/bin/vim', ['vim', 'CLAUDE.md']],
    ['grep for an agent', '/usr/bin/grep', ['grep', 'codex', 'notes.txt']],
    ['a node script mentioning an agent', '/usr/bin/node', ['node', '/home/dev/tools/claude-usage.js']],
    ['node evaluating code that names a CLI', '/usr/bin/node', ['node', '-e', 'require("/usr/local/bin/claude")']],
    ['a node flag value that looks like a CLI', '/usr/bin/node', ['node', '--require', '/x/claude', '/srv/app.js']],
    ['a different program with a similar name', '/opt/claudette/bin/claudette', ['claudette']],
    ['the Claude desktop app', '/Applications/Claude.app/Contents/MacOS/Claude', ['/Applications/Claude.app/Contents/MacOS/Claude']],
    ['a shell running an agent script by name as an argument', '/bin/bash', ['bash', '/usr/local/bin/claude']],
  ])('rejects %s', (_name, exe, argv) => {
    expect(agentOfProcess({ exe, argv })).toBeNull();
  });
});

describe('mayBeAgent', () => {
  it('keeps every shape accepted above and drops unrelated processes', () => {
    expect(mayBeAgent('claude.exe', '/x/.bin/claude -p')).toBe(true);
    expect(mayBeAgent('node', 'node /x/@google/gemini-cli/bundle/gemini.js')).toBe(true);
    expect(mayBeAgent('codex', '/x/bin/codex exec')).toBe(true);
    expect(mayBeAgent('node', 'node /srv/app.js')).toBe(false);
    expect(mayBeAgent('bash', '-bash')).toBe(false);
  });
});
