/**
 * A private notification stack for tests: a D-Bus session bus, an Xvfb display and dunst, whose script
 * hook appends every notification it receives (app name, summary, body, urgency) to a file.
 * `skipReason` says why it cannot run here (not Linux, or a program is missing).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOOLS = ['Xvfb', 'dbus-daemon', 'dunst', 'notify-send', 'dbus-send'];

export function dunstSkipReason(): string | null {
  if (process.platform !== 'linux') return 'needs Linux (notify-send over D-Bus)';
  const missing = TOOLS.filter((tool) => spawnSync('which', [tool]).status !== 0);
  return missing.length > 0 ? `missing ${missing.join(', ')} (apt-get install xvfb dunst dbus-x11 libnotify-bin)` : null;
}

export interface Dunst {
  busAddress: string;
  /** Notifications received so far, one `app\tsummary\tbody\turgency` line each. */
  seen(): string[];
  stop(): void;
}

export async function until<T>(what: string, probe: () => T | null | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function firstLine(child: ChildProcess, readable: NodeJS.ReadableStream | null | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    readable?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

export async function startDunst(): Promise<Dunst> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-dunst-'));
  const log = join(dir, 'seen.tsv');
  const hook = join(dir, 'hook.sh');
  writeFileSync(hook, `#!/bin/sh\nprintf '%s\\t%s\\t%s\\t%s\\n' "$1" "$2" "$3" "$DUNST_URGENCY" >> '${log}'\n`);
  chmodSync(hook, 0o755);
  writeFileSync(join(dir, 'dunstrc'), `[global]\n  monitor = 0\n[record]\n  summary = "*"\n  script = ${hook}\n`);

  const children: ChildProcess[] = [];
  const stop = () => {
    for (const child of children.reverse()) child.kill('SIGTERM');
  };
  try {
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(bus);
    const busAddress = await firstLine(bus, bus.stdout);
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '640x480x24'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    children.push(xvfb);
    const display = await firstLine(xvfb, xvfb.stdio[3] as NodeJS.ReadableStream);
    const env = { ...process.env, DISPLAY: `:${display}`, DBUS_SESSION_BUS_ADDRESS: busAddress };
    children.push(spawn('dunst', ['-config', join(dir, 'dunstrc')], { env, stdio: 'ignore' }));
    await until('dunst to own org.freedesktop.Notifications', () => {
      const args = ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.Notifications'];
      return spawnSync('dbus-send', args, { env, encoding: 'utf8' }).stdout.includes('boolean true') ? true : null;
    });
    return {
      busAddress,
      seen: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
