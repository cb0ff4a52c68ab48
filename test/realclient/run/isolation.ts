/**
 * Network isolation for the real clients: when this machine can create a network namespace, each client
 * runs inside a fresh one whose only route is the loopback bridge to the fake servers, so nothing it
 * tries can leave the machine. Without namespaces the clients still run, relying on the variables that
 * turn off their telemetry, update checks and plugin sync (see each runner), which were audited with
 * strace to produce only loopback connections.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BRIDGE = fileURLToPath(new URL('./netns-bridge.mjs', import.meta.url));

/** The `unshare` flags that work here (plain as root, with a user namespace otherwise), or null. */
let probed: string[] | null | undefined;

export function namespaceFlags(): string[] | null {
  if (probed !== undefined) return probed;
  probed = null;
  if (process.env['HEADROOM_AGENTS_NO_NETNS'] === '1') return probed;
  // HEADROOM_AGENTS_USERNS=1 tries only the unprivileged form, to check what CI (not root) will do.
  const candidates = process.env['HEADROOM_AGENTS_USERNS'] === '1' ? [['-r', '-n']] : [['-n'], ['-r', '-n']];
  for (const flags of candidates) {
    const result = spawnSync('unshare', [...flags, 'ip', 'link', 'set', 'lo', 'up'], { stdio: 'ignore', timeout: 10_000 });
    if (result.status === 0) {
      probed = flags;
      break;
    }
  }
  return probed;
}

/** A route from a port inside the namespace to a fake server's Unix socket outside it. */
export interface Forward {
  port: number;
  socketPath: string;
}

/** Wraps a command so it runs in a fresh network namespace that can reach only the forwarded ports. */
export function isolate(command: string, args: string[], forwards: Forward[]): { command: string; args: string[] } | null {
  const flags = namespaceFlags();
  if (flags === null) return null;
  const routes = forwards.map(({ port, socketPath }) => `${port}=${socketPath}`);
  return { command: 'unshare', args: [...flags, process.execPath, BRIDGE, ...routes, '--', command, ...args] };
}
