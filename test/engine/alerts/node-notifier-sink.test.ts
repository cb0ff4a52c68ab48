/**
 * The node-notifier sink against a real notification daemon: a private D-Bus session bus, an Xvfb
 * display and dunst, whose script hook records every notification it receives. Skipped, with the
 * reason, where those programs are missing (CI images install them: xvfb dunst dbus-x11 libnotify-bin).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeNotifierSink, clean } from '../../../electron/engine/alerts/node-notifier-sink';

const TOOLS = ['Xvfb', 'dbus-daemon', 'dunst', 'notify-send', 'dbus-send'];
const missing = TOOLS.filter((tool) => spawnSync('which', [tool]).status !== 0);
const skipReason = process.platform !== 'linux' ? 'needs Linux (notify-send)' : missing.length > 0 ? `missing ${missing.join(', ')}` : null;

const children: ChildProcess[] = [];
let dir = '';
let busAddress = '';

async function until<T>(what: string, probe: () => T | null | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function firstLine(child: ChildProcess, stream: 'stdout' | 'stdio3'): Promise<string> {
  const readable = stream === 'stdout' ? child.stdout : (child.stdio[3] as NodeJS.ReadableStream | null);
  return new Promise((resolve, reject) => {
    let text = '';
    readable?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

beforeAll(async () => {
  if (skipReason) return;
  dir = mkdtempSync(join(tmpdir(), 'headroom-dunst-'));
  const hook = join(dir, 'hook.sh');
  writeFileSync(hook, `#!/bin/sh\nprintf '%s\\t%s\\t%s\\t%s\\n' "$1" "$2" "$3" "$DUNST_URGENCY" >> '${join(dir, 'seen.tsv')}'\n`);
  chmodSync(hook, 0o755);
  writeFileSync(join(dir, 'dunstrc'), `[global]\n  monitor = 0\n[record]\n  summary = "*"\n  script = ${hook}\n`);

  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(bus);
  busAddress = await firstLine(bus, 'stdout');
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '640x480x24'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  children.push(xvfb);
  const display = await firstLine(xvfb, 'stdio3');
  const env = { ...process.env, DISPLAY: `:${display}`, DBUS_SESSION_BUS_ADDRESS: busAddress };
  children.push(spawn('dunst', ['-config', join(dir, 'dunstrc')], { env, stdio: 'ignore' }));
  await until('dunst to own org.freedesktop.Notifications', () => {
    const probe = spawnSync(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.Notifications'],
      { env, encoding: 'utf8' },
    );
    return probe.stdout.includes('boolean true') ? true : null;
  });
}, 30_000);

afterAll(() => {
  for (const child of children.reverse()) child.kill('SIGTERM');
});

describe('NodeNotifierSink', () => {
  it.skipIf(skipReason !== null)(`delivers alerts to the notification daemon${skipReason ? ` (skipped: ${skipReason})` : ''}`, async () => {
    const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = busAddress;
    const errors: Error[] = [];
    try {
      const sink = new NodeNotifierSink({ onError: (e) => errors.push(e) });
      sink.show({ sessionId: 'a', kind: 'critical', title: 'shop: context critical at 93%', body: 'Passed 90%. Run "headroom checkpoint" & $HOME `x`' });
      sink.show({ sessionId: 'b', kind: 'warning', title: 'blog: context at 71%', body: 'Passed the warning threshold (70%).' });
      const seen = await until('both notifications in dunst', () => {
        const path = join(dir, 'seen.tsv');
        const lines = existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n') : [];
        return lines.length >= 2 ? lines.sort() : null;
      });
      expect(seen).toEqual([
        'Headroom\tblog: context at 71%\tPassed the warning threshold (70%).\tNORMAL',
        'Headroom\tshop: context critical at 93%\tPassed 90%. Run "headroom checkpoint" &amp; $HOME `x`\tCRITICAL',
      ]);
      expect(errors).toEqual([]);
    } finally {
      process.env.DBUS_SESSION_BUS_ADDRESS = previous;
    }
  }, 30_000);

  it('flattens control characters and escapes markup only when asked', () => {
    expect(clean('a\nb\t<c> & d\u0007', true)).toBe('a b &lt;c&gt; &amp; d');
    expect(clean(' x <y> ', false)).toBe('x <y>');
  });
});
