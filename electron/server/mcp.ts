/**
 * Headroom as an MCP server (`headroom mcp`, stdio): lets an agent ask how full its own context is,
 * whether it should stop, and ask for a checkpoint or a termination — against the same live monitor
 * and policies the app uses.
 *
 * Every tool's input is a zod schema (the SDK validates before the tool runs and answers a bad input
 * with an MCP error naming the field); every result is both JSON text (for any client) and
 * `structuredContent`. Tool failures are MCP errors with a message (./mcp-tools.ts), never a crash.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AGENTS } from '../../shared/session';
import { PRIORITIES } from '../engine/termination/request';
import { checkShouldTerminate, createCheckpoint, healthCheck, listSessions, monitorStatus, recordTermination, tokenUsage, type ToolDeps } from './mcp-tools';

const session = {
  session_id: z.string().min(1).max(200).optional().describe('Session id, or a unique prefix of at least 4 characters'),
  cwd: z.string().min(1).max(4096).optional().describe('A folder: the most recently active session whose project is this folder (or contains it)'),
};

export function createMcpServer(deps: ToolDeps): McpServer {
  const server = new McpServer({ name: 'headroom', version: deps.version }, { capabilities: { tools: {} } });
  const readOnly = { readOnlyHint: true, openWorldHint: false };

  server.registerTool('get_token_usage', {
    title: 'Context usage of a session',
    description: 'Tokens in the context window now, the window size, the percent used (as the agent itself counts it) and where the figure comes from.',
    inputSchema: session,
    annotations: readOnly,
  }, (args) => result(tokenUsage(deps, args)));

  server.registerTool('check_should_terminate', {
    title: 'Should this session stop?',
    description: 'Whether the session should checkpoint and stop now (critical context, about to auto-compact, or a pending termination request), with the reason.',
    inputSchema: session,
    annotations: readOnly,
  }, (args) => result(checkShouldTerminate(deps, args)));

  server.registerTool('request_termination', {
    title: 'Request that a session stops',
    description: 'Records a termination request: Headroom checkpoints the session, notifies the user with the continuation command, and (priority immediate, if the user allows signals) ends the agent process.',
    inputSchema: {
      ...session,
      reason: z.string().trim().min(1).max(500).describe('Why the session should stop (shown to the user)'),
      continuation_command: z.string().min(1).max(2000).optional().describe("How to continue the work; default: the session's resume command"),
      priority: z.enum(PRIORITIES).optional().describe('graceful (default): checkpoint and notify; immediate: also end the agent process when allowed'),
    },
    annotations: { destructiveHint: true, openWorldHint: false },
  }, (args) => result(recordTermination(deps, args)));

  server.registerTool('create_checkpoint', {
    title: 'Checkpoint a session',
    description: 'Writes a handoff document and a git snapshot of uncommitted work, and returns how to restore and resume.',
    inputSchema: { ...session, reason: z.string().max(500).optional(), force: z.boolean().optional().describe('ignore the cooldown since the last checkpoint') },
    annotations: { openWorldHint: false },
  }, async (args) => result(await createCheckpoint(deps, args)));

  server.registerTool('list_sessions', {
    title: 'List sessions',
    description: 'Sessions Headroom monitors, most recently active first, with status, level and context percent.',
    inputSchema: { status: z.enum(['running', 'idle', 'ended']).optional(), agent: z.enum(AGENTS).optional(), limit: z.number().int().min(1).max(500).optional() },
    annotations: readOnly,
  }, (args) => result(listSessions(deps, args)));

  server.registerTool('get_monitor_status', {
    title: 'Monitor status',
    description: 'Counts by status and level, how files are watched, the folders read, problems, and pending termination requests.',
    inputSchema: {},
    annotations: readOnly,
  }, () => result(monitorStatus(deps)));

  server.registerTool('health_check', {
    title: 'Health check',
    description: 'Whether the Headroom MCP server is up, its version and uptime.',
    inputSchema: {},
    annotations: readOnly,
  }, () => result(healthCheck(deps)));

  return server;
}

function result(value: object): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: value as Record<string, unknown> };
}
