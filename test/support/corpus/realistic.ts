/**
 * A heavy user's whole history, for the benchmark: thousands of Claude Code sessions spread over a few
 * dozen projects, a few hundred Codex rollouts, sizes with a long tail (most sessions are small, a few
 * are tens of MB), tool results from a few hundred bytes to over a megabyte on one line, subagents
 * and compactions. Proportions at the default size (1 GB): ~2,500 Claude sessions, ~300 Codex
 * rollouts — about the 3,142 files / 1.24 GB of the largest public ccusage profile (PEERS.md).
 *
 * Like the small corpus, it is reproducible from its seed and carries ground truth: the token totals
 * every session adds up to, which both Headroom and ccusage must report for the corpus.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Tokens } from '../../../shared/session';
import { writeClaudeSession } from './claude';
import { writeCodexSession } from './codex';
import { Random } from './random';

export interface RealisticOptions {
  seed: number;
  /** Approximate total size in bytes. */
  bytes: number;
  /** Called after each session with the sessions written so far and the total to write. */
  onProgress?: (written: number, total: number) => void;
}

export interface RealisticCorpus {
  claudeDir: string;
  codexDir: string;
  claudeSessions: number;
  codexSessions: number;
  /** Token totals over all sessions of each agent, as written. */
  totals: { claude: Tokens; codex: Tokens };
}

const GB = 1e9;
const CLAUDE_SHARE = 0.85;
/** Average bytes a Claude turn adds (four records plus a tool result drawn from `toolResultBytes`). */
const CLAUDE_TURN_BYTES = 24_500;
const CODEX_TURN_BYTES = 14_500;
const MAX_TURNS = 3000;

const zero = (): Tokens => ({ input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 0 });

export function writeRealisticCorpus(dir: string, options: RealisticOptions): RealisticCorpus {
  const random = new Random(options.seed);
  const scale = options.bytes / GB;
  const claudeCount = Math.max(1, Math.round(2500 * scale));
  const codexCount = Math.max(1, Math.round(300 * scale));
  const claudeDir = join(dir, 'claude');
  const codexDir = join(dir, 'codex');
  mkdirSync(join(claudeDir, 'projects'), { recursive: true });
  mkdirSync(join(codexDir, 'sessions'), { recursive: true });
  const projects = Array.from({ length: Math.min(60, Math.max(3, Math.round(claudeCount / 40))) }, (_, i) => `/home/dev/src/${random.pick(NAMES)}-${i}`);
  const filler = new Filler(random);
  const toolResult = (r: Random) => filler.take(r, toolResultBytes(r));
  const claudeTurns = turnBudgets(random, claudeCount, (options.bytes * CLAUDE_SHARE) / CLAUDE_TURN_BYTES);
  const codexTurns = turnBudgets(random, codexCount, (options.bytes * (1 - CLAUDE_SHARE)) / CODEX_TURN_BYTES);
  const start = Date.parse('2026-09-01T08:00:00Z');
  const spanMs = 75 * 24 * 3_600_000;
  const totals = { claude: zero(), codex: zero() };
  const total = claudeCount + codexCount;

  for (let i = 0; i < claudeCount; i += 1) {
    const turns = claudeTurns[i]!;
    const growth = random.int(2500, 8000);
    const subagent = random.chance(0.4);
    const expected = writeClaudeSession(claudeDir, random, {
      turns,
      growth,
      compactEvery: Math.floor(150_000 / growth),
      subagent,
      subagents: subagent ? random.int(1, 4) : 1,
      subagentTurns: random.int(3, 15),
      badLineRate: 0.0002,
      toolResultBytes: 0,
      toolResult,
      cwd: random.pick(projects),
      startMs: start + random.int(0, spanMs),
    });
    add(totals.claude, expected.tokens);
    options.onProgress?.(i + 1, total);
  }
  for (let i = 0; i < codexCount; i += 1) {
    const growth = random.int(3000, 7000);
    const expected = writeCodexSession(codexDir, random, {
      turns: codexTurns[i]!,
      growth,
      compactEvery: Math.floor(200_000 / growth),
      toolOutputBytes: 0,
      toolOutput: toolResult,
      cwd: random.pick(projects),
      startMs: start + random.int(0, spanMs),
    });
    add(totals.codex, expected.tokens);
    options.onProgress?.(claudeCount + i + 1, total);
  }
  return { claudeDir, codexDir, claudeSessions: claudeCount, codexSessions: codexCount, totals };
}

/**
 * Turns per session: log-normal weights (a long tail of big sessions) scaled so that all sessions
 * together have `totalTurns`, each between 1 and MAX_TURNS.
 */
function turnBudgets(random: Random, count: number, totalTurns: number): number[] {
  const weights = Array.from({ length: count }, () => Math.exp(1.3 * gaussian(random)));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.min(MAX_TURNS, Math.max(1, Math.round((w / sum) * totalTurns))));
}

function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Tool result sizes seen in real transcripts: mostly short, some file-sized, rarely a megabyte. */
function toolResultBytes(random: Random): number {
  const p = random.next();
  if (p < 0.6) return random.int(100, 1500);
  if (p < 0.9) return random.int(1500, 12_000);
  if (p < 0.99) return random.int(12_000, 80_000);
  return random.int(200_000, 1_500_000);
}

/**
 * Code-like text with quotes, backslashes and newlines (so JSON escaping costs what it costs on real
 * transcripts), cut from one long generated string instead of built word by word: generating a
 * gigabyte stays fast.
 */
class Filler {
  private readonly text: string;

  constructor(random: Random) {
    const lines: string[] = [];
    let length = 0;
    while (length < 1_600_000) {
      const name = `${random.pick(NAMES)}${random.int(1, 999)}`;
      const line = random.pick([
        `  const ${name} = await load("${random.pick(NAMES)}", { retries: ${random.int(0, 9)} });`,
        `export function ${name}(input: string): number {`,
        `    if (!${name}) throw new Error(\`missing \${"${name}"}\`);`,
        `src/${name}.ts:${random.int(1, 400)}:${random.int(1, 80)} - error TS2345: Argument of type 'string' is not assignable.`,
        `{"path": "C:\\\\work\\\\${name}", "size": ${random.int(0, 99999)}, "ok": true}`,
        `  ✓ ${name} renders the ${random.pick(NAMES)} (${random.int(1, 90)} ms)`,
        '}',
        '',
      ]);
      lines.push(line);
      length += line.length + 1;
    }
    this.text = lines.join('\n');
  }

  take(random: Random, bytes: number): string {
    if (bytes >= this.text.length) return this.text.repeat(Math.ceil(bytes / this.text.length)).slice(0, bytes);
    const at = random.int(0, this.text.length - bytes);
    return this.text.slice(at, at + bytes);
  }
}

const NAMES = ['context', 'token', 'window', 'agent', 'session', 'render', 'parser', 'client', 'router', 'store', 'cache', 'worker', 'schema', 'widget', 'query', 'report'];

function add(into: Tokens, tokens: Tokens): void {
  for (const key of Object.keys(into) as (keyof Tokens)[]) into[key] += tokens[key];
}
