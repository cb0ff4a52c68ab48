/**
 * Which running processes are coding agents, from their executable and argv alone.
 *
 * Observed shapes (Linux, 2026-11): Claude Code 2.1.x is a native Bun binary (`…/bin/claude.exe`,
 * started through the `claude` link, comm `claude`); Codex is a Node wrapper `node …/.bin/codex` whose
 * child is the native `…/vendor/<triple>/bin/codex` (older releases named it `codex-<triple>`); Gemini
 * CLI is `node …/@google/gemini-cli/bundle/gemini.js`, which may relaunch itself as a second node.
 * Older Claude Code ran as `node …/@anthropic-ai/claude-code/cli.js`.
 *
 * The match is deliberately narrow — the executable's or script's own name, or a known package entry —
 * so that `vim claude.md`, `grep codex` or a node script that merely mentions an agent never counts.
 */
import type { Agent } from '../../../shared/session';

/** Executable base names (without `.exe`) of each agent's native binary or launcher link. */
const NATIVE: Record<string, Agent> = { claude: 'claude-code', codex: 'codex', gemini: 'gemini-cli' };

/** Codex's vendored binary in older releases: `codex-x86_64-unknown-linux-musl`, `codex-aarch64-apple-darwin`. */
const CODEX_TRIPLE = /^codex-(x86_64|aarch64|arm64)-/;

/** Package entry points a script runner may be given instead of the `.bin` link. */
const ENTRIES: [RegExp, Agent][] = [
  [/@anthropic-ai\/claude-code\/(cli\.m?js|bin\/claude(\.exe)?)$/, 'claude-code'],
  [/@openai\/codex\/bin\/codex\.js$/, 'codex'],
  [/@google\/gemini-cli\/(dist\/index\.js|bundle\/gemini\.js)$/, 'gemini-cli'],
];

const RUNNER = /^(node|nodejs|bun)(\d+(\.\d+)*)?$/;

/** Runner flags that take the next argument as their value (so it is not mistaken for the script). */
const FLAGS_WITH_VALUE = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--conditions', '-C', '--title']);

/** Runner flags after which no script file follows (inline code, REPL helpers). */
const NO_SCRIPT = new Set(['-e', '--eval', '-p', '--print', '-i', '--interactive', '-c', '--check']);

export interface ProcessIdentity {
  /** The executable's path or name (ps-list `path`, falling back to `name`). */
  exe: string;
  /** The exact argv when known (Linux /proc/<pid>/cmdline), otherwise the command split on spaces. */
  argv: readonly string[];
}

/** The agent a process runs, or null when it is not one of the agents Headroom knows. */
export function agentOfProcess(identity: ProcessIdentity): Agent | null {
  const names = [baseName(identity.exe), baseName(identity.argv[0] ?? '')];
  for (const name of names) {
    const native = nativeAgent(name);
    if (native) return native;
  }
  if (!names.some((name) => RUNNER.test(name))) return null;
  const script = scriptOf(identity.argv);
  if (script === null) return null;
  const byEntry = ENTRIES.find(([pattern]) => pattern.test(script.replaceAll('\\', '/')));
  if (byEntry) return byEntry[1];
  return NATIVE[stripExtension(baseName(script))] ?? null;
}

function nativeAgent(name: string): Agent | null {
  const bare = name.endsWith('.exe') ? name.slice(0, -4) : name;
  if (Object.hasOwn(NATIVE, bare)) return NATIVE[bare]!;
  return CODEX_TRIPLE.test(bare) ? 'codex' : null;
}

/** The script a runner was asked to run: its first argument that is not a flag (or a flag's value). */
function scriptOf(argv: readonly string[]): string | null {
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (NO_SCRIPT.has(arg)) return null;
    if (FLAGS_WITH_VALUE.has(arg)) {
      i += 1;
      continue;
    }
    if (arg === '--') return argv[i + 1] ?? null;
    if (!arg.startsWith('-')) return arg;
  }
  return null;
}

function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}

function stripExtension(name: string): string {
  return name.replace(/\.(m?js|cjs|exe)$/, '');
}

/**
 * A cheap pre-filter on ps output, so exact argv is only read for processes that might be agents.
 * Every process `agentOfProcess` accepts mentions one of these words in its command or name.
 */
export function mayBeAgent(name: string, command: string): boolean {
  return /claude|codex|gemini/.test(name) || /claude|codex|gemini/.test(command);
}
