/**
 * Runs the real Gemini CLI against the fake Gemini API: fresh `HOME` with a `~/.gemini/settings.json`
 * that selects API-key auth and turns off usage statistics, telemetry and auto-update; the workspace is
 * trusted up front (otherwise the CLI exits 55) and the relaunch into a child process is off.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeminiServer } from '../fake/gemini';
import { CLIENT_PATH, runProcess, type RunResult } from './process';
import type { Workspace } from './workspace';

export interface GeminiOptions {
  bin: string;
  server: GeminiServer;
  workspace: Workspace;
}

export class GeminiRunner {
  readonly geminiDir: string;

  private constructor(private readonly options: GeminiOptions) {
    this.geminiDir = join(options.workspace.home, '.gemini');
  }

  static async create(options: GeminiOptions): Promise<GeminiRunner> {
    const runner = new GeminiRunner(options);
    await mkdir(runner.geminiDir, { recursive: true });
    await writeFile(join(runner.geminiDir, 'settings.json'), JSON.stringify({
      security: { auth: { selectedType: 'gemini-api-key' } },
      privacy: { usageStatisticsEnabled: false },
      telemetry: { enabled: false },
      general: { disableAutoUpdate: true },
    }, null, 2));
    return runner;
  }

  /** `gemini -p <prompt> --output-format json`, resuming the latest session when asked; `--yolo` lets tools run unattended. */
  prompt(text: string, options: { resume?: boolean; yolo?: boolean; timeoutMs?: number } = {}): Promise<RunResult> {
    const args = ['-p', text, '--output-format', 'json'];
    if (options.resume === true) args.push('--resume', 'latest');
    if (options.yolo === true) args.push('--yolo');
    return this.run(args, options.timeoutMs);
  }

  run(args: string[], timeoutMs = 120_000): Promise<RunResult> {
    const { bin, server, workspace } = this.options;
    const env = {
      PATH: CLIENT_PATH,
      TERM: 'dumb',
      HOME: workspace.home,
      GEMINI_API_KEY: 'fake-gemini-key-000',
      GOOGLE_GEMINI_BASE_URL: server.url,
      GEMINI_CLI_TRUST_WORKSPACE: 'true',
      GEMINI_CLI_NO_RELAUNCH: 'true',
    };
    return runProcess({ command: bin, args, cwd: workspace.project, env, timeoutMs, forwards: [{ port: server.port, socketPath: server.socketPath }] });
  }
}
