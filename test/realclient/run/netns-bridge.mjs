#!/usr/bin/env node
// Runs inside a fresh network namespace (`unshare -n`), where only a loopback device exists: brings
// `lo` up, forwards each 127.0.0.1:<port> to the fake server's Unix socket outside the namespace, then
// runs the client and exits with its status. The client can reach the fakes and nothing else.
//
// Usage: node netns-bridge.mjs <port>=<socket path> [...] -- <command> [args...]
import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';

const separator = process.argv.indexOf('--');
if (separator < 0 || separator === process.argv.length - 1) {
  process.stderr.write('netns-bridge: usage: netns-bridge.mjs <port>=<socket> ... -- <command> [args...]\n');
  process.exit(64);
}
const forwards = process.argv.slice(2, separator).map((pair) => {
  const [port, socket] = pair.split('=');
  return { port: Number(port), socket };
});
const [command, ...args] = process.argv.slice(separator + 1);

const lo = spawnSync('ip', ['link', 'set', 'lo', 'up'], { stdio: 'inherit' });
if (lo.status !== 0) {
  process.stderr.write('netns-bridge: could not bring up the loopback device\n');
  process.exit(70);
}

const servers = await Promise.all(forwards.map(({ port, socket }) => new Promise((resolve, reject) => {
  const server = createServer((inbound) => {
    const outbound = connect(socket);
    inbound.pipe(outbound).pipe(inbound);
    const drop = () => { inbound.destroy(); outbound.destroy(); };
    inbound.on('error', drop);
    outbound.on('error', drop);
  });
  server.once('error', reject);
  server.listen(port, '127.0.0.1', () => resolve(server));
})));

const child = spawn(command, args, { stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  process.stderr.write(`netns-bridge: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  for (const server of servers) server.close();
  process.exit(code ?? (signal === null ? 1 : 128));
});
