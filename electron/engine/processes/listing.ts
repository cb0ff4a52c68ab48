/**
 * The agent processes running now, from one process listing: /proc on Linux (see ./linux.ts for why
 * not ps there), ps-list elsewhere. Only processes whose command line mentions an agent are looked at
 * more closely, so the cost is one pass over the process table plus a few reads.
 */
import type psList from 'ps-list';
import type { Agent } from '../../../shared/session';
import { agentOfProcess, mayBeAgent } from './agents';
import { listProcesses, readExe } from './linux';

export interface AgentProcess {
  pid: number;
  /** Null when the listing did not say; the facts reader fills it in from /proc on Linux. */
  ppid: number | null;
  agent: Agent;
  /** What ps said, when ps was the source (macOS, Windows). */
  ps: { startMs: number | null; cpuPercent: number | null; memoryPercent: number | null } | null;
}

/** Agent processes other than this one; an unusable listing (ps missing or denied) is an empty one. */
export async function listAgentProcesses(platform: NodeJS.Platform): Promise<AgentProcess[]> {
  const found = platform === 'linux' ? fromProc() : await fromPs();
  return found.filter((p) => p.pid !== process.pid);
}

function fromProc(): AgentProcess[] {
  const agents: AgentProcess[] = [];
  for (const { pid, argv } of listProcesses()) {
    if (!mayBeAgent('', argv.join(' '))) continue;
    const agent = agentOfProcess({ exe: readExe(pid) ?? argv[0] ?? '', argv });
    if (agent) agents.push({ pid, ppid: null, agent, ps: null });
  }
  return agents;
}

async function fromPs(): Promise<AgentProcess[]> {
  let listing: Awaited<ReturnType<typeof psList>>;
  try {
    // Loaded here, not at the top: Linux never needs it, and every `headroom status` would pay for it.
    const { default: list } = await import('ps-list');
    listing = await list();
  } catch {
    return [];
  }
  const agents: AgentProcess[] = [];
  for (const p of listing) {
    const command = p.cmd ?? '';
    if (!mayBeAgent(p.name, command)) continue;
    // ps joins argv with spaces, so a path with spaces splits wrongly; the executable name still decides.
    const agent = agentOfProcess({ exe: p.path || p.name, argv: command === '' ? [p.name] : command.split(' ') });
    if (agent) agents.push({ pid: p.pid, ppid: p.ppid, agent, ps: { startMs: p.startTime?.getTime() ?? null, cpuPercent: p.cpu ?? null, memoryPercent: p.memory ?? null } });
  }
  return agents;
}
