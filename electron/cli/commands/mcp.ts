/**
 * `headroom mcp`: Headroom as an MCP server on stdio, for Claude Code (`claude mcp add headroom -- node
 * /abs/dist/cli/headroom.js mcp`) and Codex (`[mcp_servers.headroom]` in config.toml). It runs the same
 * engine host as the app — a live monitor of every session — and stops when the client disconnects.
 *
 * stdout belongs to the protocol: everything else this process says goes to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Command } from 'commander';
import { resolveDataDir } from '../../engine/data-dir';
import { createHeadroomService } from '../../engine/service';
import { SettingsStore } from '../../engine/settings/store';
import { createMcpServer } from '../../server/mcp';
import { type RootFlags, rootOptions, withRootFlags } from '../options';
import { HEADROOM_VERSION } from '../../server/mcp-version';

export function register(program: Command): void {
  withRootFlags(program.command('mcp').description('Serve the MCP tools (token usage, should-terminate, checkpoints, termination requests) on stdio')).action(async (flags: RootFlags) => {
    const dataDir = resolveDataDir({ explicit: flags.dataDir });
    const settingsStore = new SettingsStore(dataDir);
    const service = await createHeadroomService({ dataDir, ...rootOptions(flags), metricsEndpoint: false });
    const startedAt = Date.now();
    const server = createMcpServer({ service, dataDir, settings: () => settingsStore.get(), now: Date.now, startedAt, version: HEADROOM_VERSION });
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((resolve) => {
      transport.onclose = () => resolve();
      process.stdin.once('end', () => resolve());
      process.once('SIGTERM', () => resolve());
      process.once('SIGINT', () => resolve());
    });
    await server.connect(transport);
    await closed;
    await server.close().catch(() => undefined);
    await service.close();
  });
}
