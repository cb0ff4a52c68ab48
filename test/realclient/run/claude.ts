/**
 * Runs the real Claude Code CLI against the fake Anthropic server: fresh `HOME` and
 * `CLAUDE_CONFIG_DIR`, API key auth (no login), and every variable that turns off non-essential
 * traffic, telemetry, auto-update and error reporting.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnthropicServer } from '../fake/anthropic';
import { CLIENT_PATH, runProcess, type RunResult } from './process';
import { runInPty, type PtyStep } from './pty';
import type { Workspace } from './workspace';

export const CLAUDE_API_KEY = 'sk-ant-test-000';

export interface ClaudeOptions {
  bin: string;
  server: AnthropicServer;
  workspace: Workspace;
  /** Merged into `$CLAUDE_CONFIG_DIR/settings.json` (hooks, statusLine…). */
  settings?: Record<string, unknown>;
}

export interface PromptOptions {
  resume?: string;
  continue?: boolean;
  model?: string;
  allowedTools?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}

export class ClaudeRunner {
  readonly configDir: string;

  private constructor(private readonly options: ClaudeOptions) {
    this.configDir = join(options.workspace.home, '.claude');
  }

  static async create(options: ClaudeOptions): Promise<ClaudeRunner> {
    const runner = new ClaudeRunner(options);
    await mkdir(runner.configDir, { recursive: true });
    await writeFile(join(runner.configDir, 'settings.json'), JSON.stringify(options.settings ?? {}, null, 2));
    // Only the interactive UI reads these; writing them up front keeps `-p` and the TUI on one footing.
    await writeFile(join(runner.configDir, '.claude.json'), JSON.stringify({
      hasCompletedOnboarding: true,
      theme: 'dark',
      customApiKeyResponses: { approved: [CLAUDE_API_KEY.slice(-20)] },
      projects: { [options.workspace.project]: { hasTrustDialogAccepted: true } },
    }));
    return runner;
  }

  /** Where Claude Code writes this workspace's transcripts (`projects/<encoded cwd>/…`). */
  get projectsDir(): string {
    return join(this.configDir, 'projects');
  }

  /** The complete environment a Claude Code process gets. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      PATH: CLIENT_PATH,
      TERM: 'dumb',
      HOME: this.options.workspace.home,
      CLAUDE_CONFIG_DIR: this.configDir,
      ANTHROPIC_BASE_URL: this.options.server.url,
      ANTHROPIC_API_KEY: CLAUDE_API_KEY,
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      DISABLE_TELEMETRY: '1',
      DISABLE_AUTOUPDATER: '1',
      DISABLE_ERROR_REPORTING: '1',
      DISABLE_BUG_COMMAND: '1',
      CLAUDE_CODE_ENABLE_TELEMETRY: '0',
      ...extra,
    };
  }

  /** One `claude -p` run with JSON output. */
  prompt(text: string, options: PromptOptions = {}): Promise<RunResult> {
    const args = ['-p', text, '--output-format', 'json'];
    if (options.resume !== undefined) args.push('--resume', options.resume);
    if (options.continue === true) args.push('--continue');
    if (options.model !== undefined) args.push('--model', options.model);
    if (options.allowedTools !== undefined) args.push('--allowedTools', ...options.allowedTools);
    return this.run(args, options.env, options.timeoutMs);
  }

  /** The interactive UI in a pseudo-terminal, driven by `steps` (see pty-drive.py). */
  interactive(args: string[], steps: PtyStep[], env: Record<string, string> = {}, timeoutMs = 180_000): ReturnType<typeof runInPty> {
    const { bin, server, workspace } = this.options;
    return runInPty({
      command: bin,
      args,
      cwd: workspace.project,
      env: this.env({ TERM: 'xterm-256color', ...env }),
      steps,
      scratchDir: workspace.root,
      timeoutMs,
      forwards: [{ port: server.port, socketPath: server.socketPath }],
    });
  }

  run(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<RunResult> {
    const { bin, server, workspace } = this.options;
    return runProcess({ command: bin, args, cwd: workspace.project, env: this.env(env), timeoutMs, forwards: [{ port: server.port, socketPath: server.socketPath }] });
  }
}
