/**
 * Runs the real Codex CLI (`codex exec`) against the fake Responses server: fresh `HOME` and
 * `CODEX_HOME`, a `config.toml` whose only provider is the fake, and every feature that would reach
 * github.com or chatgpt.com (plugin sync, apps, analytics, feedback, update checks) turned off.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenAIServer } from '../fake/openai';
import { CLIENT_PATH, runProcess, type RunResult } from './process';
import type { Workspace } from './workspace';

export interface CodexOptions {
  bin: string;
  server: OpenAIServer;
  workspace: Workspace;
  /** A model in Codex's bundled catalogue, so its window is Codex's own (gpt-5.5: 272k × 95 %). */
  model?: string;
}

export class CodexRunner {
  readonly codexHome: string;

  private constructor(private readonly options: CodexOptions) {
    this.codexHome = join(options.workspace.home, '.codex');
  }

  static async create(options: CodexOptions): Promise<CodexRunner> {
    const runner = new CodexRunner(options);
    await mkdir(runner.codexHome, { recursive: true });
    await writeFile(join(runner.codexHome, 'config.toml'), configToml(options.model ?? 'gpt-5.5', options.server.url));
    return runner;
  }

  get sessionsDir(): string {
    return join(this.codexHome, 'sessions');
  }

  /** `codex exec [resume …] <prompt>`; `config` entries become `-c key=value` overrides. */
  exec(prompt: string, options: { resume?: string; config?: Record<string, string | number>; timeoutMs?: number } = {}): Promise<RunResult> {
    const args = ['exec', '--skip-git-repo-check'];
    for (const [key, value] of Object.entries(options.config ?? {})) args.push('-c', `${key}=${value}`);
    if (options.resume !== undefined) args.push('resume', ...(options.resume === 'last' ? ['--last'] : [options.resume]));
    args.push(prompt);
    return this.run(args, options.timeoutMs);
  }

  run(args: string[], timeoutMs = 120_000): Promise<RunResult> {
    const { bin, server, workspace } = this.options;
    const env = {
      PATH: CLIENT_PATH,
      TERM: 'dumb',
      HOME: workspace.home,
      CODEX_HOME: this.codexHome,
      FAKE_OPENAI_API_KEY: 'sk-test-000',
      RUST_LOG: 'warn',
    };
    return runProcess({ command: bin, args, cwd: workspace.project, env, timeoutMs, forwards: [{ port: server.port, socketPath: server.socketPath }] });
  }
}

function configToml(model: string, baseUrl: string): string {
  return `model = "${model}"
model_provider = "fake"
check_for_update_on_startup = false
approval_policy = "never"
sandbox_mode = "workspace-write"

[model_providers.fake]
name = "Fake OpenAI (loopback)"
base_url = "${baseUrl}/v1"
env_key = "FAKE_OPENAI_API_KEY"
wire_api = "responses"
request_max_retries = 0
stream_max_retries = 0

# Without these Codex syncs curated plugins from github.com and chatgpt.com.
[features]
plugins = false
apps = false
remote_plugin = false
recommended_plugins = false
tool_suggest = false

[analytics]
enabled = false

[feedback]
enabled = false
`;
}
