#!/usr/bin/env node
// A Claude Code statusLine command: appends the JSON payload Claude Code sends on stdin, as one line,
// to the file named by its argument, and prints a short status so the TUI has something to show.
import { appendFileSync } from 'node:fs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const payload = Buffer.concat(chunks).toString('utf8').trim();
try {
  appendFileSync(process.argv[2], `${JSON.stringify(JSON.parse(payload))}\n`);
  process.stdout.write('headroom statusline ok');
} catch (error) {
  appendFileSync(process.argv[2], `${JSON.stringify({ unparsable: payload.slice(0, 500), error: String(error) })}\n`);
  process.stdout.write('headroom statusline: bad payload');
}
