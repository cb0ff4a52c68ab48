/**
 * SessionStart / SessionEnd: records which process runs which session (./session-registry.ts). A start
 * (also a resume, `/clear` or post-compaction start) writes the entry afresh with the agent process found
 * above the hook; an end keeps the entry and adds when and why, so a process the session left behind
 * can still be traced to it.
 */
import type { Agent } from '../../../shared/session';
import type { ProcessIdentity } from '../termination/identity';
import { agentAncestor } from './agent-process';
import type { HookPayload } from './payload';
import { readRegistryEntry, type RegistryEntry, writeRegistryEntry } from './session-registry';

export interface SessionEventInput {
  agent: Agent;
  dataDir: string;
  payload: HookPayload;
  now: number;
  log: (message: string) => void;
  agentProcess?: () => ProcessIdentity | null;
}

export function registerStart(input: SessionEventInput): RegistryEntry {
  const { agent, dataDir, payload } = input;
  const entry: RegistryEntry = {
    sessionId: payload.sessionId,
    agent,
    process: (input.agentProcess ?? (() => agentAncestor(agent)))(),
    cwd: payload.cwd,
    transcriptPath: payload.transcriptPath,
    source: payload.source,
    startedAt: new Date(input.now).toISOString(),
    endedAt: null,
    endReason: null,
  };
  writeRegistryEntry(dataDir, entry);
  input.log(`${agent} session ${payload.sessionId} (${payload.source ?? 'unknown source'}) runs in ${entry.process ? `process ${entry.process.pid}` : 'an unidentified process'}`);
  return entry;
}

export function registerEnd(input: SessionEventInput): RegistryEntry {
  const { agent, dataDir, payload } = input;
  const known = readRegistryEntry(dataDir, agent, payload.sessionId);
  const entry: RegistryEntry = {
    ...(known ?? {
      sessionId: payload.sessionId,
      agent,
      process: (input.agentProcess ?? (() => agentAncestor(agent)))(),
      cwd: payload.cwd,
      transcriptPath: payload.transcriptPath,
      source: null,
      startedAt: new Date(input.now).toISOString(),
    }),
    endedAt: new Date(input.now).toISOString(),
    endReason: payload.reason,
  };
  writeRegistryEntry(dataDir, entry);
  input.log(`${agent} session ${payload.sessionId} ended (${payload.reason ?? 'no reason given'})`);
  return entry;
}
