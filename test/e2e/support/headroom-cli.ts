/**
 * Runs the built `headroom` CLI the way a user does: `status --json` for the reference numbers, and
 * `serve` as a child process whose printed URL the browser opens.
 */
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StatusReport } from '../../../shared/session';
import { StatusReportSchema } from '../../../shared/session';
import { REPO_ROOT } from './workspace';

const CLI = join(REPO_ROOT, 'dist', 'cli', 'headroom.js');
const RENDERER = join(REPO_ROOT, 'dist', 'renderer', 'index.html');
const run = promisify(execFile);

/** The e2e tests drive the built app; CI builds before testing (`npm run build`), so should you. */
export function assertBuilt(): void {
  for (const file of [CLI, RENDERER]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the e2e tests.`);
  }
}

export async function statusJson(flags: readonly string[]): Promise<StatusReport> {
  const { stdout } = await run(process.execPath, [CLI, 'status', '--json', '--all', ...flags], { cwd: REPO_ROOT });
  return StatusReportSchema.parse(JSON.parse(stdout));
}

export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  port: number;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `headroom serve --port 0` and resolves once it printed its URL. */
export function startServe(flags: readonly string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...flags], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      printed += chunk.toString();
      const match = /Headroom dashboard: (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([\w-]+)/.exec(printed);
      if (!match) return;
      const [, origin = '', port = '', token = ''] = match;
      resolve({ url: `${origin}/?token=${token}`, origin, token, port: Number(port), output: () => printed, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`headroom serve exited with ${code} before printing its URL:\n${printed}`)));
  });
}
