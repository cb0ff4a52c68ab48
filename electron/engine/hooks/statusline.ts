/**
 * The statusLine wrapper: Claude Code runs it with its statusLine JSON on stdin; it records the exact
 * `context_window` figures (./statusline-record.ts) and then runs the user's own statusLine command
 * unchanged — same stdin bytes, its stdout passed through, its exit code returned — so the user sees
 * exactly what they saw before. The user's command is a shell command line by definition (that is how
 * Claude Code runs it), so it is run through the shell, as Claude Code would.
 *
 * Recording can never break the status line: a failure there is logged and the user's command runs
 * anyway. Without a user command, a short line of Claude Code's own figures is printed.
 */
import { spawn } from 'node:child_process';
import { statuslineRecordOf, writeStatuslineRecord } from './statusline-record';
import { groupDigits } from './digits';

export interface StatuslineInput {
  dataDir: string;
  stdin: string;
  /** The user's original statusLine command; null when they had none. */
  userCommand: string | null;
  now: number;
  log: (message: string) => void;
  write: (text: string) => void;
}


/** Returns the exit code to exit with. */
export async function runStatusline(input: StatuslineInput): Promise<number> {
  let payload: unknown = null;
  try {
    payload = JSON.parse(input.stdin);
    const record = statuslineRecordOf(payload, input.now);
    if (record) await writeStatuslineRecord(input.dataDir, record);
    else input.log('the payload names no session; nothing recorded');
  } catch (error) {
    input.log(`could not record the payload: ${(error as Error).message}`);
  }
  if (input.userCommand) return runUserCommand(input.userCommand, input.stdin, input.write, input.log);
  input.write(`${ownLine(payload)}\n`);
  return 0;
}

function runUserCommand(command: string, stdin: string, write: (text: string) => void, log: (message: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'inherit'] });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once('SIGTERM', forward);
    child.stdout.on('data', (chunk: Buffer) => write(chunk.toString('utf8')));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
    child.once('error', (error) => {
      log(`statusline: could not run the user's command: ${error.message}`);
      resolve(1);
    });
    child.once('close', (code) => {
      process.off('SIGTERM', forward);
      resolve(code ?? 1);
    });
  });
}

/** `ctx 6% · 60,005 / 1,000,000` from Claude Code's own figures, when the user has no statusLine of their own. */
function ownLine(payload: unknown): string {
  const window = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)['context_window'] : null;
  if (typeof window !== 'object' || window === null) return 'ctx —';
  const w = window as Record<string, unknown>;
  const used = typeof w['total_input_tokens'] === 'number' ? w['total_input_tokens'] : null;
  const size = typeof w['context_window_size'] === 'number' ? w['context_window_size'] : null;
  const percent = typeof w['used_percentage'] === 'number' ? `${w['used_percentage']}%` : '—';
  return used !== null && size !== null ? `ctx ${percent} · ${groupDigits(used)} / ${groupDigits(size)}` : `ctx ${percent}`;
}
